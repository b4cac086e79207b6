import request from 'supertest';
import { api, createCaseApp, login, reportSubmission, type CaseApp } from '../helpers/case-app';
import { pdfText } from '../helpers/pdf-text';

/*
 * The in-kind reintegration grant (seed 003): money, not text. The amount per beneficiary comes from the country of
 * return's programme parameters, disbursements are recorded against the reintegration plan within what remains, and
 * an increase needs a reason and a second person's approval (four eyes, enforced by the permission rules).
 */
let t: CaseApp;
type Client = ReturnType<typeof api>;
let iom: Client;
let iomToken: string;
let reviewer: Client;
let cmm: Client;
let cmmToken: string;
let helsinki: Client;

beforeAll(async () => {
  t = await createCaseApp('reintegration-grant');
  iomToken = (await login(t.app, 'caseworker@iom.demo.test')).token;
  iom = api(t.app, iomToken);
  reviewer = api(t.app, (await login(t.app, 'reviewer@iom.demo.test')).token);
  cmmToken = (await login(t.app, 'worker@cmm.demo.test')).token;
  cmm = api(t.app, cmmToken);
  helsinki = api(t.app, (await login(t.app, 'worker@helsinki.demo.test')).token);
});
afterAll(async () => t.close());

async function iomCase(alias: string): Promise<string> {
  const created = await iom.post('/cases', { alias, workflowId: 'iom-return', identity: { estimatedAge: 30, ageUncertain: false, languages: ['hu'] } });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

function expectProblem(res: request.Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body.code).toBe(code);
  expect(res.body.title).toEqual(expect.any(String));
}

it('opens the grant with the amount the country of return sets, and refuses a country without one', async () => {
  const id = await iomCase('Grant Ilona');
  const before = await iom.get(`/cases/${id}/grant`);
  expect(before.status).toBe(200);
  expect(before.body.grant).toBeNull();
  expect(before.body.programmes).toContainEqual({ country: 'hu', amount: 1500, currency: 'CHF' });
  expect(before.body.programmes.map((p: { country: string }) => p.country)).not.toContain('bg');

  expectProblem(await iom.post(`/cases/${id}/grant`, { country: 'bg' }), 400, 'grant-no-programme');
  expectProblem(await iom.post(`/cases/${id}/grant`, { country: 'Hungary' }), 400, 'validation-failed');
  const opened = await iom.post(`/cases/${id}/grant`, { country: 'hu' });
  expect(opened.status).toBe(201);
  expect(opened.body).toMatchObject({ country: 'hu', currency: 'CHF', totals: { granted: 1500, increaseApproved: 0, disbursed: 0, remaining: 1500 } });
  expectProblem(await iom.post(`/cases/${id}/grant`, { country: 'hu' }), 409, 'grant-already-opened');
});

it('records disbursements against the plan within what remains; bad input is a problem and changes nothing', async () => {
  const id = await iomCase('Grant Zsofia');
  await iom.post(`/cases/${id}/grant`, { country: 'hu' });
  const valid = { amount: 400, currency: 'CHF', date: '2025-03-10', purpose: 'Tools for a tailoring workshop' };
  expectProblem(await iom.post(`/cases/${id}/grant/disbursements`, { ...valid, amount: -50 }), 400, 'validation-failed');
  expectProblem(await iom.post(`/cases/${id}/grant/disbursements`, { ...valid, amount: 0 }), 400, 'validation-failed');
  expectProblem(await iom.post(`/cases/${id}/grant/disbursements`, { ...valid, amount: 10.005 }), 400, 'validation-failed');
  expectProblem(await iom.post(`/cases/${id}/grant/disbursements`, { ...valid, amount: '400' }), 400, 'validation-failed');
  expectProblem(await iom.post(`/cases/${id}/grant/disbursements`, { ...valid, date: '10.03.2025' }), 400, 'validation-failed');
  expectProblem(await iom.post(`/cases/${id}/grant/disbursements`, { ...valid, purpose: '  ' }), 400, 'validation-failed');
  expectProblem(await iom.post(`/cases/${id}/grant/disbursements`, { ...valid, currency: 'EUR' }), 400, 'grant-currency-mismatch');
  expectProblem(await iom.post(`/cases/${id}/grant/disbursements`, { ...valid, planGoal: 'no-such-goal' }), 400, 'grant-plan-goal-unknown');
  expectProblem(await iom.post(`/cases/${id}/grant/disbursements`, { ...valid, amount: 1500.01 }), 409, 'grant-exceeded');
  expect((await iom.get(`/cases/${id}/grant`)).body.grant).toMatchObject({ disbursements: [], version: 0 });

  const paid = await iom.post(`/cases/${id}/grant/disbursements`, valid);
  expect(paid.status).toBe(201);
  expect(paid.body.totals).toEqual({ granted: 1500, increaseApproved: 0, increasePending: 0, disbursed: 400, remaining: 1100 });
  expect(paid.body.disbursements).toEqual([
    expect.objectContaining({ amount: 400, currency: 'CHF', date: '2025-03-10', purpose: 'Tools for a tailoring workshop', recordedBy: expect.objectContaining({ name: 'Demo IOM Caseworker' }) }),
  ]);
  // Against a goal of the reintegration plan.
  const current = (await iom.get(`/cases/${id}`)).body;
  const goals = [{ id: 'g1', stop: 'vocationalTraining', description: 'Tailoring course', status: 'planned' }];
  expect((await iom.patch(`/cases/${id}`, { plan: { goals, reviewDates: [], obstacles: [], riskFlags: [] }, version: current.version })).status).toBe(200);
  const forGoal = await iom.post(`/cases/${id}/grant/disbursements`, { ...valid, amount: 99.95, planGoal: 'g1', purpose: 'Course fee' });
  expect(forGoal.status).toBe(201);
  expect(forGoal.body.totals).toMatchObject({ disbursed: 499.95, remaining: 1000.05 });
  expect(forGoal.body.disbursements[1]).toMatchObject({ planGoal: 'g1' });
});

