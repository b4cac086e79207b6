import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Clock } from '../service/case-runtime';
import { claim } from '../../../core/db/write-claim';
import { timerJobModel, type TimerJob } from './timer-job.model';

/*
 * Why not Agenda: Agenda 6 no longer contains a MongoDB store; it needs the separate
 * `@agendajs/mongo-backend` package, which is not a dependency of this project (and Agenda 5, which had one, cannot
 * take an injected clock, so tests could not fast-forward). This scheduler is the small part we need, on the
 * portable subset FerretDB v1 supports: a job is claimed by a unique insert (atomic there, unlike a conditional
 * findOneAndUpdate), so of any number of processes on one database exactly one runs it; a claim whose process died is taken over after
 * `lockTimeoutMs`, and the case handler ignores a timer it already applied (`workflow.firedTimers`).
 */
export type TimerHandler = (job: TimerJob) => Promise<string>;

export interface SchedulerOptions {
  db: Connection;
  clock: Clock;
  handler: TimerHandler;
  logger?: Logger;
  pollMs?: number;
  lockTimeoutMs?: number;
  workerId?: string;
}

export class DurableScheduler {
  readonly workerId: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = true;

  constructor(private readonly options: SchedulerOptions) {
    this.workerId = options.workerId ?? `worker-${process.pid}-${randomBytes(4).toString('hex')}`;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runDueJobs().catch((error: unknown) => {
        this.options.logger?.error({ err: error }, 'timer run failed');
        return 0;
      });
      void this.running.finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs ?? 5_000);
      });
    };
    tick();
  }

  /** Stops polling and waits for the job in hand, so shutdown never leaves a half-applied timer. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Claims and runs due jobs one at a time until none is left; returns how many this process ran. */
  async runDueJobs(): Promise<number> {
    let count = 0;
    for (;;) {
      const job = await this.claim();
      if (!job) return count;
      count += 1;
      let outcome: string;
      try {
        outcome = await this.options.handler(job);
      } catch (error) {
        this.options.logger?.error({ err: error, job: job._id }, 'timer handler failed');
        outcome = 'failed';
      }
      const Jobs = timerJobModel(this.options.db);
      await Jobs.updateOne(
        { _id: job._id, lockedBy: this.workerId },
        { $set: { status: outcome === 'failed' && job.attempts < 3 ? 'due' : 'done', outcome, finishedAt: this.options.clock.now(), lockedBy: null } },
      );
    }
  }

  /**
   * Takes the next due job (or one whose process died). A conditional findOneAndUpdate alone is not atomic on
   * FerretDB v1, so the job is first claimed by inserting `timer:<job>:<attempt>` (see write-claim.ts); only the
   * claimer marks it running. A claim is never released: the next attempt of the same job claims a new key.
   */
  private async claim(): Promise<TimerJob | null> {
    const now = this.options.clock.now();
    const Jobs = timerJobModel(this.options.db);
    const stale = new Date(now.getTime() - (this.options.lockTimeoutMs ?? 10 * 60_000));
    const candidates = await Jobs.find({
      $or: [{ status: 'due', runAt: { $lte: now } }, { status: 'running', lockedAt: { $lt: stale } }],
    })
      .sort({ runAt: 1 })
      .limit(20)
      .lean();
    for (const job of candidates) {
      if (!(await claim(this.options.db, `timer:${job._id}:${job.attempts}`, this.workerId, Number.POSITIVE_INFINITY))) continue;
      const taken = await Jobs.findOneAndUpdate(
        { _id: job._id, attempts: job.attempts, status: job.status },
        { $set: { status: 'running', lockedBy: this.workerId, lockedAt: now }, $inc: { attempts: 1 } },
        { returnDocument: 'after' },
      ).lean();
      if (taken) return taken;
    }
    return null;
  }
}
