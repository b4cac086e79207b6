import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { isDuplicateKey } from '../../../core/db/write-claim';
import { finishedTimerJobModel, timerJobModel } from './timer-job.model';
import { listJob, timerSlots } from './timer-queue';

const META = 'meta';
const VERSION = 1;

/**
 * The first start after the queue came: jobs stored before it are brought into its shape. Finished jobs move to
 * `timer_jobs_finished` (copied first, then removed, so an interrupted start loses none), cancelled ones are removed,
 * and every job still to run is listed in its slot. Each step can be repeated, so an interrupted start simply does it
 * again; several processes starting at once do the same work. The version mark makes later starts one read by `_id`.
 * These queries read the whole collection, once.
 */
export async function ensureTimerQueue(db: Connection, now: Date, logger?: Logger): Promise<void> {
  const meta = await timerSlots(db).findOne({ _id: META });
  if ((meta?.version ?? 0) >= VERSION) return;
  const Jobs = timerJobModel(db);
  const Finished = finishedTimerJobModel(db);
  let moved = 0;
  for (const job of await Jobs.find({ status: { $in: ['done', 'cancelled'] } }).lean()) {
    if (job.status === 'done') {
      try {
        await Finished.create(job);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    await Jobs.deleteOne({ _id: job._id, status: job.status });
    moved += 1;
    if (moved % 1000 === 0) logger?.info({ moved }, 'timer jobs: finished jobs moved out of the queue');
  }
  let listed = 0;
  for (const job of await Jobs.find({ slot: { $exists: false } }).lean()) {
    const slot = await listJob(db, job._id, job.runAt, now);
    await Jobs.updateOne({ _id: job._id }, { $set: { slot } });
    listed += 1;
    if (listed % 1000 === 0) logger?.info({ listed }, 'timer jobs: pending jobs listed in the queue');
  }
  await timerSlots(db).replaceOne({ _id: META }, { version: VERSION }, { upsert: true });
  if (moved + listed > 0) logger?.info({ moved, listed }, 'timer jobs brought into the queue');
}
