import { toAppError } from './to-app-error';

function socketError(code: string, syscall: string): Error {
  return Object.assign(new Error(`${syscall} ${code}`), { code, syscall, errno: -104 });
}

function named(name: string): Error {
  const error = new Error('driver failure');
  error.name = name;
  return error;
}

describe('toAppError: the database being unreachable is a 503, never a 500', () => {
  it.each(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'])(
    'maps an unwrapped socket error %s (the driver lets some through) to database-unavailable',
    (code) => {
      expect(toAppError(socketError(code, 'write'))).toMatchObject({ status: 503, code: 'database-unavailable' });
    },
  );

  it.each(['MongoNetworkError', 'PoolClearedOnNetworkError', 'MongoPoolClosedError', 'MongoServerSelectionError'])(
    'maps %s to database-unavailable',
    (name) => {
      expect(toAppError(named(name))).toMatchObject({ status: 503, code: 'database-unavailable' });
    },
  );

  it('keeps other failures a 500 without internals', () => {
    expect(toAppError(new Error('boom'))).toMatchObject({ status: 500, code: 'internal' });
    expect(toAppError(Object.assign(new Error('not a socket'), { code: 'ECONNRESET' }))).toMatchObject({ status: 500 });
  });
});
