import { AppError, badRequest, conflict } from '../../core/errors/app-error';
import type { FormioErrorDetail } from './submission/formio-error-detail.types';
import type { SensitiveField } from './submission/sensitive-fields-finder';

/** The errors of the forms module (definitions and submissions), one factory per code. */
export const formNotPublished = () => conflict('form-not-published');
/** Every problem of a definition at once, each with its path and a message in the request's language. */
export const formDefinitionInvalid = (problems: readonly unknown[]) => badRequest('form-definition-invalid', { extensions: { problems } });
/** A submission names a case, but this app was built without the cases module's port. */
export const caseLinkUnavailable = () => badRequest('case-link-unavailable');
/** Form.io's validation failure: the renderer shows `details` next to the fields. */
export const submissionInvalid = (details: FormioErrorDetail[]) => badRequest('submission-invalid', { extensions: { name: 'ValidationError', details } });
/** Values for sensitive fields this user may not write. */
export const submissionFieldsForbidden = (fields: readonly SensitiveField[]) =>
  new AppError(403, 'submission-fields-forbidden', { extensions: { paths: fields.map((field) => field.dataPath), keys: fields.map((field) => field.key) } });
/** Keys the database cannot store (a select-boxes option value with a dot, for instance). */
export const submissionKeyNotStorable = (paths: readonly string[]) => badRequest('submission-key-not-storable', { extensions: { paths } });
