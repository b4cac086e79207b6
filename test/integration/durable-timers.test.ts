import { ADULT_SUBMISSIONS } from '../helpers/workflow-walker';
import { createCaseApp, api, login, reportSubmission, type CaseApp } from '../helpers/case-app';
import { Types } from 'mongoose';
import { finishedTimerJobModel, timerJobModel } from '../../server/src/modules/cases/testing';

/*
 * A reflection period deadline (P30D from the decision date, denmark-cmm) is a job in the database. The app that
 * planned it goes away (restart); two new app instances on the same database then race for due jobs.
 */
let first: CaseApp;
beforeAll(async () => {
  first = await createCaseApp('durable-timers');
});
afterAll(async () => first.close());

/** A denmark-cmm case in recovery, with its reflection period deadline planned. */
async function caseInRecovery(alias: string) {
  const { token } = await login(first.app, 'worker@cmm.demo.test');
  const client = api(first.app, token);
  const created = await client.post('/cases', { alias, workflowId: 'denmark-cmm', identity: { estimatedAge: 30 }, dates: { reflectionDecision: '2025-03-05' } });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  for (const [formPath, data] of Object.entries(ADULT_SUBMISSIONS)) {
    await reportSubmission(first, token, { caseId: id, formPath, submissionId: `s-${formPath}`, data });
  }
  const v = (await client.get(`/cases/${id}`)).body.version as number;
  expect((await client.patch(`/cases/${id}`, { consents: { cmm: { given: true } }, version: v })).status).toBe(200);
  for (const type of ['referToCmm', 'identifiedAsVictim']) {
    const res = await client.post(`/cases/${id}/events`, { type, data: {} });
    if (res.status !== 200) throw new Error(`${type}: ${JSON.stringify(res.body)}`);
  }
  return { id, client };
}

it('cancels the jobs of the timers a case no longer has, each found by its id', async () => {
  const { id, client } = await caseInRecovery('Timer cancelled');
  const [job] = await timerJobModel(first.db).find({ caseId: id, deadlineId: 'reflectionPeriod', kind: 'deadline' }).lean();
  expect(job).toMatchObject({ status: 'due' });
  // The case keeps the keys of what it planned (not shown to readers), which the next plan compares with its own.
  const stored = await first.db.collection('cases').findOne({ _id: new Types.ObjectId(id) });
  expect(stored?.workflow.timerKeys).toContain(job!.key);
  expect((await client.get(`/cases/${id}`)).body.workflow).not.toHaveProperty('timerKeys');
  // Another case's jobs are left alone.
  const other = await caseInRecovery('Timer kept');
  const res = await client.post(`/cases/${id}/events`, { type: 'caseClosed', data: {} });
  expect(res.status).toBe(200);
  // Cancelled: removed from the jobs still to run, and not recorded as having run.
  expect(await timerJobModel(first.db).findById(job!._id).lean()).toBeNull();
  expect(await finishedTimerJobModel(first.db).findById(job!._id).lean()).toBeNull();
  const kept = await timerJobModel(first.db).find({ caseId: other.id, deadlineId: 'reflectionPeriod', kind: 'deadline' }).lean();
  expect(kept.map((k) => k.status)).toEqual(['due']);
  expect((await first.db.collection('cases').findOne({ _id: new Types.ObjectId(id) }))?.workflow.timerKeys).not.toContain(job!.key);
});

it('survives a restart and fires exactly once with two app instances on one database', async () => {
  const { id } = await caseInRecovery('Timer');
  const jobs = await timerJobModel(first.db).find({ caseId: id, deadlineId: 'reflectionPeriod', kind: 'deadline' }).lean();
  expect(jobs).toHaveLength(1);
  expect(jobs[0]!.status).toBe('due');

  // "Restart": the first app and its scheduler are gone; nothing of the plan lived in memory.
  await first.services.scheduler.stop();
  const clock = first.clock;
  const a = await createCaseApp('unused', { db: first.db, clock, workerId: 'instance-a' });
  const b = await createCaseApp('unused', { db: first.db, clock, workerId: 'instance-b' });
  expect(await a.services.scheduler.runDueJobs()).toBe(0); // not due yet
  clock.time = Date.parse('2025-04-05T00:00:00Z');
  const ran = await Promise.all([a.services.scheduler.runDueJobs(), b.services.scheduler.runDueJobs(), a.services.scheduler.runDueJobs(), b.services.scheduler.runDueJobs()]);
  const after = await finishedTimerJobModel(first.db).findById(jobs[0]!._id).lean();
  expect(after).toMatchObject({ status: 'done', outcome: 'fired', attempts: 1 });
  expect(await timerJobModel(first.db).findById(jobs[0]!._id).lean()).toBeNull();
  expect(ran.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1);
  const body = (await api(a.app, (await login(a.app, 'worker@cmm.demo.test')).token).get(`/cases/${id}`)).body;
  const fired = body.workflow.timeline.filter((e: { type: string; event?: string }) => e.type === 'timer' && e.event === 'reflectionPeriodEnded');
  expect(fired).toHaveLength(1);
  await a.close();
  await b.close();
});
