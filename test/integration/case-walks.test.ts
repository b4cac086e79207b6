import { ADULT_SUBMISSIONS, ROAD_MAP_STOPS } from '../helpers/workflow-walker';
import { api, createCaseApp, login, reportSubmission, type CaseApp } from '../helpers/case-app';

/*
 * Submissions reach the case through the submissions port (SubmissionCasePort), called here exactly as the
 * submission service calls it after saving a submission linked to a case.
 */
const SAFETY = { riskLevel: 'low', finalRiskLevel: 'low' };
const CHECKPOINTS = { languageCheckpointMet: true, legalStatus: 'temporary-permit', legalStatusExpiry: '2026-03-01' };
const RETURN = { voluntaryWish: 'yes', identificationEvidence: true, returnCountry: 'hu', eligible: true };

let t: CaseApp;
beforeAll(async () => {
  t = await createCaseApp('case-walks');
});
afterAll(async () => t.close());

function walker(token: string, caseId: string) {
  const client = api(t.app, token);
  let n = 0;
  return {
    async fire(type: string, data: Record<string, unknown> = {}) {
      t.clock.advanceDays(1);
      const res = await client.post(`/cases/${caseId}/events`, { type, data });
      if (res.status !== 200) throw new Error(`${type}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async submit(formPath: string, data: Record<string, unknown>) {
      n += 1;
      await reportSubmission(t, token, { caseId, formPath, submissionId: `sub-${formPath}-${n}`, data });
    },
    async read() {
      return (await client.get(`/cases/${caseId}`)).body;
    },
    async patch(body: object) {
      const current = await this.read();
      const res = await client.patch(`/cases/${caseId}`, { ...body, version: current.version });
      if (res.status !== 200) throw new Error(`patch: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
  };
}

it('takes an adult from referral to closure through finland-municipality, with timers on a fast-forwarded clock', async () => {
  const { token } = await login(t.app, 'worker@helsinki.demo.test');
  const client = api(t.app, token);
  const created = await client.post('/cases', { alias: 'Aino', workflowId: 'finland-municipality', identity: { estimatedAge: 31, ageUncertain: false, languages: ['en'] } });
  expect(created.status).toBe(201);
  expect(created.body.reference).toMatch(/^HELS-2025-\d{5}$/);
  expect(created.body.workflow.activeStages).toContain('intake');
  const w = walker(token, created.body.id);

  await w.submit('consent-information', ADULT_SUBMISSIONS['consent-information']!);
  await w.submit('needs-assessment', ADULT_SUBMISSIONS['needs-assessment']!);
  await w.submit('safety-plan', SAFETY);
  let body = await w.read();
  expect(body.workflow.activeStages).toContain('nasReferral');
  expect(body.workflow.submissions.map((s: { formPath: string }) => s.formPath)).toEqual(['consent-information', 'needs-assessment', 'safety-plan']);

  const refused = await client.post(`/cases/${created.body.id}/events`, { type: 'referToNas', data: {} });
  expect(refused.status).toBe(409); // no consent to the NAS yet
  expect(refused.body.acceptedEvents).toEqual(expect.arrayContaining(['continueWithoutNas', 'formSubmitted']));
  expect(refused.body.acceptedEvents).not.toContain('referToNas');
  // The case page offers only what the guards allow now: no referral to the NAS without the person's consent.
  expect(body.availableEvents).toEqual(['caseClosed', 'continueWithoutNas']);

  await w.patch({ consents: { nas: { given: true, givenOn: '2025-03-04' } } });
  expect((await w.read()).availableEvents).toEqual(['caseClosed', 'continueWithoutNas', 'referToNas']);
  const referred = await w.fire('referToNas');
  // Admission is the NAS's decision: the municipality is not offered it and may not fire it; the NAS accepting the referral moves the case.
  expect(referred.availableEvents).not.toContain('nasAdmitted');
  const byHand = await client.post(`/cases/${created.body.id}/events`, { type: 'nasAdmitted', data: {} });
  expect(byHand.status).toBe(403);
  expect(byHand.body.code).toBe('event-decided-by-referral');
  expect((await w.read()).version).toBe(referred.version);
  const nas = api(t.app, (await login(t.app, 'coordinator@nas.demo.test')).token);
  const [referral] = (await client.get(`/cases/${created.body.id}/referrals`)).body.items;
  expect((await nas.post(`/referrals/${referral.id}/decision`, { decision: 'accept' })).status).toBe(200);
  // In assistance, the service tracks share their events: the case offers one option per track, with its data.
  const inAssistance = await w.read();
  expect(inAssistance.eventOptions).toContainEqual({ type: 'serviceStarted', data: { stop: 'legalAssistance' } });
  expect(inAssistance.eventOptions).toContainEqual({ type: 'serviceNotNeeded', data: { stop: 'therapy' } });
  expect(inAssistance.eventOptions.filter((o: { type: string }) => o.type === 'serviceStarted').length).toBeGreaterThan(10);
  expect((await client.post(`/cases/${created.body.id}/events`, { type: 'serviceCompleted', data: { stop: 'legalAssistance' } })).status).toBe(409);
  const started = await w.fire('serviceStarted', { stop: 'legalAssistance' });
  expect(started.plan.services.legalAssistance).toBe('inProgress');
  expect(started.plan.services.therapy).toBe('notStarted');
  expect(started.eventOptions).toContainEqual({ type: 'serviceCompleted', data: { stop: 'legalAssistance' } });
  expect(started.eventOptions).not.toContainEqual({ type: 'serviceStarted', data: { stop: 'legalAssistance' } });
  await w.submit('plan-of-assistance', { goals: 'own words' });
  body = await w.fire('planApproved');
  expect(body.workflow.activeStages).toContain('assistance/plan/approved/inEffect');
  const review = body.workflow.deadlines.find((d: { deadlineId: string }) => d.deadlineId === 'planReview');
  expect(review).toBeDefined();

  // Five weeks later the plan review (every P4W) is overdue: the list filter shows it, then the timer fires it.
  t.clock.advanceDays(35);
  const overdue = await client.get('/cases?overdue=true');
  expect(overdue.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
  await t.services.scheduler.runDueJobs();
  body = await w.read();
  expect(body.workflow.activeStages).toContain('assistance/plan/approved/underReview');
  expect(body.workflow.timeline.some((e: { type: string; event?: string }) => e.type === 'timer' && e.event === 'planReviewDue')).toBe(true);

  // The review made a task for the case owner; the caseworker marks it done, once.
  const reviewTask = body.workflow.tasks.find((task: { titleKey: string }) => task.titleKey === 'workflows:finland-municipality.tasks.reviewPlan');
  expect(reviewTask).toMatchObject({ status: 'open', role: 'caseOwner' });
  const police = api(t.app, (await login(t.app, 'police@helsinki.demo.test')).token);
  expect((await police.post(`/cases/${created.body.id}/tasks/${reviewTask.id}/done`, { version: body.version })).status).toBe(404);
  expect((await client.post(`/cases/${created.body.id}/tasks/${reviewTask.id}/done`, { version: body.version - 1 })).status).toBe(409);
  const done = await client.post(`/cases/${created.body.id}/tasks/${reviewTask.id}/done`, { version: body.version });
  expect(done.status).toBe(200);
  expect(done.body.workflow.tasks.find((task: { id: string }) => task.id === reviewTask.id)).toMatchObject({ status: 'done' });
  expect(done.body.workflow.timeline.at(-1)).toMatchObject({ type: 'task-done', detail: reviewTask.titleKey });
  const again = await client.post(`/cases/${created.body.id}/tasks/${reviewTask.id}/done`, { version: done.body.version });
  expect(again.body.code).toBe('task-already-done');
  expect((await client.post(`/cases/${created.body.id}/tasks/nope/done`, { version: done.body.version })).status).toBe(404);

  await w.submit('plan-of-assistance', { goals: 'updated' });
  await w.fire('planReviewed');
  await w.fire('planConcluded');
  await w.patch({ consents: { nas: { given: true, givenOn: '2025-03-04' }, 'employment-services': { given: true, givenOn: '2025-04-20' } } });
  await w.submit('integration-checkpoints', CHECKPOINTS);
  body = await w.read();
  expect(body.plan.checkpoints).toMatchObject({ languageCheckpoint: 'met', legalStatusCheckpoint: 'met' });
  await w.fire('integrationPlanAgreed');
  await w.fire('integrationPlanCompleted');
  await w.fire('claimStarted');
  await w.submit('reimbursement-claim', { totalAmount: 1240.5 });
  await w.fire('nasStatementRequested');
  await w.fire('nasStatementReceived');
  await w.fire('claimDecided');
  const used = ['needsAssessment', 'safeAccommodation', 'legalAssistance'];
  for (const stop of ROAD_MAP_STOPS) {
    if (used.includes(stop)) {
      if (stop !== 'legalAssistance') await w.fire('serviceStarted', { stop }); // legal assistance started above
      await w.fire('serviceCompleted', { stop });
    } else await w.fire('serviceNotNeeded', { stop });
  }
  body = await w.read();
  expect(body.workflow.activeStages).toEqual(['closing']);
  expect(body.plan.services.therapy).toBe('notNeeded');
  expect(body.plan.services.legalAssistance).toBe('completed');
  body = await w.fire('caseClosed');
  expect(body.workflow.snapshot.status).toBe('done');
  expect(body.workflow.deadlines).toEqual([]);

  const timeline = await client.get(`/cases/${created.body.id}/timeline`);
  expect(timeline.status).toBe(200);
  expect(timeline.body.items.length).toBeGreaterThan(40);
  expect(JSON.stringify(timeline.body)).not.toContain('own words'); // names, never values
});

it('takes a person through a prepared voluntary return with denmark-cmm, closed by the end of the support period timer', async () => {
  const { token } = await login(t.app, 'worker@cmm.demo.test');
  const client = api(t.app, token);
  const created = await client.post('/cases', {
    alias: 'Mira', workflowId: 'denmark-cmm', identity: { estimatedAge: 27, ageUncertain: false },
  });
  expect(created.status).toBe(201);
  const w = walker(token, created.body.id);
  await w.submit('consent-information', ADULT_SUBMISSIONS['consent-information']!);
  await w.submit('needs-assessment', { ...ADULT_SUBMISSIONS['needs-assessment'], wishesVoluntaryReturn: 'yes' });
  expect((await w.read()).workflow.activeStages).toContain('referral');
  await w.patch({ consents: { cmm: { given: true } } });
  await w.fire('referToCmm');
  let body = await w.fire('identifiedAsVictim');
  // The period starts with the decision's date, which the step asks for (not after today).
  expect(body.eventOptions).toContainEqual(expect.objectContaining({ type: 'reflectionPeriodStarted', inputs: [{ name: 'reflectionDecision', kind: 'date', max: expect.any(String) }] }));
  const dueOf = (b: { workflow: { deadlines: Array<{ deadlineId: string; dueAt: string }> } }, id: string) => b.workflow.deadlines.find((d) => d.deadlineId === id)?.dueAt;
  const missing = await client.post(`/cases/${created.body.id}/events`, { type: 'reflectionPeriodStarted', data: {} });
  expect(missing.status).toBe(400);
  expect(missing.body).toMatchObject({ code: 'event-input-invalid', problems: [{ path: 'data/reflectionDecision', code: 'required' }] });
  body = await w.fire('reflectionPeriodStarted', { reflectionDecision: '2025-03-05' });
  expect(dueOf(body, 'reflectionPeriod')).toBe('2025-04-04T00:00:00.000Z');
  const option = body.eventOptions.find((o: { type: string }) => o.type === 'extensionGranted');
  expect(option.inputs).toEqual([{ name: 'reflectionExtendedUntil', kind: 'date', min: '2025-04-04', max: '2025-07-03' }]);
  // Beyond the jurisdiction's maximum (120 days from the decision) is refused, and nothing moves.
  const tooLate = await client.post(`/cases/${created.body.id}/events`, { type: 'extensionGranted', data: { reflectionExtendedUntil: '2025-07-04' } });
  expect(tooLate.status).toBe(400);
  expect(tooLate.body.problems).toEqual([{ path: 'data/reflectionExtendedUntil', name: 'reflectionExtendedUntil', code: 'too-late', limit: '2025-07-03' }]);
  expect((await w.read()).workflow.activeStages).toContain('recovery/period/running');
  body = await w.fire('extensionGranted', { reflectionExtendedUntil: '2025-06-15' });
  expect(dueOf(body, 'extendedPeriod')).toBe('2025-06-15T00:00:00.000Z');
  expect(body.workflow.dates).toMatchObject({ reflectionDecision: '2025-03-05', reflectionExtendedUntil: '2025-06-15' });
  // The contact person is named on the case profile; the workflow's contact-person step completes with it.
  expect(body.workflow.activeStages).toContain('recovery/contactPerson/unassigned');
  body = await w.patch({ contactPerson: { name: 'Jonas', organisation: 'CMM', phone: '+45 1234 5678' } });
  expect(body.workflow.fields).toMatchObject({ contactPerson: { name: 'Jonas', organisation: 'CMM', phone: '+45 1234 5678' } });
  expect(body.workflow.activeStages).toContain('recovery/contactPerson/assigned');
  const emptyName = await client.patch(`/cases/${created.body.id}`, { contactPerson: { name: ' ' }, version: body.version });
  expect(emptyName.status).toBe(400);
  expect((await w.read()).version).toBe(body.version);
  await w.patch({ consents: { cmm: { given: true }, iom: { given: true } } });
  body = await w.fire('prepareReturn');
  // The return is prepared within the recovery period: its deadline is still there.
  expect(body.workflow.activeStages).toContain('recovery/returnHome/preparedReturn');
  expect(dueOf(body, 'extendedPeriod')).toBe('2025-06-15T00:00:00.000Z');
  await w.submit('return-reintegration', RETURN);
  body = await w.fire('departed');
  const end = body.workflow.deadlines.find((d: { deadlineId: string }) => d.deadlineId === 'reintegrationSupportEnds');
  expect(end).toMatchObject({ event: 'supportPeriodEnded' });

  t.clock.time = Date.parse(end.dueAt) + 60_000;
  await t.services.scheduler.runDueJobs();
  body = await w.read();
  expect(body.workflow.snapshot).toMatchObject({ status: 'done', value: 'closed' });
});
