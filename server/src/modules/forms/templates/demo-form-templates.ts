import type { Connection, Types } from 'mongoose';
import { formsDir } from '../../../config/paths';
import { formModel } from '../storage/form.model';
import { formTemplateModel, formTemplateRevisionModel } from '../storage/form-template.model';
import type { FormDefinition } from '../../../contracts/forms/form.types';
import type { FormTranslations } from '../../../contracts/forms/translatable-strings-collector';
import { insertForm } from '../service/form-writer';
import { loadFormTemplates } from './form-template-loader';

const FINNISH_PUBLIC = [
  'needs-assessment', 'safety-plan', 'child-welfare', 'integration-checkpoints', 'plan-of-assistance',
  'reimbursement-claim', 'consent-information',
];

/** Which library templates each demo organisation works with (by what its kind of organisation does). */
export const DEMO_FORM_TEMPLATES: Record<string, string[]> = {
  'fi-nas': FINNISH_PUBLIC,
  'fi-helsinki': FINNISH_PUBLIC,
  'fi-vantaa': FINNISH_PUBLIC,
  'fi-oulu': FINNISH_PUBLIC,
  'fi-victim-support': ['needs-assessment', 'safety-plan', 'consent-information', 'plan-of-assistance'],
  'dk-cmm': ['needs-assessment', 'safety-plan', 'child-welfare', 'plan-of-assistance', 'consent-information', 'return-reintegration'],
  'iom-bg': ['needs-assessment', 'safety-plan', 'consent-information', 'plan-of-assistance', 'return-reintegration'],
  'mk-shelter': ['needs-assessment', 'safety-plan', 'child-welfare', 'consent-information', 'plan-of-assistance', 'integration-checkpoints', 'return-reintegration'],
};

/** Idempotent: loads the library, then clones each fitting template into each demo organisation that lacks it. */
export async function cloneDemoFormTemplates(db: Connection, orgIds: ReadonlyMap<string, Types.ObjectId>): Promise<number> {
  await loadFormTemplates(db, formsDir);
  let cloned = 0;
  for (const [slug, paths] of Object.entries(DEMO_FORM_TEMPLATES)) {
    const orgId = orgIds.get(slug);
    if (!orgId) continue;
    for (const path of paths) {
      if (await formModel(db).exists({ orgId, path })) continue;
      const template = await formTemplateModel(db).findOne({ path }).lean();
      const revision = template && (await formTemplateRevisionModel(db).findOne({ path, number: template.latestRevision }).lean());
      if (!template || !revision) continue;
      await insertForm(
        db,
        orgId,
        {
          definition: JSON.parse(revision.definitionJson) as FormDefinition,
          translations: JSON.parse(revision.translationsJson) as FormTranslations,
          authorId: null,
          note: `demo: cloned from template ${path} revision ${revision.number}`,
          publish: true,
        },
        { templatePath: path, revision: revision.number },
      );
      cloned += 1;
    }
  }
  return cloned;
}
