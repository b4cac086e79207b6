import { AppError, databaseUnavailable, internalError, malformedPath, notFound, versionConflict } from './app-error';
import { JsonTooDeepError } from '../../contracts/json/json-depth';
import { jsonTooDeep } from '../json/json-depth';

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

/** Node's net module refuses a write to a socket the peer has closed with this EPIPE error, which has no `syscall`. */
const SOCKET_ENDED_MESSAGE = 'This socket has been ended by the other party';

/**
 * MongoDB server errors of a server shutting down or of a replica set without a primary (the codes the driver
 * treats as retryable: HostUnreachable, HostNotFound, NetworkTimeout, ShutdownInProgress, PrimarySteppedDown,
 * SocketException, NotWritablePrimary, InterruptedAtShutdown, InterruptedDueToReplStateChange, NotPrimary...).
 */
const UNAVAILABLE_SERVER_CODES = new Set([6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436]);

const BODY_PARSER_ERRORS: Record<string, () => AppError> = {
  'entity.parse.failed': () => new AppError(400, 'malformed-json'),
  'entity.too.large': () => new AppError(413, 'payload-too-large'),
  'encoding.unsupported': () => new AppError(415, 'unsupported-media-type'),
  'charset.unsupported': () => new AppError(415, 'unsupported-media-type'),
  'request.aborted': () => new AppError(400, 'request-aborted'),
  'request.size.invalid': () => new AppError(400, 'request-aborted'),
};

function isUnavailable(error: Error, depth = 0): boolean {
  if (UNAVAILABLE_NAMES.has(error.name)) return true;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  if (typeof code === 'string' && SOCKET_ERROR_CODES.has(code) && (typeof syscall === 'string' || error.message === SOCKET_ENDED_MESSAGE)) return true;
  if (error.name === 'MongoServerError' && typeof code === 'number' && UNAVAILABLE_SERVER_CODES.has(code)) return true;
  // A wrapper whose cause is one of the above (a few levels, so a cycle cannot loop).
  if (error.cause instanceof Error && depth < 3 && isUnavailable(error.cause, depth + 1)) return true;
  // mongoose with bufferCommands off: "Cannot call `x.find()` before initial connection is complete ..."
  return error.name === 'MongooseError' && /initial connection|not connected|client was closed/i.test(error.message);
}

/** Maps anything thrown inside a request to an AppError; unknown errors become a 500 without internals. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // The shared contract's walkers cannot throw AppError (the browser runs them too).
  if (error instanceof JsonTooDeepError) return jsonTooDeep();
  if (error instanceof Error) {
    const type = (error as { type?: unknown }).type;
    if (typeof type === 'string' && BODY_PARSER_ERRORS[type]) return BODY_PARSER_ERRORS[type]();
    // The router's decoding of a path parameter (`decodeURIComponent`) marks its URIError with status 400.
    if (error instanceof URIError && (error as { status?: unknown }).status === 400) return malformedPath();
    if (isUnavailable(error)) return databaseUnavailable(error);
    if (error.name === 'VersionError') return versionConflict();
    if (error.name === 'CastError') return notFound();
    if ((error as { code?: unknown }).code === 11000) return new AppError(409, 'duplicate', { cause: error });
    if (error.name === 'ForbiddenError') return notFound();
  }
  return internalError(error);
}
