import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedFerretDbOptions {
  binary: string;
  /** Folder for the SQLite files (one file per database). */
  dataDir: string;
  logger: Logger;
  /** 0 picks a free port on the first start; restarts reuse the port so that clients reconnect by themselves. */
  port?: number;
  startTimeoutMs?: number;
}

const MAX_RESTART_DELAY_MS = 5_000;

function ferretDbMessage(line: string): string {
  try {
    const parsed = JSON.parse(line) as { msg?: unknown };
    return typeof parsed.msg === 'string' ? parsed.msg.slice(0, 200) : 'unparsed log line';
  } catch {
    return line.slice(0, 200);
  }
}

/**
 * FerretDB as a supervised child process on loopback. If it dies unexpectedly it is started again on the same
 * port (with a growing delay), so the MongoDB driver's own reconnection brings the app back without help.
 */
export class EmbeddedFerretDb extends EventEmitter {
  private child: ChildProcess | undefined;
  private port: number;
  private stopping = false;
  private restartDelayMs = 250;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: EmbeddedFerretDbOptions) {
    super();
    this.port = options.port ?? 0;
  }

  get uri(): string {
    return `mongodb://127.0.0.1:${this.port}/`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<string> {
    fs.mkdirSync(this.options.dataDir, { recursive: true, mode: 0o700 });
    await this.spawnOnce();
    return this.uri;
  }

  private spawnOnce(): Promise<void> {
    const { binary, dataDir, logger } = this.options;
    const child = spawn(
      binary,
      ['--listen-addr', `127.0.0.1:${this.port}`, '--sqlite-dir', path.resolve(dataDir), '--log-level', 'error'],
      // Its own process group: Ctrl+C in a terminal signals the whole foreground group, and the database must not
      // stop before the requests in flight are done; the server stops it last (see stop()).
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    this.child = child;

    return new Promise<void>((resolve, reject) => {
      let ready = false;
      const timeout = setTimeout(() => {
        if (!ready) {
          child.kill('SIGKILL');
          reject(new Error('The embedded database did not start in time'));
        }
      }, this.options.startTimeoutMs ?? 30_000);

      let stdout = '';
      child.stdout!.setEncoding('utf8');
      child.stdout!.on('data', (chunk: string) => {
        stdout += chunk;
        const match = /"uri":"mongodb:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
        if (!ready && match) {
          ready = true;
          clearTimeout(timeout);
          this.port = Number(match[1]);
          this.restartDelayMs = 250;
          logger.info({ pid: child.pid, port: this.port }, 'embedded database started');
          this.emit('started', child.pid);
          resolve();
        }
      });
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (chunk: string) => {
        // Only FerretDB's own message is forwarded (never its extra fields, which can echo protocol payloads).
        for (const line of chunk.split('\n').filter(Boolean)) logger.error({ ferretdb: ferretDbMessage(line) }, 'embedded database');
      });
      child.on('error', (error) => {
        clearTimeout(timeout);
        if (!ready) reject(error);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timeout);
        if (this.child === child) this.child = undefined;
        if (!ready) {
          reject(new Error(`The embedded database exited during start-up (code ${code}, signal ${signal})`));
          return;
        }
        if (this.stopping) return;
        logger.error({ code, signal }, 'embedded database stopped unexpectedly; restarting');
        this.emit('crashed');
        this.scheduleRestart();
      });
    });
  }

  private scheduleRestart(): void {
    const delay = this.restartDelayMs;
    this.restartDelayMs = Math.min(this.restartDelayMs * 2, MAX_RESTART_DELAY_MS);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.stopping) return;
      this.spawnOnce().catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'embedded database restart failed');
        if (!this.stopping) this.scheduleRestart();
      });
    }, delay);
  }

  /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
