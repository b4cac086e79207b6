import { badRequest } from '../../core/errors/app-error';

/** The errors of the forms module, one factory per code (those of submissions are in submissions/submission.errors.ts). */
/** Every problem of a definition at once, each with its path and a message in the request's language. */
export const formDefinitionInvalid = (problems: readonly unknown[]) => badRequest('form-definition-invalid', { extensions: { problems } });
