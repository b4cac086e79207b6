import { once } from 'node:events';
import net from 'node:net';
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

describe('toAppError: every shape of a database outage is a 503', () => {
  /** The error Node's net module gives a write to a socket whose peer has closed it: code EPIPE, no `syscall`. */
  async function socketEndedError(): Promise<Error> {
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const client = net.connect(port, '127.0.0.1');
    client.on('error', () => undefined);
    client.resume();
    await once(client, 'end');
    const error = await new Promise<Error>((resolve) => client.write('ping', (err) => resolve(err as Error)));
    client.destroy();
    await new Promise((resolve) => server.close(resolve));
    return error;
  }

  it('maps the EPIPE of a write to a socket the database ended (no syscall) to database-unavailable', async () => {
    const error = await socketEndedError();
    expect(error).toMatchObject({ code: 'EPIPE', message: 'This socket has been ended by the other party' });
    expect((error as { syscall?: unknown }).syscall).toBeUndefined();
    // Node made it in its own realm, where Jest's sandbox `Error` is not its class: the same shape in this realm.
    const logged = Object.assign(new Error(error.message), { code: (error as { code?: unknown }).code });
    expect(toAppError(logged)).toMatchObject({ status: 503, code: 'database-unavailable' });
  });

  it.each([91, 189, 10107, 11600, 11602])('maps a MongoDB server error of a shutdown or step-down (code %i)', (code) => {
    const error = Object.assign(named('MongoServerError'), { code });
    expect(toAppError(error)).toMatchObject({ status: 503, code: 'database-unavailable' });
  });

  it('maps an error whose cause is an outage', () => {
    const error = new Error('wrapped', { cause: socketError('ECONNRESET', 'read') });
    expect(toAppError(error)).toMatchObject({ status: 503, code: 'database-unavailable' });
  });

  it('keeps other EPIPE-coded errors, other server errors and plain causes a 500 or their own status', () => {
    expect(toAppError(Object.assign(new Error('something else'), { code: 'EPIPE' }))).toMatchObject({ status: 500 });
    expect(toAppError(Object.assign(named('MongoServerError'), { code: 2 }))).toMatchObject({ status: 500 });
    expect(toAppError(Object.assign(named('MongoServerError'), { code: 11000 }))).toMatchObject({ status: 409, code: 'duplicate' });
    expect(toAppError(new Error('wrapped', { cause: new Error('boom') }))).toMatchObject({ status: 500 });
  });
});

describe('toAppError: a path parameter that does not decode is a 400', () => {
  it("maps the router's URIError (marked with status 400) to malformed-path", () => {
    const error = Object.assign(new URIError("Failed to decode param '%ZZ'"), { status: 400 });
    expect(toAppError(error)).toMatchObject({ status: 400, code: 'malformed-path' });
  });

  it('keeps a URIError from anywhere else a 500', () => {
    expect(toAppError(new URIError('URI malformed'))).toMatchObject({ status: 500, code: 'internal' });
  });
});
