import { AppError, databaseUnavailable } from './app-error';

/** Error names of the MongoDB driver and mongoose that mean "the database cannot be reached right now". */
const UNAVAILABLE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'PoolClearedOnNetworkError',
  'MongoPoolClosedError',
  'MongoServerClosedError',
  'MongoClientClosedError',
  'MongoWaitQueueTimeoutError',
  'MongoOperationTimeoutError',
  'MongoExpiredSessionError',
]);

/**
 * Socket errors. The driver sometimes lets one through unwrapped (a write to a pooled connection whose server was
 * just killed fails with a plain `Error: write ECONNRESET`); the database is the only peer a request talks to.
 */
const SOCKET_ERROR_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EHOSTUNREACH']);

const BODY_PARSER_ERRORS: Record<string, () => AppError> = {
  'entity.parse.failed': () => new AppError(400, 'malformed-json'),
  'entity.too.large': () => new AppError(413, 'payload-too-large'),
  'encoding.unsupported': () => new AppError(415, 'unsupported-media-type'),
  'charset.unsupported': () => new AppError(415, 'unsupported-media-type'),
  'request.aborted': () => new AppError(400, 'request-aborted'),
  'request.size.invalid': () => new AppError(400, 'request-aborted'),
};

function isUnavailable(error: Error): boolean {
  if (UNAVAILABLE_NAMES.has(error.name)) return true;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  if (typeof syscall === 'string' && typeof code === 'string' && SOCKET_ERROR_CODES.has(code)) return true;
  // mongoose with bufferCommands off: "Cannot call `x.find()` before initial connection is complete ..."
  return error.name === 'MongooseError' && /initial connection|not connected|client was closed/i.test(error.message);
}

/** Maps anything thrown inside a request to an AppError; unknown errors become a 500 without internals. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Error) {
    const type = (error as { type?: unknown }).type;
    if (typeof type === 'string' && BODY_PARSER_ERRORS[type]) return BODY_PARSER_ERRORS[type]();
    if (isUnavailable(error)) return databaseUnavailable(error);
    if (error.name === 'VersionError') return new AppError(409, 'version-conflict');
    if (error.name === 'CastError') return new AppError(404, 'not-found');
    if ((error as { code?: unknown }).code === 11000) return new AppError(409, 'duplicate', { cause: error });
    if (error.name === 'ForbiddenError') return new AppError(404, 'not-found');
  }
  return new AppError(500, 'internal', { cause: error });
}
