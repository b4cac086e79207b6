import { formDefinitionInvalid } from '../form.errors';
import type { ServiceContext } from '../../access';
import { validateFormDefinition } from '../definition/form-definition-validator';
import { formModel } from '../storage/form.model';
import type { FormTranslations } from '../../../contracts/forms/translatable-strings-collector';
import { formFilter, type FormRef } from './form-access';
import { createForm, getForm, saveForm, type FormWithRevision } from './form.service';
import { loadRevision } from './revision-store';

export interface ExportedForm {
  definition: unknown;
  translations: FormTranslations;
}

export const BUNDLE_FORMAT = 'assist-form-bundle';

/** The newest revision with its translations: what another installation needs to recreate the form. */
export async function exportForm(ctx: ServiceContext, ref: FormRef): Promise<ExportedForm> {
  const { revision } = await getForm(ctx, ref, 'latest');
  return { definition: revision.definition, translations: revision.translations };
}

export async function exportBundle(ctx: ServiceContext) {
  const forms = await formModel(ctx.db).find(formFilter(ctx, 'read')).sort({ path: 1 }).lean();
  const exported = [];
  for (const form of forms) {
    const revision = await loadRevision(ctx.db, form._id, form.latestRevision);
    exported.push({ definition: revision.definition, translations: revision.translations });
  }
  return { format: BUNDLE_FORMAT, version: 1 as const, forms: exported };
}

/**
 * Imports forms into the active organisation: a path that exists gets a new revision, a new path a new form.
 * Every definition is checked before anything is written, and all problems are reported together, each
 * prefixed with the form's position in the bundle.
 */
export async function importForms(ctx: ServiceContext, items: ExportedForm[], publish: boolean): Promise<FormWithRevision[]> {
  const problems = items.flatMap((item, index) => {
    const result = validateFormDefinition(item.definition);
    return result.ok
      ? []
      : result.problems.map((problem) => ({
          ...problem,
          path: `forms[${index}].${problem.path}`,
          message: ctx.t(`validation:definition.${problem.code}`, { ...problem.params, path: problem.path, key: problem.key ?? '', property: problem.property ?? '' }),
        }));
  });
  if (problems.length > 0) throw formDefinitionInvalid(problems);
  const saved: FormWithRevision[] = [];
  for (const item of items) {
    const path = (item.definition as { path: string }).path;
    const existing = await formModel(ctx.db).findOne(formFilter(ctx, 'read', { path })).lean();
    const input = { definition: item.definition, translations: item.translations, note: 'imported', publish };
    saved.push(existing ? await saveForm(ctx, { id: existing._id.toHexString() }, input) : await createForm(ctx, input));
  }
  return saved;
}
