// The timer poll's working set (issue 15): the poll reads the queue's slots up to now and the jobs due in them, all by
// `_id` (the one lookup FerretDB v1 answers from an index); a job that ran leaves it, so what a poll reads does not
// grow with finished jobs. Jobs stored before the queue are brought into it at start, repeatably.
import { Collection } from 'mongodb';
import { Types, type Connection } from 'mongoose';
import {
  DurableScheduler, ensureTimerQueue, finishedTimerJobModel, SLOT_MS, slotOf, syncTimerJobs, timerJobModel, timerSlots, type PlannedTimer, type TimerJob,
} from '../../server/src/modules/cases/testing';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database';

let db: Connection;
beforeAll(async () => {
  db = await createTestDatabase('timer_queue');
});
afterAll(() => dropTestDatabase(db));

const clock = { time: Date.parse('2025-03-03T08:00:00Z'), now() { return new Date(this.time); } };
const ran: string[] = [];
const scheduler = (workerId: string) =>
  new DurableScheduler({ db, clock, workerId, handler: async (job: TimerJob) => { ran.push(job._id); return 'fired'; } });

const orgId = new Types.ObjectId();
function timer(key: string, dueAt: number): PlannedTimer {
  return { id: key, key, kind: 'deadline', stagePath: 'recovery', deadlineId: key, dueAt: new Date(dueAt).toISOString() } as PlannedTimer;
}
async function plan(dueAt: number, key = 'reflectionPeriod@1') {
  const record = { _id: new Types.ObjectId(), orgId };
  await syncTimerJobs(db, record, [timer(key, dueAt)], clock.now());
  return `${record._id.toHexString()}:${key}`;
}

/**
 * Every call of the driver during `work`, with its filter: what the database is asked to read or change (the driver's
 * findOne is a find).
 */
