import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formFieldCatalog, type CatalogField } from '../../../contracts/workflows/form-field-catalog';
import type { FormFieldCatalogs } from '../definition/form-bindings.validator';

/** The repository's workflows/ folder, from this file's place in server/src/modules/workflows/templates. */
export const WORKFLOWS_DIR = join(__dirname, '..', '..', '..', '..', '..', 'workflows');

/** Form paths the shipped templates may reference: the forms/ templates agreed with the forms module. */
export const TEMPLATE_FORM_PATHS: ReadonlySet<string> = new Set([
  'needs-assessment',
  'safety-plan',
  'child-welfare',
  'integration-checkpoints',
  'plan-of-assistance',
  'return-reintegration',
  'reimbursement-claim',
  'consent-information',
]);

/** The repository's forms/ folder, beside workflows/. */
export const FORMS_DIR = join(WORKFLOWS_DIR, '..', 'forms');

/**
 * The fields of the shipped form templates by form path, so the templates' bindings are checked field by field and
 * option by option when they are loaded. Read once; the files do not change while the server runs.
 */
export function templateFormFields(formsDir: string = FORMS_DIR): FormFieldCatalogs {
  const catalogs = new Map<string, Map<string, CatalogField>>();
  for (const file of readdirSync(formsDir).filter((name) => name.endsWith('.json')).sort()) {
    const form = JSON.parse(readFileSync(join(formsDir, file), 'utf8')) as { path?: unknown; components?: unknown };
    if (typeof form.path === 'string' && TEMPLATE_FORM_PATHS.has(form.path)) catalogs.set(form.path, formFieldCatalog(form.components));
  }
  return catalogs;
}
