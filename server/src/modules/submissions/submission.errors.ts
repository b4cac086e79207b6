import { AppError, badRequest, conflict } from '../../core/errors/app-error';
import type { SensitiveField } from '../forms';
import type { FormioErrorDetail } from './validation/formio-error-detail.types';

/** The errors of the submissions module, one factory per code. */
/** Submissions are made against the published revision: a form never published takes none. */
export const formNotPublished = () => conflict('form-not-published');
/** A submission names a case, but this app was built without the cases module's port. */
export const caseLinkUnavailable = () => badRequest('case-link-unavailable');
/** Form.io's validation failure: the renderer shows `details` next to the fields. */
export const submissionInvalid = (details: FormioErrorDetail[]) => badRequest('submission-invalid', { extensions: { name: 'ValidationError', details } });
/** Values for sensitive fields this user may not write. */
export const submissionFieldsForbidden = (fields: readonly SensitiveField[]) =>
  new AppError(403, 'submission-fields-forbidden', { extensions: { paths: fields.map((field) => field.dataPath), keys: fields.map((field) => field.key) } });
/** Keys the database cannot store (a select-boxes option value with a dot, for instance). */
export const submissionKeyNotStorable = (paths: readonly string[]) => badRequest('submission-key-not-storable', { extensions: { paths } });
