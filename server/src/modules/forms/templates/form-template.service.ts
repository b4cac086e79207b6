import { notFound } from '../../../core/errors/app-error';
import { ensureCan, withPermission, auditActor, type ServiceContext } from '../../access';
import { auditedWrite } from '../../audit';
import { formTemplateModel, formTemplateRevisionModel, type FormTemplate } from '../storage/form-template.model';
import type { FormDefinition } from '../../../contracts/forms/form.types';
import type { FormTranslations } from '../../../contracts/forms/translatable-strings-collector';
import { checkDefinition } from '../service/definition-check';
import { insertForm } from '../service/form-writer';
import { loadRevision } from '../service/revision-store';
import type { FormWithRevision } from '../service/form.service';

export interface TemplateView {
  template: FormTemplate;
  revision: number;
  definition: FormDefinition;
  translations: FormTranslations;
}

export async function listTemplates(ctx: ServiceContext): Promise<FormTemplate[]> {
  return formTemplateModel(ctx.db).find(withPermission(ctx.auth.ability, 'read', 'FormTemplate')).sort({ path: 1 }).lean();
}

export async function getTemplate(ctx: ServiceContext, path: string, revision?: number): Promise<TemplateView> {
  const template = await formTemplateModel(ctx.db).findOne(withPermission(ctx.auth.ability, 'read', 'FormTemplate', { path })).lean();
  if (!template) throw notFound();
  const number = revision ?? template.latestRevision;
  const stored = await formTemplateRevisionModel(ctx.db).findOne({ path, number }).lean();
  if (!stored) throw notFound();
  return {
    template,
    revision: number,
    definition: JSON.parse(stored.definitionJson) as FormDefinition,
    translations: JSON.parse(stored.translationsJson) as FormTranslations,
  };
}

/** Copies the template's latest revision into the active organisation as a published form that remembers its upstream. */
export async function cloneTemplate(ctx: ServiceContext, path: string, newPath?: string): Promise<FormWithRevision> {
  ensureCan(ctx.auth.ability, 'clone', 'FormTemplate', {});
  const orgId = ctx.auth.org._id;
  ensureCan(ctx.auth.ability, 'create', 'Form', { orgId });
  const source = await getTemplate(ctx, path);
  const definition = checkDefinition({ ...source.definition, ...(newPath ? { path: newPath } : {}) }, ctx.t);
  const form = await auditedWrite(ctx.db, auditActor(ctx), { action: 'clone', subjectType: 'FormTemplate', subjectId: path }, () =>
    insertForm(
      ctx.db,
      orgId,
      { definition, translations: source.translations, authorId: ctx.auth.user._id, note: `cloned from template ${path} revision ${source.revision}`, publish: true },
      { templatePath: path, revision: source.revision },
    ),
  );
  return { form, revision: await loadRevision(ctx.db, form._id, 1) };
}
