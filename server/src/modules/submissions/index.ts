// The public face of the submissions module: what other modules (cases, the Form.io adapter, demo data) and app.ts
// use.
export { submissionsApiRoutes } from './routes/submissions-api.routes';
export { submissionApi } from './routes/submission.openapi';
export {
  ANY_FORM, createSubmission, deleteSubmission, getSubmission, listSubmissions, updateSubmission,
  type SubmissionDeps, type SubmissionScope,
} from './service/submission.service';
export type { SubmissionView } from './service/submission-reader';
export type { CaseLink, SubmissionCasePort, SubmissionChange } from './service/submission-case.port';
export { copyCaseAccess } from './service/case-access-copy';
export { markSubmissionsChanged, settleMarkedSubmissions } from './service/submission-outbox';
export { MISSED_AUDIT_COPIES, startSubmissionRecovery } from './service/submission-recovery';
export { submissionModel, type Submission } from './storage/submission.model';
export { validateSubmission, type SubmissionResult } from './validation/submission-validator';
export type { FormioErrorDetail, FormioErrorContext, Translate } from './validation/formio-error-detail.types';