async function driverCalls(work: () => Promise<unknown>) {
  const methods = ['find', 'findOneAndUpdate', 'findOneAndDelete', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'replaceOne', 'countDocuments', 'aggregate'] as const;
  const spies = methods.map((method) => jest.spyOn(Collection.prototype, method as 'find'));
  try {
    await work();
    return spies.flatMap((spy, index) => spy.mock.calls.map((args) => ({ method: methods[index], filter: args[0] as Record<string, unknown> })));
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

const listedIds = async () => {
  const slots = await timerSlots(db).find({ _id: { $regex: /^s:/ } }).toArray();
  return slots.flatMap((slot) => (JSON.parse(slot.t!) as Array<[string, number]>).map(([id]) => id));
};

let later = '';
it('runs a due job once, moves it out of the poll’s working set, and polls with the same reads by `_id` however many jobs finished', async () => {
  const worker = scheduler('worker-1');
  later = await plan(clock.time + 3 * 86_400_000, 'later@1');
  // The first poll of a process checks, once, that jobs stored before the queue were brought into it.
  expect(await worker.runDueJobs()).toBe(0);
  const idle = await driverCalls(() => worker.runDueJobs());
  expect(ran).toEqual([]);

  // Sixty jobs come due and run.
  const due = await Promise.all(Array.from({ length: 60 }, (_, index) => plan(clock.time + 3_600_000 + index * 60_000)));
  clock.time += 2 * 3_600_000;
  expect(await Promise.all([worker.runDueJobs(), scheduler('worker-2').runDueJobs()]).then(([a, b]) => a + b)).toBe(60);
  expect(ran.sort()).toEqual([...due].sort());

  // Each left the jobs still to run and the queue's slots, and is recorded with its outcome.
  expect(await timerJobModel(db).countDocuments({ _id: { $in: due } })).toBe(0);
  expect(await listedIds()).toEqual([later]);
  const finished = await finishedTimerJobModel(db).find({ _id: { $in: due } }).lean();
  expect(finished).toHaveLength(60);
  expect(finished.every((job) => job.status === 'done' && job.outcome === 'fired' && job.attempts === 1)).toBe(true);

  // An idle poll now asks the database exactly what it asked before any job ran: the cursor and the current hour's
  // slot, each by `_id` (a job planned for a later hour is not read either).
  const after = await driverCalls(() => worker.runDueJobs());
  expect(after).toHaveLength(idle.length);
  expect(after.length).toBeLessThanOrEqual(2);
  for (const call of [...idle, ...after]) {
    expect(call.method).toBe('find');
    expect(Object.keys(call.filter)).toEqual(['_id']);
    expect(typeof call.filter._id).toBe('string');
  }

  // A plan naming a timer that already ran does not set it up again.
  const [caseId, key] = [due[0]!.slice(0, 24), due[0]!.slice(25)];
  await syncTimerJobs(db, { _id: new Types.ObjectId(caseId), orgId }, [timer(key, clock.time - 60_000)], clock.now());
  expect(await timerJobModel(db).findById(due[0]).lean()).toBeNull();
  expect(await worker.runDueJobs()).toBe(0);
});

it('moves the cursor past empty hours, and lists a job planned for an hour already passed where the poll reads', async () => {
  const worker = scheduler('worker-3');
  ran.length = 0;
  clock.time += 40 * 86_400_000;
  // The job planned for three days after the first test's start runs on the way; then the cursor is at this hour.
  expect(await worker.runDueJobs()).toBe(1);
  expect(ran).toEqual([later]);
  expect(await worker.runDueJobs()).toBe(0);
  expect((await timerSlots(db).findOne({ _id: 'cursor' }))?.slot).toBe(slotOf(clock.time));
  expect(await listedIds()).toEqual([]);
  // An overdue deadline (its time passed before it was planned) runs at the next poll.
  const overdue = await plan(clock.time - 5 * SLOT_MS, 'overdue@1');
  expect(await listedIds()).toEqual([overdue]);
  expect(await worker.runDueJobs()).toBe(1);
  expect(ran).toEqual([later, overdue]);
  expect(await listedIds()).toEqual([]);
});

it('after half a year without a poll, runs the monthly jobs reading each passed hour about twice, not once per job', async () => {
  const worker = scheduler('worker-6');
  ran.length = 0;
  const start = clock.time;
  const monthly = await Promise.all(Array.from({ length: 6 }, (_, index) => plan(start + (index + 1) * 30 * 86_400_000 + 3_600_000, `followUp#${index}@1`)));
  clock.time = start + 190 * 86_400_000;
  const hours = slotOf(clock.time) - slotOf(start);
  const calls = await driverCalls(() => worker.runDueJobs());
  expect(ran).toEqual(monthly);
  // Each job found reads no further than its hour (and the rest of its batch of 48), and the cursor moves up to it
  // first: the hours passed are read once to find the next job and once to move the cursor past them. Before, every
  // job read every hour again: some 7 × 4,500.
  const slotReads = calls.filter((call) => call.method === 'find' && typeof call.filter._id === 'string' && call.filter._id.startsWith('s:')).length;
  expect(slotReads).toBeGreaterThanOrEqual(hours);
  expect(slotReads).toBeLessThanOrEqual(2 * hours + (monthly.length + 1) * 48);
  expect((await timerSlots(db).findOne({ _id: 'cursor' }))?.slot).toBe(slotOf(clock.time));
  expect(await listedIds()).toEqual([]);
});

it('takes over a job whose process died between claiming it and marking it running, after the lock timeout', async () => {
  ran.length = 0;
  const stuck = await plan(clock.time - 60_000, 'stuck@1');
  // The dead process's claim of the job's first attempt, older than the lock timeout (claims carry the wall clock).
  await db.collection('write_claims').insertOne({ _id: `timer:${stuck}:0` as never, at: new Date(Date.now() - 5_000), owner: 'dead-worker' });
  const patient = new DurableScheduler({ db, clock, workerId: 'worker-4', lockTimeoutMs: 60_000, handler: async (job) => { ran.push(job._id); return 'fired'; } });
  expect(await patient.runDueJobs()).toBe(0);
  const taker = new DurableScheduler({ db, clock, workerId: 'worker-5', lockTimeoutMs: 1_000, handler: async (job) => { ran.push(job._id); return 'fired'; } });
  expect(await taker.runDueJobs()).toBe(1);
  expect(ran).toEqual([stuck]);
  expect(await listedIds()).toEqual([]);
});

it('brings jobs stored before the queue into it at start, and doing so again changes nothing', async () => {
  const legacy = await createTestDatabase('timer_queue_legacy');
  try {
    const now = new Date('2025-06-01T10:00:00Z');
    const base = { orgId, kind: 'deadline', stagePath: 'recovery', deadlineId: 'd', event: null, lockedBy: null, lockedAt: null, outcome: null, finishedAt: null };
    const job = (id: string, status: string, runAt: Date, extra: object = {}) => ({ ...base, _id: id, caseId: new Types.ObjectId(), key: id, status, runAt, attempts: 0, ...extra });
    await legacy.collection('timer_jobs').insertMany([
      job('done-1', 'done', new Date('2025-05-01T00:00:00Z'), { outcome: 'fired', attempts: 1 }),
      job('done-2', 'done', new Date('2025-05-02T00:00:00Z'), { outcome: 'passed', attempts: 1 }),
      job('cancelled-1', 'cancelled', new Date('2025-05-03T00:00:00Z')),
      job('due-past', 'due', new Date('2025-05-30T00:00:00Z')),
      job('due-later', 'due', new Date('2025-07-01T00:00:00Z')),
    ] as never[]);
    for (let round = 0; round < 2; round += 1) {
      if (round === 1) await timerSlots(legacy).deleteOne({ _id: 'meta' }); // as if the first start stopped before its end
      await ensureTimerQueue(legacy, now);
      const pending = await timerJobModel(legacy).find({}).sort({ _id: 1 }).lean();
      expect(pending.map((item) => [item._id, item.status])).toEqual([['due-later', 'due'], ['due-past', 'due']]);
      const finished = await finishedTimerJobModel(legacy).find({}).sort({ _id: 1 }).lean();
      expect(finished.map((item) => [item._id, item.outcome])).toEqual([['done-1', 'fired'], ['done-2', 'passed']]);
      const slots = await timerSlots(legacy).find({ _id: { $regex: /^s:/ } }).sort({ _id: 1 }).toArray();
      // The overdue job is listed at the cursor (the current hour), the later one at its own hour.
      expect(slots.map((slot) => [slot._id, JSON.parse(slot.t!)])).toEqual(
        [
          [`s:${slotOf(now.getTime())}`, [['due-past', Date.parse('2025-05-30T00:00:00Z')]]],
          [`s:${slotOf(Date.parse('2025-07-01T00:00:00Z'))}`, [['due-later', Date.parse('2025-07-01T00:00:00Z')]]],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
    }
  } finally {
    await dropTestDatabase(legacy);
  }
});
