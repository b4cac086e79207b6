/** One error type for everything the platform refuses on purpose; the handler turns it into problem+json. */
export interface AppErrorOptions {
  /** Interpolation values for the translated title/detail (never personal data). */
  params?: Record<string, string | number>;
  /** Machine-readable extra members of the problem document, e.g. validation issues with their paths. */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly params: Record<string, string | number>;
  readonly extensions: Record<string, unknown>;

  constructor(
    readonly status: number,
    /** Stable, kebab-case; also the i18n key under `errors:` and the last segment of the problem `type`. */
    readonly code: string,
    options: AppErrorOptions = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.params = options.params ?? {};
    this.extensions = options.extensions ?? {};
  }
}

/*
 * Named factories: code that refuses something throws one of these (or one of its module's `*.errors.ts`), so that
 * each code is spelled once with its status and its members. `badRequest` and `conflict` are for those files.
 */
export const notFound = (options?: AppErrorOptions) => new AppError(404, 'not-found', options);
/** A readable record this user may not act on this way; `refused` names the actions or field groups. */
export const forbidden = (refused?: readonly string[]) => new AppError(403, 'forbidden', refused ? { extensions: { refused } } : {});
/**
 * The one answer to a write made against a state that changed since it was read: a stale `version` or revision, a
 * conditional update that matched nothing, or a write claim held by another writer (core/db/write-claim.ts).
 */
export const versionConflict = () => new AppError(409, 'version-conflict');
/** The result of a conditional write, or the version conflict when it matched nothing (null). */
export function orVersionConflict<T>(written: T | null): T {
  if (written === null) throw versionConflict();
  return written;
}
export const unauthenticated = () => new AppError(401, 'unauthenticated');
/** Something that cannot happen unless the database was edited by hand; never reveals more. */
export const internalError = (cause?: unknown) => new AppError(500, 'internal', { cause });
export const routeNotFound = () => new AppError(404, 'route-not-found');
export const badRequest = (code: string, options?: AppErrorOptions) => new AppError(400, code, options);
export const conflict = (code: string, options?: AppErrorOptions) => new AppError(409, code, options);
/** A path whose percent-escapes do not decode (`/api/cases/%ZZ`). */
export const malformedPath = () => new AppError(400, 'malformed-path');
export const databaseUnavailable = (cause?: unknown) => new AppError(503, 'database-unavailable', { cause });
