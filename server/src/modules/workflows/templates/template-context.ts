import { join } from 'node:path';

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