it('an increase needs a reason and the approval of a second person: the requester is refused with 403', async () => {
  const id = await iomCase('Grant Eszter');
  await iom.post(`/cases/${id}/grant`, { country: 'hu' });
  expectProblem(await iom.post(`/cases/${id}/grant/increases`, { amount: 500 }), 400, 'validation-failed');
  expectProblem(await iom.post(`/cases/${id}/grant/increases`, { amount: -500, reason: 'More' }), 400, 'validation-failed');
  const asked = await iom.post(`/cases/${id}/grant/increases`, { amount: 500, reason: 'Rent deposit in the reintegration plan, as the service provider recommends' });
  expect(asked.status).toBe(201);
  expect(asked.body.totals).toMatchObject({ granted: 1500, increaseApproved: 0, increasePending: 500, remaining: 1500 });
  const increaseId = asked.body.increases[0].id as string;
  // Pending increases cannot be spent.
  expectProblem(await iom.post(`/cases/${id}/grant/disbursements`, { amount: 1600, currency: 'CHF', date: '2025-03-12', purpose: 'Rent' }), 409, 'grant-exceeded');

  const own = await iom.post(`/cases/${id}/grant/increases/${increaseId}/decision`, { decision: 'approve' });
  expectProblem(own, 403, 'grant-four-eyes');
  expect((await iom.get(`/cases/${id}/grant`)).body.grant.increases[0].status).toBe('pending');
  expectProblem(await reviewer.post(`/cases/${id}/grant/increases/${increaseId}/decision`, { decision: 'maybe' }), 400, 'validation-failed');
  expect((await reviewer.post(`/cases/${id}/grant/increases/nope/decision`, { decision: 'approve' })).status).toBe(404);

  const approved = await reviewer.post(`/cases/${id}/grant/increases/${increaseId}/decision`, { decision: 'approve' });
  expect(approved.status).toBe(200);
  expect(approved.body.increases[0]).toMatchObject({ status: 'approved', decidedBy: expect.objectContaining({ name: 'Demo IOM Grant Reviewer' }) });
  expect(approved.body.totals).toEqual({ granted: 1500, increaseApproved: 500, increasePending: 0, disbursed: 0, remaining: 2000 });
  expectProblem(await reviewer.post(`/cases/${id}/grant/increases/${increaseId}/decision`, { decision: 'decline' }), 409, 'grant-increase-already-decided');

  const spent = await iom.post(`/cases/${id}/grant/disbursements`, { amount: 1600, currency: 'CHF', date: '2025-03-12', purpose: 'Rent deposit' });
  expect(spent.status).toBe(201);
  expect(spent.body.totals).toMatchObject({ disbursed: 1600, remaining: 400 });

  // A declined increase adds nothing.
  const second = await reviewer.post(`/cases/${id}/grant/increases`, { amount: 300, reason: 'Furniture' });
  const declined = await iom.post(`/cases/${id}/grant/increases/${second.body.increases[1].id}/decision`, { decision: 'decline' });
  expect(declined.status).toBe(200);
  expect(declined.body.totals).toMatchObject({ increaseApproved: 500, increasePending: 0, remaining: 400 });
});

