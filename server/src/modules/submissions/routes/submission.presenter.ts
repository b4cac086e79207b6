import type { SubmissionView } from '../service/submission-reader';

export function presentSubmission(view: SubmissionView) {
  return {
    id: view._id,
    formId: view.formId,
    formPath: view.formPath,
    revision: view.revision,
    caseId: view.caseId,
    orgId: view.orgId,
    data: view.data,
    masked: view.masked,
    createdBy: view.createdBy,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    version: view.version,
  };
}
