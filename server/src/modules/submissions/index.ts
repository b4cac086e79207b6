// The public face of the submissions module: what other modules (cases, the Form.io adapter, demo data) and app.ts use.
export { submissionsApiRoutes } from './routes/submissions-api.routes';
export { submissionApi } from './routes/submission.openapi';
export {
  ANY_FORM, createSubmission, deleteSubmission, getSubmission, listSubmissions, updateSubmission,
  type SubmissionDeps, type SubmissionScope,
} from './services/submission.service';
export type { SubmissionView } from './services/submission-reader';
export type { CaseLink, SubmissionCasePort, SubmissionChange } from './services/submission-case.port';
export { copyCaseAccess } from './services/case-access-copy';
export { markSubmissionsChanged, settleMarkedSubmissions } from './services/submission-outbox';
export { MISSED_AUDIT_COPIES, startSubmissionRecovery } from './services/submission-recovery';
export { submissionModel, type Submission } from './models/submission.model';
export { validateSubmission, type SubmissionResult } from './validation/submission-validator';
export type { FormioErrorDetail, FormioErrorContext, Translate } from './validation/formio-error-detail.types';
