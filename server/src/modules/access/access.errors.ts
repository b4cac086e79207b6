import { AppError, badRequest } from '../../core/errors/app-error';

/** The errors of the access module, one factory per code. */
// One answer for every failed sign-in (unknown user, wrong password, disabled, OIDC refused): nothing to learn by probing.
export const invalidCredentials = (cause?: unknown) => new AppError(401, 'invalid-credentials', cause === undefined ? {} : { cause });
export const csrfTokenInvalid = () => new AppError(403, 'csrf-token-invalid');
export const organisationNotAvailable = () => badRequest('organisation-not-available');
/** A sign-in the limits hold back (`reason` is the limit's code); `duration` is the wait in the reader's words. */
export const signInBlocked = (reason: string, duration: string, retryAfterSeconds: number) =>
  new AppError(429, reason, { params: { duration }, extensions: { retryAfter: retryAfterSeconds } });
export const unknownRole = () => badRequest('unknown-role');
export const unknownPreset = (preset: string) => badRequest('unknown-preset', { params: { preset } });
export const roleRulesInvalid = (problems: readonly unknown[]) => badRequest('role-rules-invalid', { extensions: { problems } });
export const roleScopeInvalid = () => badRequest('role-scope-invalid');
/** A role or grant reaching beyond what its author holds; `problems` names each rule by path. */
export const grantExceedsHolder = (problems: ReadonlyArray<{ path: string }>) =>
  new AppError(403, 'grant-exceeds-holder', { params: { path: problems[0]!.path }, extensions: { problems } });
/** The session is handed over to a person (issue 18): everything but the person view waits for the caseworker's password. */
export const personViewActive = () => new AppError(403, 'person-view-active');
/** Not 401: the session is still valid, and a 401 would ask the person holding the tablet to sign in. */
export const personViewPasswordIncorrect = () => new AppError(403, 'person-view-password');
export const personViewNeedsSignIn = () => new AppError(409, 'person-view-needs-sign-in');
/** An invitation link that is unknown, used already or expired: one answer for all three. */
export const invitationInvalid = () => badRequest('invitation-invalid');
