// The real built server (`node server/dist/main.js`) as a child process: start-up, graceful shutdown on SIGTERM and
// SIGINT, data kept across restarts, recovery when the embedded FerretDB dies, and configuration errors.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase } from '../../server/src/core/db/connection';
import { Types } from 'mongoose';
import { auditEntry, auditModel } from '../../server/src/modules/audit/testing';
import { submissionModel, MISSED_AUDIT_COPIES } from '../../server/src/modules/submissions';
import { readInstallation } from '../../server/src/modules/meta/testing';
import { testDatabaseUri } from '../helpers/test-database';

const root = path.resolve(__dirname, '..', '..');
const mainJs = path.join(root, 'server', 'dist', 'main.js');
const SHUTDOWN_LIMIT_MS = 10_000;

// Jest reads testTimeout only from the global configuration, not from a project's, so it is set here.
jest.setTimeout(240_000);

interface LogLine {
  msg?: string;
  pid?: number;
  port?: number;
  [key: string]: unknown;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** One server process; stdout is split into the address line and JSON log lines. */
class ServerProcess {
  readonly child: ChildProcess;
  readonly logs: LogLine[] = [];
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;
  exit: Exit | undefined;

  constructor(env: Record<string, string>, options: { detached?: boolean } = {}) {
    // A minimal environment, so that a developer's own MONGODB_URI or SESSION_SECRET cannot leak into the test.
    this.child = spawn(process.execPath, [mainJs], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? os.tmpdir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.detached ?? false,
    });
    let partial = '';
    this.child.stdout!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => {
      this.stdout += chunk;
      partial += chunk;
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          // not a log line
        }
      }
    });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise<Exit>((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resolves with the printed address, or fails with the server's stderr if it exits first. */
  // A bound, not a wait: the first start loads the demo data and cases, which takes a few seconds on a quiet machine
  // and several times that on a busy one.
  async started(timeoutMs = 120_000): Promise<string> {
    return waitUntil('the server to print its address', timeoutMs, () => {
      if (this.exit) throw new Error(`The server exited (${JSON.stringify(this.exit)}) before listening:\n${this.stderr}`);
      return /Platform running at (http:\/\/127\.0\.0\.1:\d+)/.exec(this.stdout)?.[1];
    });
  }

  messages(msg: string): LogLine[] {
    return this.logs.filter((line) => line.msg === msg);
  }

  /** Every embedded FerretDB this server started, in order. */
  get ferretDbStarts(): Array<{ pid: number; port: number }> {
    return this.messages('embedded database started').map((line) => ({ pid: line.pid!, port: line.port! }));
  }

  async exitWithin(ms: number): Promise<Exit & { elapsedMs: number }> {
    const began = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`The server did not exit within ${ms} ms`)), ms);
    });
    try {
      const exit = await Promise.race([this.exited, timeout]);
      return { ...exit, elapsedMs: Date.now() - began };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Leaves nothing behind, whatever state the test ended in. */
  forceKill(): void {
    for (const { pid } of this.ferretDbStarts) {
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
    if (!this.exit) this.child.kill('SIGKILL');
  }
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request on a fresh connection, with a hard time limit: a hanging request fails the test. */
function get(url: string, timeoutMs = 5_000): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    const request = http.get(url, { agent: false, headers: { 'Accept-Language': 'en' } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      response.on('error', reject);
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`GET ${url} hung for more than ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

function expectUnavailable(reply: Reply): void {
  expect(reply.status).toBe(503);
  expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(reply.body)).toMatchObject({ status: 503, code: 'database-unavailable', type: '/problems/database-unavailable' });
}

/** Writes raw HTTP on one socket and collects everything the server sends until it closes the connection. */
function rawConnection(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, connected, closed, received: () => received };
}

const tempDirs: string[] = [];
const servers: ServerProcess[] = [];

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assist-lifecycle-'));
  tempDirs.push(dir);
  return dir;
}

/**
 * A data directory as a first start leaves it (demo organisations, users, forms and cases), cleanly stopped; each
 * call gives a copy of its own. Later starts from it take a second or two instead of loading the demo again.
 */
let seedDataDir: string | undefined;
async function startedDataDir(): Promise<string> {
  if (!seedDataDir) {
    const dir = tempDataDir();
    const first = startServer({ DATA_DIR: dir });
    await first.started();
    first.child.kill('SIGTERM');
    expect(await first.exitWithin(SHUTDOWN_LIMIT_MS)).toMatchObject({ code: 0, signal: null });
    keepAsSeed(dir);
  }
  const copy = tempDataDir();
  fs.cpSync(seedDataDir!, copy, { recursive: true });
  return copy;
}

function keepAsSeed(stoppedDataDir: string): void {
  if (seedDataDir) return;
  seedDataDir = tempDataDir();
  fs.cpSync(stoppedDataDir, seedDataDir, { recursive: true });
}

function ferretDbBin(): string {
  const bin = process.env.FERRETDB_BIN;
  if (!bin) throw new Error('FERRETDB_BIN is not set: run this test through its Jest project (global setup)');
  return bin;
}

function startServer(env: Record<string, string>, options?: { detached?: boolean }): ServerProcess {
  const server = new ServerProcess(
    { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', FERRETDB_BIN: ferretDbBin(), ...env },
    options,
  );
  servers.push(server);
  return server;
}

beforeAll(() => {
  if (!fs.existsSync(mainJs)) {
    const build = spawnSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build:server failed');
  }
});

afterEach(() => {
  for (const server of servers.splice(0)) server.forceKill();
});

afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('stops on SIGTERM with exit code 0 and keeps its data for the next start', async () => {
    const dataDir = tempDataDir();
    const first = startServer({ DATA_DIR: dataDir });
    const url = await first.started();

    expect((await get(`${url}/healthz`)).status).toBe(200);
    expect((await get(`${url}/readyz`)).status).toBe(200);
    const meta = await get(`${url}/api/meta`);
    expect(meta.status).toBe(200);
    const { installationId } = JSON.parse(meta.body) as { installationId: string };
    expect(installationId).toMatch(/^[0-9a-f-]{36}$/);

    const [ferret] = first.ferretDbStarts;
    expect(ferret).toBeDefined();
    expect(isAlive(ferret!.pid)).toBe(true);
    const secret = fs.readFileSync(path.join(dataDir, 'session-secret'), 'utf8');
    expect(secret.trim().length).toBeGreaterThanOrEqual(32);

    first.child.kill('SIGTERM');
    const exit = await first.exitWithin(SHUTDOWN_LIMIT_MS);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(first.messages('stopped')).toHaveLength(1);
    expect(first.messages('embedded database stopped unexpectedly; restarting')).toHaveLength(0);
    expect(isAlive(ferret!.pid)).toBe(false);
    // The port is free again: nothing listens there any more.
    await expect(get(`${url}/healthz`, 2_000)).rejects.toThrow(/ECONNREFUSED/);
    // One SQLite file per database, under DATA_DIR/ferretdb.
    expect(fs.readdirSync(path.join(dataDir, 'ferretdb')).filter((file) => file.endsWith('.sqlite'))).toContain('assist.sqlite');
    keepAsSeed(dataDir);

    const second = startServer({ DATA_DIR: dataDir });
    const secondUrl = await second.started();
    const again = await get(`${secondUrl}/api/meta`);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body)).toMatchObject({ installationId });
    expect(fs.readFileSync(path.join(dataDir, 'session-secret'), 'utf8')).toBe(secret);
    expect(second.ferretDbStarts[0]!.pid).not.toBe(ferret!.pid);

    second.child.kill('SIGTERM');
    expect(await second.exitWithin(SHUTDOWN_LIMIT_MS)).toMatchObject({ code: 0, signal: null });
    expect(isAlive(second.ferretDbStarts[0]!.pid)).toBe(false);
  });

  it('answers 503 while the embedded database is down and recovers by itself', async () => {
    const server = startServer({ DATA_DIR: await startedDataDir() });
    const url = await server.started();
    const before = JSON.parse((await get(`${url}/api/meta`)).body) as { installationId: string };
    const [original] = server.ferretDbStarts;
    const { port } = original!;

    // 1. A plain crash: the supervisor restarts FerretDB at once. Whatever a client sees meanwhile is 200 or 503,
    //    never a 500 and never a hang; afterwards everything answers again.
    process.kill(original!.pid, 'SIGKILL');
    const seen = new Set<number>();
    await waitUntil('a restarted FerretDB', 10_000, async () => {
      for (const path_ of ['/readyz', '/api/meta']) seen.add((await get(`${url}${path_}`)).status);
      return server.ferretDbStarts.length >= 2 ? true : undefined;
    });
    expect(server.ferretDbStarts[1]!.port).toBe(port);
    await waitUntil('/readyz to return to 200 after the crash', 15_000, async () =>
      (await get(`${url}/readyz`)).status === 200 ? true : undefined,
    );
    for (const status of seen) expect([200, 503]).toContain(status);

    // 2. An outage that lasts: kill FerretDB and hold its port (resetting every connection, as a dead port would),
    //    so that the supervisor's restarts fail until the port is released.
    const current = server.ferretDbStarts.at(-1)!;
    process.kill(current.pid, 'SIGKILL');
    const blocker = net.createServer((socket) => socket.resetAndDestroy());
    await waitUntil('the port of the killed FerretDB to be free', 2_000, () =>
      new Promise<true | undefined>((resolve) => {
        blocker.once('error', () => resolve(undefined));
        blocker.listen(port, '127.0.0.1', () => resolve(true));
      }),
    );
    const outageBegan = Date.now();
    try {
      const readyz = await waitUntil('/readyz to answer 503', 10_000, async () => {
        const reply = await get(`${url}/readyz`);
        expect([200, 503]).toContain(reply.status);
        return reply.status === 503 ? reply : undefined;
      });
      expect(Date.now() - outageBegan).toBeLessThan(10_000);
      expectUnavailable(readyz);
      // Every request that needs the database answers 503 quickly for as long as it is gone; the rest still works.
      for (let i = 0; i < 5; i += 1) {
        const began = Date.now();
        expectUnavailable(await get(`${url}/api/meta`));
        expect(Date.now() - began).toBeLessThan(5_000);
        expectUnavailable(await get(`${url}/readyz`));
        expect((await get(`${url}/healthz`)).status).toBe(200);
        await sleep(200);
      }
      expect(server.logs.some((line) => line.msg === 'embedded database restart failed')).toBe(true);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }

    // 3. Without any help the server starts FerretDB again on the same port and the driver reconnects.
    await waitUntil('/readyz to return to 200 after the outage', 20_000, async () =>
      (await get(`${url}/readyz`)).status === 200 ? true : undefined,
    );
    const after = await get(`${url}/api/meta`);
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body)).toMatchObject({ installationId: before.installationId });
    const latest = server.ferretDbStarts.at(-1)!;
    expect(latest.port).toBe(port);
    expect(latest.pid).not.toBe(current.pid);
    expect(server.ferretDbStarts.filter(({ pid }) => isAlive(pid))).toEqual([latest]);

    server.child.kill('SIGTERM');
    expect(await server.exitWithin(SHUTDOWN_LIMIT_MS)).toMatchObject({ code: 0, signal: null });
    expect(isAlive(latest.pid)).toBe(false);
  });

  it('finishes a request in flight on SIGTERM, closes idle keep-alive connections and exits 0', async () => {
    const server = startServer({ DATA_DIR: await startedDataDir() });
    const url = await server.started();
    const port = Number(new URL(url).port);
    const [ferret] = server.ferretDbStarts;

    // An idle keep-alive connection: the server must close it rather than wait for it.
    const idle = rawConnection(port);
    await idle.connected;
    idle.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
    await waitUntil('the keep-alive response', 5_000, () => (idle.received().includes('"status":"ok"') ? true : undefined));

    // A request in flight: its JSON body arrives in two parts, the second only after SIGTERM. /api/meta reads the
    // database, so the response also proves that the database stays up until requests in flight are done.
    const inFlight = rawConnection(port);
    await inFlight.connected;
    inFlight.socket.write(
      'GET /api/meta HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{',
    );
    await sleep(300);

    server.child.kill('SIGTERM');
    const signalled = Date.now();
    await idle.closed;
    await waitUntil('the shutdown log line', 5_000, () => (server.messages('shutting down').length ? true : undefined));
    // No new connection is served once shutdown has begun (refused, or reset if it raced the listener closing).
    await expect(get(`${url}/healthz`, 2_000)).rejects.toThrow(/ECONNREFUSED|ECONNRESET/);
    await sleep(500);
    expect(server.exit).toBeUndefined();

    inFlight.socket.write('}');
    await waitUntil('the in-flight response', 5_000, () => (/\r\n\r\n\{.*\}$/s.test(inFlight.received()) ? true : undefined));
    expect(inFlight.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(inFlight.received()).toMatch(/"installationId":"[0-9a-f-]{36}"/);
    // The answered connection is closed at once instead of idling until the keep-alive timeout (5 s).
    expect(inFlight.received()).toMatch(/\r\nConnection: close\r\n/i);
    const answered = Date.now();

    const exit = await server.exitWithin(SHUTDOWN_LIMIT_MS);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(Date.now() - answered).toBeLessThan(3_000);
    expect(Date.now() - signalled).toBeLessThan(SHUTDOWN_LIMIT_MS);
    await inFlight.closed;
    expect(isAlive(ferret!.pid)).toBe(false);
  });

  it('stops on Ctrl+C (SIGINT to the whole process group) with exit code 0, finishing a request in flight', async () => {
    // Detached: the server leads its own process group, as `npm start` does in a terminal, so the signal reaches
    // every process of the group at once, the embedded database included.
    const server = startServer({ DATA_DIR: await startedDataDir() }, { detached: true });
    const url = await server.started();
    const port = Number(new URL(url).port);
    const [ferret] = server.ferretDbStarts;

    const inFlight = rawConnection(port);
    await inFlight.connected;
    inFlight.socket.write(
      'GET /api/meta HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{',
    );
    await sleep(300);
    process.kill(-server.pid, 'SIGINT');
    await waitUntil('the shutdown log line', 5_000, () => (server.messages('shutting down').length ? true : undefined));
    await sleep(500);
    inFlight.socket.write('}');
    await waitUntil('the in-flight response', 5_000, () => (/\r\n\r\n\{.*\}$/s.test(inFlight.received()) ? true : undefined));
    expect(inFlight.received()).toMatch(/^HTTP\/1\.1 200 /);

    const exit = await server.exitWithin(SHUTDOWN_LIMIT_MS);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(server.messages('shutting down')[0]).toMatchObject({ signal: 'SIGINT' });
    expect(server.messages('embedded database stopped unexpectedly; restarting')).toHaveLength(0);
    expect(isAlive(ferret!.pid)).toBe(false);
  });

  it('refuses to start with an invalid configuration value, naming the variable', async () => {
    const cases: Array<[Record<string, string>, string[]]> = [
      [{ PORT: 'abc' }, ['PORT']],
      [{ LOG_LEVEL: 'loud' }, ['LOG_LEVEL']],
      [{ PORT: '70000', BODY_LIMIT: 'lots', TRUST_PROXY: 'everyone' }, ['PORT', 'BODY_LIMIT', 'TRUST_PROXY']],
    ];
    for (const [env, names] of cases) {
      const dataDir = tempDataDir();
      const server = startServer({ DATA_DIR: dataDir, ...env });
      const exit = await server.exitWithin(SHUTDOWN_LIMIT_MS);
      expect(exit).toMatchObject({ code: 1, signal: null });
      expect(server.stderr).toMatch(/Invalid configuration/);
      for (const name of names) expect(server.stderr).toMatch(new RegExp(`^\\s+- ${name}: `, 'm'));
      expect(server.stdout).not.toMatch(/Platform running/);
      expect(server.ferretDbStarts).toHaveLength(0);
      expect(fs.readdirSync(dataDir)).toEqual([]);
    }
  });

  it('starts no embedded database when MONGODB_URI is set', async () => {
    const dbName = `t_lifecycle_uri_${randomBytes(4).toString('hex')}`;
    const dataDir = tempDataDir();
    const server = startServer({ DATA_DIR: dataDir, MONGODB_URI: `${testDatabaseUri().replace(/\/$/, '')}/${dbName}` });
    const url = await server.started();
    const db = await connectDatabase(testDatabaseUri(), dbName);
    try {
      expect((await get(`${url}/readyz`)).status).toBe(200);
      const meta = await get(`${url}/api/meta`);
      expect(meta.status).toBe(200);
      // The installation record lives in the database named in MONGODB_URI.
      const stored = await readInstallation(db);
      expect(JSON.parse(meta.body)).toMatchObject({ installationId: stored?.installationId });

      expect(server.ferretDbStarts).toHaveLength(0);
      expect(server.messages('using the MongoDB server from MONGODB_URI; no embedded database is started')).toHaveLength(1);
      expect(fs.existsSync(path.join(dataDir, 'ferretdb'))).toBe(false);

      server.child.kill('SIGTERM');
      expect(await server.exitWithin(SHUTDOWN_LIMIT_MS)).toMatchObject({ code: 0, signal: null });
    } finally {
      await db.dropDatabase();
      await db.close();
    }
  });
  it('copies at start the audit entry of a submission whose process stopped before copying it to the log', async () => {
    const dbName = `t_lifecycle_audit_${randomBytes(4).toString('hex')}`;
    const db = await connectDatabase(testDatabaseUri(), dbName);
    try {
      // What a process leaves when it stops between a submission's insert and the copy of its creation entry
      // (five minutes ago: copies younger than a minute may still be under way elsewhere and are left to later sweeps).
      const _id = Types.ObjectId.createFromTime(Math.floor(Date.now() / 1000) - 300);
      const orgId = new Types.ObjectId();
      const entry = auditEntry({ userId: new Types.ObjectId(), orgId }, { action: 'create', subjectType: 'Submission', subjectId: _id.toHexString(), sensitiveFields: ['healthNotes'] });
      await submissionModel(db).create({ _id, orgId, formId: new Types.ObjectId(), formPath: 'intake', revision: 1, data: {}, auditOutbox: [entry] });

      const server = startServer({ DATA_DIR: tempDataDir(), MONGODB_URI: `${testDatabaseUri().replace(/\/$/, '')}/${dbName}` });
      await server.started();
      // The recovery writes its line only after the copies it counts are stored, so the line is the condition to wait
      // for: once it is there, the log holds the entry (waiting for the entry instead raced the line).
      const reported = await waitUntil('the recovery to report the missed copy', 15_000, () => {
        const lines = server.messages(MISSED_AUDIT_COPIES);
        return lines.length > 0 ? lines : undefined;
      });
      expect(reported).toEqual([expect.objectContaining({ missing: 1 })]);
      const copied = await auditModel(db).find({ subjectId: _id.toHexString() }).lean();
      expect(copied).toEqual([expect.objectContaining({ _id: entry._id, action: 'create', subjectType: 'Submission', sensitiveFields: ['healthNotes'], userId: entry.userId })]);

      server.child.kill('SIGTERM');
      expect(await server.exitWithin(SHUTDOWN_LIMIT_MS)).toMatchObject({ code: 0, signal: null });
    } finally {
      await db.dropDatabase();
      await db.close();
    }
  });

  it('leaves no embedded database behind when the server itself is killed outright', async () => {
    const server = startServer({ DATA_DIR: await startedDataDir() });
    await server.started();
    const [ferret] = server.ferretDbStarts;
    server.child.kill('SIGKILL');
    await server.exitWithin(SHUTDOWN_LIMIT_MS);
    // FerretDB watches its parent: once re-parented it stops and frees its port (a zombie listens on nothing).
    await waitUntil('the orphaned FerretDB to stop listening', 10_000, () =>
      new Promise<true | undefined>((resolve) => {
        const socket = net.connect(ferret!.port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve(undefined);
        });
        socket.once('error', () => resolve(true));
      }),
    );
  });
});
