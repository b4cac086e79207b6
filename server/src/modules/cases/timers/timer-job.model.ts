import { Schema, type Connection, type Model, type Types } from 'mongoose';

export type TimerJobStatus = 'due' | 'running' | 'done' | 'cancelled';

/**
 * A deadline or reminder of a case, as a job. `_id` is `<caseId>:<timer key>`, so planning the same deadline twice
 * is one document, and `status` moves due → running (claimed by exactly one process) → done. `timer_jobs` holds the
 * jobs still to run (due or running), each listed in the hour slot `slot` of the queue the poll reads
 * (timer-queue.ts); a finished job moves to `timer_jobs_finished` (kept for the audit of what ran, and so that a plan
 * never sets up again a timer that already ran), a cancelled one is deleted.
 */
export interface TimerJob {
  _id: string;
  caseId: Types.ObjectId;
  orgId: Types.ObjectId;
  key: string;
  kind: 'deadline' | 'reminder';
  stagePath: string;
  deadlineId: string;
  event: string | null;
  runAt: Date;
  status: TimerJobStatus;
  lockedBy: string | null;
  lockedAt: Date | null;
  attempts: number;
  outcome: string | null;
  finishedAt: Date | null;
  /** The queue slot the job is listed in (absent on a job stored before the queue: ensureTimerQueue lists it). */
  slot?: number;
}

const schema = new Schema<TimerJob>(
  {
    _id: { type: String, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true, index: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    kind: { type: String, required: true },
    stagePath: { type: String, required: true },
    deadlineId: { type: String, required: true },
    event: { type: String, default: null },
    runAt: { type: Date, required: true },
    status: { type: String, required: true },
    lockedBy: { type: String, default: null },
    lockedAt: { type: Date, default: null },
    attempts: { type: Number, default: 0 },
    outcome: { type: String, default: null },
    finishedAt: { type: Date, default: null },
    slot: { type: Number },
  },
  { collection: 'timer_jobs', versionKey: false },
);

export function timerJobModel(db: Connection): Model<TimerJob> {
  return (db.models.TimerJob as Model<TimerJob>) ?? db.model<TimerJob>('TimerJob', schema);
}

/** Jobs that ran (status done, with their outcome), read only by `_id`. */
export function finishedTimerJobModel(db: Connection): Model<TimerJob> {
  return (db.models.FinishedTimerJob as Model<TimerJob>) ?? db.model<TimerJob>('FinishedTimerJob', schema.clone().set('collection', 'timer_jobs_finished'));
}