it('a country whose programme allows no increase refuses one', async () => {
  const id = await iomCase('Grant Petra');
  // The organisation's own parameters give Czechia's programme a grant, but not an increasable one.
  await t.db.collection('organisations').updateOne({ slug: 'iom-bg' }, { $set: { 'parameters.reintegrationGrant': { amount: 800, currency: 'EUR' }, 'parameters.reintegrationGrantIncreasable': false } });
  try {
    const opened = await iom.post(`/cases/${id}/grant`, { country: 'cz' });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ currency: 'EUR', totals: { granted: 800 } });
    expectProblem(await iom.post(`/cases/${id}/grant/increases`, { amount: 100, reason: 'Plan' }), 409, 'grant-not-increasable');
  } finally {
    await t.db.collection('organisations').updateOne({ slug: 'iom-bg' }, { $unset: { 'parameters.reintegrationGrant': '', 'parameters.reintegrationGrantIncreasable': '' } });
  }
});

it('on a Danish prepared return referred to IOM, IOM keeps the grant; Denmark and Helsinki do not see it', async () => {
  const created = await cmm.post('/cases', { alias: 'Returning Kata', workflowId: 'denmark-cmm', identity: { estimatedAge: 33, ageUncertain: false, languages: ['hu'] } });
  const id = created.body.id as string;
  await reportSubmission(t, cmmToken, { caseId: id, formPath: 'consent-information', submissionId: 'grant-dk-1', data: { rightsExplained: true } });
  await reportSubmission(t, cmmToken, { caseId: id, formPath: 'needs-assessment', submissionId: 'grant-dk-2', data: { ageYears: 33, ageUncertain: false, isChild: false, wishesVoluntaryReturn: 'yes' } });
  const current = (await cmm.get(`/cases/${id}`)).body;
  await cmm.patch(`/cases/${id}`, { consents: { cmm: { given: true }, iom: { given: true, groups: ['identity', 'integration', 'plan'] } }, version: current.version });
  for (const type of ['referToCmm', 'identifiedAsVictim']) expect((await cmm.post(`/cases/${id}/events`, { type, data: {} })).status).toBe(200);
  expect((await cmm.post(`/cases/${id}/events`, { type: 'prepareReturn', data: {}, referral: { message: 'Return to Hungary' } })).status).toBe(200);
  const [referral] = (await cmm.get(`/cases/${id}/referrals`)).body.items;
  expect((await iom.get(`/cases/${id}/grant`)).status).toBe(404);
  expect((await iom.post(`/referrals/${referral.id}/decision`, { decision: 'accept' })).status).toBe(200);

  const answer = await iom.get(`/cases/${id}/grant`);
  expect(answer.status).toBe(200);
  expect(answer.body.defaultCountry).toBeNull();
  expect((await iom.post(`/cases/${id}/grant`, { country: 'hu' })).status).toBe(201);
  expect((await iom.post(`/cases/${id}/grant/disbursements`, { amount: 250, currency: 'CHF', date: '2025-04-01', purpose: 'Travel from the airport home' })).status).toBe(201);

  // The Danish coordinator reads the case but has no grant rules: the grant does not exist for her.
  expect((await cmm.get(`/cases/${id}/grant`)).status).toBe(404);
  expect((await cmm.post(`/cases/${id}/grant/disbursements`, { amount: 1, currency: 'CHF', date: '2025-04-01', purpose: 'x' })).status).toBe(404);
  expect((await helsinki.get(`/cases/${id}/grant`)).status).toBe(404);
});

it('the plan PDF shows the totals to the programme staff', async () => {
  const id = await iomCase('Grant Anna');
  await iom.post(`/cases/${id}/grant`, { country: 'hu' });
  await iom.post(`/cases/${id}/grant/disbursements`, { amount: 300, currency: 'CHF', date: '2025-03-10', purpose: 'Sewing machine' });
  const res = await request(t.app)
    .get(`/api/cases/${id}/plan.pdf?lang=en`)
    .set({ Authorization: `Bearer ${iomToken}` })
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  const { text } = await pdfText(res.body as Buffer);
  expect(text).toContain('Reintegration grant');
  expect(text).toContain('Hungary');
  expect(text).toMatch(/Granted \(per beneficiary\)\s*CHF\s*1,500\.00/);
  expect(text).toMatch(/Disbursed\s*CHF\s*300\.00/);
  expect(text).toMatch(/Remaining\s*CHF\s*1,200\.00/);
});
