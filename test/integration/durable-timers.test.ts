import { ADULT_SUBMISSIONS } from '../../server/src/modules/workflows/test-support/workflow-walker';
import { createCaseApp, api, login, reportSubmission, type CaseApp } from '../helpers/case-app';
import { timerJobModel } from '../../server/src/modules/cases/timers/timer-job.model';

/*
 * A reflection period deadline (P30D from the decision date, denmark-cmm) is a job in the database. The app that
 * planned it goes away (restart); two new app instances on the same database then race for due jobs.
 */
let first: CaseApp;
beforeAll(async () => {
  first = await createCaseApp('durable-timers');
});
afterAll(async () => first.close());

it('survives a restart and fires exactly once with two app instances on one database', async () => {
  const { token } = await login(first.app, 'worker@cmm.demo.test');
  const client = api(first.app, token);
  const created = await client.post('/cases', { alias: 'Timer', workflowId: 'denmark-cmm', identity: { estimatedAge: 30 }, dates: { reflectionDecision: '2025-03-05' } });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  for (const [formPath, data] of Object.entries(ADULT_SUBMISSIONS)) {
    await reportSubmission(first, token, { caseId: id, formPath, submissionId: `s-${formPath}`, data });
  }
  let v = (await client.get(`/cases/${id}`)).body.version as number;
  const consent = await client.patch(`/cases/${id}`, { consents: { cmm: { given: true } }, version: v });
  v = consent.body.version;
  for (const type of ['referToCmm', 'identifiedAsVictim']) {
    const res = await client.post(`/cases/${id}/events`, { type, data: {} });
    if (res.status !== 200) throw new Error(`${type}: ${JSON.stringify(res.body)}`);
  }
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
  const after = await timerJobModel(first.db).findById(jobs[0]!._id).lean();
  expect(after).toMatchObject({ status: 'done', outcome: 'fired', attempts: 1 });
  expect(ran.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1);
  const body = (await api(a.app, (await login(a.app, 'worker@cmm.demo.test')).token).get(`/cases/${id}`)).body;
  const fired = body.workflow.timeline.filter((e: { type: string; event?: string }) => e.type === 'timer' && e.event === 'reflectionPeriodEnded');
  expect(fired).toHaveLength(1);
  await a.close();
  await b.close();
});
