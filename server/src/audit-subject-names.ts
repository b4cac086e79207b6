import { can, nameOrganisations, nameRoles, nameUsers, readableById, type AuditNamers, type ServiceContext } from './modules/access';
import { nameCases } from './modules/cases';
import { nameForms } from './modules/forms';
import { submissionModel } from './modules/submissions';
import { nameWorkflows } from './modules/workflows';

/** A submission is named by its form's title, where the reader may read both the submission and the form. */
async function nameSubmissions(ctx: ServiceContext, ids: string[]): Promise<Map<string, { text: string; detail?: string }>> {
  const submissions = await readableById(submissionModel(ctx.db), ctx.auth.ability, 'Submission', ids, { formId: 1, formPath: 1, orgId: 1, sharedWith: 1 }, 'formPath');
  const forms = await nameForms(ctx, [...new Set([...submissions.values()].map((submission) => String(submission.formId)))]);
  return new Map(
    [...submissions].map(([id, submission]) => [id, forms.get(String(submission.formId)) ?? { text: submission.formPath }]),
  );
}

/** The platform's template library is no secret to those who may read it: a template is named by its path. */
async function nameFormTemplates(ctx: ServiceContext, paths: string[]): Promise<Map<string, { text: string }>> {
  if (!can(ctx.auth.ability, 'read', 'FormTemplate', {})) return new Map();
  return new Map(paths.map((path) => [path, { text: path }]));
}

/**
 * How the audit log names each kind of record it lists: each through its own module and the permission layer. A
 * grant's entries carry its case's id, so they are named by the case's reference.
 */
export const auditNamers: AuditNamers = {
  User: nameUsers,
  Role: nameRoles,
  Organisation: nameOrganisations,
  Case: nameCases,
  ReintegrationGrant: nameCases,
  Submission: nameSubmissions,
  Form: nameForms,
  FormTemplate: nameFormTemplates,
  Workflow: nameWorkflows,
};
