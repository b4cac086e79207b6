import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Clock } from '../service/case-runtime';
import { claim, isDuplicateKey, release } from '../../../core/db/write-claim';
import { finishedTimerJobModel, timerJobModel, type TimerJob } from './timer-job.model';
import { advanceCursor, dueSlots, readCursor, slotOf, unlistJob } from './timer-queue';
import { ensureTimerQueue } from './timer-queue-migration';

/** Empty hours before the first listed job from which the cursor moves past them before a job is taken. */
const EMPTY_HOURS_PASSED_FIRST = 48;

/*
 * Why not Agenda: Agenda 6 no longer contains a MongoDB store; it needs the separate
 * `@agendajs/mongo-backend` package, which is not a dependency of this project (and Agenda 5, which had one, cannot
 * take an injected clock, so tests could not fast-forward). This scheduler is the small part we need, on the
 * portable subset FerretDB v1 supports: a job is claimed by a unique insert (atomic there, unlike a conditional
 * findOneAndUpdate), so of any number of processes on one database exactly one runs it; a claim whose process died is taken over after
 * `lockTimeoutMs`, and the case handler ignores a timer it already applied (`workflow.firedTimers`).
 *
 * The poll reads only by `_id` (timer-queue.ts): the queue's slots up to now, and the jobs listed there whose time has
 * come. A finished job leaves `timer_jobs` and its slot for `timer_jobs_finished`, so neither grows with the cases.
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
  private ready: Promise<void> | null = null;

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
    // Jobs stored before the queue are listed (and finished ones moved) once, before the first poll of a process.
    this.ready ??= ensureTimerQueue(this.options.db, this.options.clock.now(), this.options.logger).catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    await this.ready;
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
      await this.finish(job, outcome);
    }
  }

  /**
   * A failed job is due again (three attempts); any other outcome is final: the job is recorded in
   * `timer_jobs_finished` first (a plan finding it there never sets it up again), then leaves `timer_jobs` and its slot.
   * Only while this process still holds it: a claim taken over after `lockTimeoutMs` is finished by its new holder.
   */
  private async finish(job: TimerJob, outcome: string): Promise<void> {
    const { db, clock } = this.options;
    const Jobs = timerJobModel(db);
    const finishedAt = clock.now();
    if (outcome === 'failed' && job.attempts < 3) {
      await Jobs.updateOne({ _id: job._id, lockedBy: this.workerId }, { $set: { status: 'due', outcome, finishedAt, lockedBy: null } });
      return;
    }
    const held = await Jobs.findOne({ _id: job._id, lockedBy: this.workerId }).lean();
    if (!held) return;
    try {
      await finishedTimerJobModel(db).create({ ...held, status: 'done', outcome, finishedAt, lockedBy: null });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    await Jobs.deleteOne({ _id: job._id, lockedBy: this.workerId });
    if (held.slot !== undefined) await unlistJob(db, job._id, held.slot);
    // The claim of the attempt is no longer needed: the job is gone from the queue, and a poll that still read it
    // finds it finished (claim() below).
    await release(db, `timer:${job._id}:${held.attempts - 1}`, this.workerId);
  }

  /**
   * Takes the next due job (or one whose process died) from the queue's slots up to now. A conditional
   * findOneAndUpdate alone is not atomic on FerretDB v1, so the job is first claimed by inserting
   * `timer:<job>:<attempt>` (see write-claim.ts); only the claimer marks it running. Entries of jobs that are gone
   * (finished, cancelled) or moved to a later hour are taken out; when nothing is left to take, the cursor moves
   * past the slots found empty.
   */
  private async claim(): Promise<TimerJob | null> {
    const { db, clock } = this.options;
    const now = clock.now();
    const Jobs = timerJobModel(db);
    const stale = now.getTime() - (this.options.lockTimeoutMs ?? 10 * 60_000);
    let cursor = (await readCursor(db, now.getTime())).slot;
    let firstListed: number | null = null;
    let occupiedSeen = false;
    for await (const { slot, entries } of dueSlots(db, cursor, now)) {
      // After a long stop (or a clock moved forward), many empty hours may lie before the first listed job: the
      // cursor moves past them before a job is taken, or taking each of the jobs after them would read them again.
      if (entries.length > 0 && !occupiedSeen) {
        occupiedSeen = true;
        if (slot - cursor >= EMPTY_HOURS_PASSED_FIRST && (await advanceCursor(db, cursor, slot, this.workerId))) cursor = slot;
      }
      let left = entries.length;
      for (const [id, at] of entries) {
        if (at > now.getTime()) continue;
        const job = await Jobs.findById(id).lean();
        if (!job || (job.slot !== slot && job.slot !== undefined)) {
          // Gone, or listed again in another slot (its time changed): this entry is left over.
          await unlistJob(db, id, slot);
          left -= 1;
          continue;
        }
        const takeable = job.status === 'due' ? job.runAt.getTime() <= now.getTime() : job.status === 'running' && (job.lockedAt?.getTime() ?? 0) < stale;
        if (!takeable) continue;
        const taken = await this.take(job, now);
        if (taken) return taken;
      }
      if (left > 0 && firstListed === null) firstListed = slot;
    }
    await advanceCursor(db, cursor, firstListed ?? slotOf(now.getTime()), this.workerId);
    return null;
  }

  private async take(job: TimerJob, now: Date): Promise<TimerJob | null> {
    const { db } = this.options;
    const Jobs = timerJobModel(db);
    // The claim's lease is the lock timeout: a process that died between claiming a job and marking it running no
    // longer holds the job, and the cursor, forever (before, such a claim never expired).
    if (!(await claim(db, `timer:${job._id}:${job.attempts}`, this.workerId, this.options.lockTimeoutMs ?? 10 * 60_000))) return null;
    // A plan that raced the job's end may have set it up again after it ran: it stays finished.
    if (await finishedTimerJobModel(db).exists({ _id: job._id })) {
      await Jobs.deleteOne({ _id: job._id, attempts: job.attempts, status: job.status });
      return null;
    }
    return Jobs.findOneAndUpdate(
      { _id: job._id, attempts: job.attempts, status: job.status },
      { $set: { status: 'running', lockedBy: this.workerId, lockedAt: now }, $inc: { attempts: 1 } },
      { returnDocument: 'after' },
    ).lean();
  }
}
