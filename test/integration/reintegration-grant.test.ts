import request from 'supertest';
import { api, createCaseApp, login, reportSubmission, type CaseApp } from '../helpers/case-app';
import { pdfText } from '../helpers/pdf-text';

/*
 * The in-kind reintegration grant (seed 003): money, not text. The country of return is the case's own, as its return
 * form records it; the amount per beneficiary and whether and how far it may grow are that country's parameters.
 * Disbursements are paid in the country's currency and converted to CHF at the programme's exchange rate in force on
 * the day paid (rates the organisation's data administrator enters, each with the day it applies from). Amounts are
 * whole minor units. An increase needs a reason and a second person's approval (four eyes, by the permission rules).
 */
let t: CaseApp;
type Client = ReturnType<typeof api>;
let iom: Client;
let iomToken: string;
let reviewer: Client;
let admin: Client;
let cmm: Client;
let cmmToken: string;
let helsinki: Client;
let iomOrgId: string;

beforeAll(async () => {
  t = await createCaseApp('reintegration-grant');
  iomToken = (await login(t.app, 'caseworker@iom.demo.test')).token;
  iom = api(t.app, iomToken);
  reviewer = api(t.app, (await login(t.app, 'reviewer@iom.demo.test')).token);
  admin = api(t.app, (await login(t.app, 'admin@iom.demo.test')).token);
  cmmToken = (await login(t.app, 'worker@cmm.demo.test')).token;
  cmm = api(t.app, cmmToken);
  helsinki = api(t.app, (await login(t.app, 'worker@helsinki.demo.test')).token);
  iomOrgId = String((await t.db.collection('organisations').findOne({ slug: 'iom-bg' }))!._id);
});
afterAll(async () => t.close());

let submissions = 0;
/** The return form as the caseworker submits it, with the country of return `country` (a form option value). */
async function returnForm(caseId: string, country: string, token = iomToken): Promise<void> {
  submissions += 1;
  await reportSubmission(t, token, {
    caseId, formPath: 'return-reintegration', submissionId: `grant-return-${submissions}`,
    data: { voluntaryWish: 'yes', identificationEvidence: true, returnCountry: country, eligible: true },
  });
}

async function iomCase(alias: string, country?: string): Promise<string> {
  const created = await iom.post('/cases', { alias, workflowId: 'iom-return', identity: { estimatedAge: 30, ageUncertain: false, languages: ['hu'] } });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  if (country) await returnForm(id, country);
  return id;
}

function expectProblem(res: request.Response, status: number, code: string) {
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body.title).toEqual(expect.any(String));
}

/** Sets IOM's own parameters for the duration of `body` (they apply over every country's). */
async function withOrgParameters(parameters: Record<string, unknown>, body: () => Promise<void>): Promise<void> {
  const set = Object.fromEntries(Object.entries(parameters).map(([name, value]) => [`parameters.${name}`, value]));
  await t.db.collection('organisations').updateOne({ slug: 'iom-bg' }, { $set: set });
  try {
    await body();
  } finally {
    const unset = Object.fromEntries(Object.keys(parameters).map((name) => [`parameters.${name}`, '']));
    await t.db.collection('organisations').updateOne({ slug: 'iom-bg' }, { $unset: unset });
  }
}

const PAID = { currency: 'HUF', date: '2025-03-10', purpose: 'Tools for a tailoring workshop' };

it("opens the grant under the country of return the case's return form records, never one chosen", async () => {
  const id = await iomCase('Grant Ilona');
  const before = await iom.get(`/cases/${id}/grant`);
  expect(before.status).toBe(200);
  expect(before.body).toEqual({ grant: null, returnCountry: null, programme: null, unavailable: 'no-return-country' });
  expectProblem(await iom.post(`/cases/${id}/grant`, {}), 409, 'grant-no-return-country');
  // The country is not the caller's to choose.
  expectProblem(await iom.post(`/cases/${id}/grant`, { country: 'hu' }), 400, 'validation-failed');

  await returnForm(id, 'hu');
  expect((await iom.get(`/cases/${id}`)).body.plan.returnCountry).toBe('HU');
  const offered = await iom.get(`/cases/${id}/grant`);
  expect(offered.body).toEqual({
    grant: null, returnCountry: 'hu', unavailable: null,
    programme: { country: 'hu', amountMinor: 150_000, currency: 'CHF', localCurrency: 'HUF', increasable: true, increaseMaxMinor: null },
  });
  const opened = await iom.post(`/cases/${id}/grant`, {});
  expect(opened.status).toBe(201);
  expect(opened.body).toMatchObject({
    country: 'hu', currency: 'CHF', localCurrency: 'HUF', paidLocal: [],
    totals: { granted: 150_000, increaseApproved: 0, increasePending: 0, disbursed: 0, remaining: 150_000 },
    // What remains, at the demo rate in force today (1 CHF = 415.00 HUF from 2025-01-01).
    today: { rate: '415.00', from: '2025-01-01', remainingLocal: { minor: 62_250_000, currency: 'HUF' } },
  });
  expectProblem(await iom.post(`/cases/${id}/grant`, {}), 409, 'grant-already-opened');
});

it.each([
  ['bg', 'EUR'],
  ['cz', 'CZK'],
  ['ro', 'RON'],
])('%s: the source sets no grant for it, so none is opened, and its currency is %s', async (country, currency) => {
  const id = await iomCase(`Grant ${country}`, country);
  const answer = (await iom.get(`/cases/${id}/grant`)).body;
  expect(answer).toEqual({ grant: null, returnCountry: country, programme: null, unavailable: 'no-programme' });
  expectProblem(await iom.post(`/cases/${id}/grant`, {}), 409, 'grant-no-programme');
  // Where an organisation's own parameters give a grant, the country's own currency and increase rule apply.
  await withOrgParameters({ reintegrationGrant: { amount: 1000, currency: 'CHF' } }, async () => {
    const offered = (await iom.get(`/cases/${id}/grant`)).body;
    expect(offered.programme).toEqual({ country, amountMinor: 100_000, currency: 'CHF', localCurrency: currency, increasable: false, increaseMaxMinor: null });
    expect((await iom.post(`/cases/${id}/grant`, {})).status).toBe(201);
    expectProblem(await iom.post(`/cases/${id}/grant/increases`, { amountMinor: 10_000, reason: 'Plan' }), 409, 'grant-not-increasable');
    // Paid in the country's own currency at the demo rate: 26.20 CZK, 5.45 RON, 1.07 EUR for one franc.
    const paid = await iom.post(`/cases/${id}/grant/disbursements`, { ...PAID, currency, amountMinor: 10_700 });
    expect(paid.status).toBe(201);
    expect(paid.body.disbursements[0]).toMatchObject({ paid: { minor: 10_700, currency }, rate: { from: '2025-01-01' } });
  });
});

it('follows the return form: another country, or "other country", changes the case\'s country of return', async () => {
  const id = await iomCase('Grant Moving', 'ro');
  expect((await iom.get(`/cases/${id}/grant`)).body.returnCountry).toBe('ro');
  await returnForm(id, 'hu');
  expect((await iom.get(`/cases/${id}/grant`)).body).toMatchObject({ returnCountry: 'hu', programme: { country: 'hu' } });
  await returnForm(id, 'other');
  expect((await iom.get(`/cases/${id}/grant`)).body).toMatchObject({ returnCountry: null, unavailable: 'no-return-country' });
});

it("the data administrator enters exchange rates with the day they apply from; caseworkers read them; bad input is refused", async () => {
  const listed = await iom.get(`/organisations/${iomOrgId}/exchange-rates`);
  expect(listed.status).toBe(200);
  expect(listed.body.mayEdit).toBe(false);
  expect(listed.body.rates).toContainEqual({ currency: 'HUF', base: 'CHF', rate: '415.00', from: '2025-01-01' });
  const rate = { currency: 'CZK', base: 'CHF', rate: '25.90', from: '2025-07-01' };
  expect((await iom.post(`/organisations/${iomOrgId}/exchange-rates`, rate)).status).toBe(403);
  // Another organisation's rates are not IOM's administrator's to enter.
  const cmmOrgId = String((await t.db.collection('organisations').findOne({ slug: 'dk-cmm' }))!._id);
  expect((await admin.post(`/organisations/${cmmOrgId}/exchange-rates`, rate)).status).toBe(404);

  for (const bad of [{ rate: '0' }, { rate: '0.000000' }, { rate: '25,90' }, { rate: 25.9 }, { rate: '1e3' }, { from: '2025-13-01' }, { currency: 'czk' }, { base: '' }, { note: 'x' }]) {
    expectProblem(await admin.post(`/organisations/${iomOrgId}/exchange-rates`, { ...rate, ...bad }), 400, 'validation-failed');
  }
  const before = (await admin.get(`/organisations/${iomOrgId}/exchange-rates`)).body;
  expect(before.mayEdit).toBe(true);
  expect(before.rates.filter((r: { currency: string }) => r.currency === 'CZK')).toHaveLength(1);

  const added = await admin.post(`/organisations/${iomOrgId}/exchange-rates`, rate);
  expect(added.status).toBe(201);
  expect(added.body.rates).toContainEqual({ ...rate, recordedBy: expect.objectContaining({ name: 'Demo IOM Administrator' }), recordedAt: expect.any(String) });
  // A correction for the same day replaces it; the earlier rate still applies before that day.
  const corrected = await admin.post(`/organisations/${iomOrgId}/exchange-rates`, { ...rate, rate: '25.95' });
  const czk = corrected.body.rates.filter((r: { currency: string }) => r.currency === 'CZK').map((r: { rate: string; from: string }) => [r.from, r.rate]);
  expect(czk).toEqual([['2025-07-01', '25.95'], ['2025-01-01', '26.20']]);
});

it('records a disbursement in forints with the rate used and its worth in CHF; later rates leave it as it was', async () => {
  const id = await iomCase('Grant Zsofia', 'hu');
  await iom.post(`/cases/${id}/grant`, {});
  // HUF 103,750.00 at 415.00 HUF for one franc is CHF 250.00.
  const paid = await iom.post(`/cases/${id}/grant/disbursements`, { ...PAID, amountMinor: 10_375_000 });
  expect(paid.status).toBe(201);
  expect(paid.body.totals).toEqual({ granted: 150_000, increaseApproved: 0, increasePending: 0, disbursed: 25_000, remaining: 125_000 });
  expect(paid.body.paidLocal).toEqual([{ currency: 'HUF', minor: 10_375_000 }]);
  expect(paid.body.disbursements).toEqual([
    expect.objectContaining({
      paid: { minor: 10_375_000, currency: 'HUF' }, grantMinor: 25_000, rate: { rate: '415.00', from: '2025-01-01' }, date: '2025-03-10',
      purpose: 'Tools for a tailoring workshop', recordedBy: expect.objectContaining({ name: 'Demo IOM Caseworker' }),
    }),
  ]);
  // Rounded to the nearest rappen, halves up: HUF 1.00 is CHF 0.0024…, HUF 2.08 is CHF 0.00501…
  const small = await iom.post(`/cases/${id}/grant/disbursements`, { ...PAID, amountMinor: 208, purpose: 'Stamp' });
  expect(small.body.disbursements[1]).toMatchObject({ grantMinor: 1 });

  // A new rate from a later day applies from that day on; what was recorded keeps its rate.
  await admin.post(`/organisations/${iomOrgId}/exchange-rates`, { currency: 'HUF', base: 'CHF', rate: '400.00', from: '2025-03-11' });
  const later = await iom.post(`/cases/${id}/grant/disbursements`, { ...PAID, date: '2025-03-12', amountMinor: 4_000_000, purpose: 'Rent' });
  expect(later.status).toBe(201);
  expect(later.body.disbursements.map((d: { grantMinor: number; rate: { rate: string } }) => [d.grantMinor, d.rate.rate])).toEqual([[25_000, '415.00'], [1, '415.00'], [10_000, '400.00']]);
  expect(later.body.paidLocal).toEqual([{ currency: 'HUF', minor: 14_375_208 }]);
  // Paid in francs: no rate.
  const inChf = await iom.post(`/cases/${id}/grant/disbursements`, { ...PAID, currency: 'CHF', amountMinor: 5_000, purpose: 'Bus ticket bought in Switzerland' });
  expect(inChf.body.disbursements[3]).toMatchObject({ paid: { minor: 5_000, currency: 'CHF' }, grantMinor: 5_000, rate: null });
  expect(inChf.body.totals).toMatchObject({ disbursed: 40_001, remaining: 109_999 });
});

it('refuses bad disbursements with a problem and changes nothing', async () => {
  const id = await iomCase('Grant Bad Input', 'hu');
  await iom.post(`/cases/${id}/grant`, {});
  const url = `/cases/${id}/grant/disbursements`;
  for (const bad of [{ amountMinor: -5_000 }, { amountMinor: 0 }, { amountMinor: 100.5 }, { amountMinor: '4000' }, { amountMinor: 1e15 }, { amount: 40 }, { date: '10.03.2025' }, { purpose: '  ' }, { currency: 'huf' }]) {
    expectProblem(await iom.post(url, { ...PAID, amountMinor: 4_000, ...bad }), 400, 'validation-failed');
  }
  expectProblem(await iom.post(url, { ...PAID, amountMinor: 4_000, currency: 'EUR' }), 400, 'grant-currency-mismatch');
  expectProblem(await iom.post(url, { ...PAID, amountMinor: 4_000, planGoal: 'no-such-goal' }), 400, 'grant-plan-goal-unknown');
  // Before the programme's first rate for forints there is no rate to pay by.
  const early = await iom.post(url, { ...PAID, amountMinor: 4_000, date: '2024-12-31' });
  expectProblem(early, 409, 'grant-no-exchange-rate');
  expect(early.body).toMatchObject({ currency: 'HUF', base: 'CHF', date: '2024-12-31' });
  // Worth CHF 1,500.01 at 415: more than remains.
  const tooMuch = await iom.post(url, { ...PAID, amountMinor: 62_250_415 });
  expectProblem(tooMuch, 409, 'grant-exceeded');
  expect(tooMuch.body.remaining).toBe('1500.00 CHF');
  expect((await iom.get(`/cases/${id}/grant`)).body.grant).toMatchObject({ disbursements: [], version: 0 });
  expect((await iom.post(url, { ...PAID, amountMinor: 62_250_000 })).body.totals.remaining).toBe(0);

  // Against a goal of the reintegration plan (of another case: this one's grant is spent).
  const other = await iomCase('Grant Goal', 'hu');
  await iom.post(`/cases/${other}/grant`, {});
  const otherCase = (await iom.get(`/cases/${other}`)).body;
  const goals = [{ id: 'g1', stop: 'vocationalTraining', description: 'Tailoring course', status: 'planned' }];
  const planned = await iom.patch(`/cases/${other}`, { plan: { goals, reviewDates: [], obstacles: [], riskFlags: [], returnCountry: 'HU' }, version: otherCase.version });
  expect(planned.status).toBe(200);
  const forGoal = await iom.post(`/cases/${other}/grant/disbursements`, { ...PAID, amountMinor: 4_150_000, planGoal: 'g1', purpose: 'Course fee' });
  expect(forGoal.status).toBe(201);
  expect(forGoal.body.disbursements[0]).toMatchObject({ planGoal: 'g1', grantMinor: 10_000 });
});

it('an increase needs a reason and the approval of a second person: the requester is refused with 403', async () => {
  const id = await iomCase('Grant Eszter', 'hu');
  await iom.post(`/cases/${id}/grant`, {});
  expectProblem(await iom.post(`/cases/${id}/grant/increases`, { amountMinor: 50_000 }), 400, 'validation-failed');
  expectProblem(await iom.post(`/cases/${id}/grant/increases`, { amountMinor: -50_000, reason: 'More' }), 400, 'validation-failed');
  expectProblem(await iom.post(`/cases/${id}/grant/increases`, { amountMinor: 500.5, reason: 'More' }), 400, 'validation-failed');
  const asked = await iom.post(`/cases/${id}/grant/increases`, { amountMinor: 50_000, reason: 'Rent deposit in the reintegration plan, as the service provider recommends' });
  expect(asked.status).toBe(201);
  expect(asked.body.totals).toMatchObject({ granted: 150_000, increaseApproved: 0, increasePending: 50_000, remaining: 150_000 });
  const increaseId = asked.body.increases[0].id as string;
  // Pending increases cannot be spent: HUF 664,000 is CHF 1,600.
  expectProblem(await iom.post(`/cases/${id}/grant/disbursements`, { ...PAID, amountMinor: 66_400_000, purpose: 'Rent' }), 409, 'grant-exceeded');

  expectProblem(await iom.post(`/cases/${id}/grant/increases/${increaseId}/decision`, { decision: 'approve' }), 403, 'grant-four-eyes');
  expect((await iom.get(`/cases/${id}/grant`)).body.grant.increases[0].status).toBe('pending');
  expectProblem(await reviewer.post(`/cases/${id}/grant/increases/${increaseId}/decision`, { decision: 'maybe' }), 400, 'validation-failed');
  expect((await reviewer.post(`/cases/${id}/grant/increases/nope/decision`, { decision: 'approve' })).status).toBe(404);

  const approved = await reviewer.post(`/cases/${id}/grant/increases/${increaseId}/decision`, { decision: 'approve' });
  expect(approved.status).toBe(200);
  expect(approved.body.increases[0]).toMatchObject({ amountMinor: 50_000, status: 'approved', decidedBy: expect.objectContaining({ name: 'Demo IOM Grant Reviewer' }) });
  expect(approved.body.totals).toEqual({ granted: 150_000, increaseApproved: 50_000, increasePending: 0, disbursed: 0, remaining: 200_000 });
  expectProblem(await reviewer.post(`/cases/${id}/grant/increases/${increaseId}/decision`, { decision: 'decline' }), 409, 'grant-increase-already-decided');

  const spent = await iom.post(`/cases/${id}/grant/disbursements`, { ...PAID, amountMinor: 66_400_000, purpose: 'Rent deposit' });
  expect(spent.status).toBe(201);
  expect(spent.body.totals).toMatchObject({ disbursed: 160_000, remaining: 40_000 });

  // A declined increase adds nothing.
  const second = await reviewer.post(`/cases/${id}/grant/increases`, { amountMinor: 30_000, reason: 'Furniture' });
  const declined = await iom.post(`/cases/${id}/grant/increases/${second.body.increases[1].id}/decision`, { decision: 'decline' });
  expect(declined.status).toBe(200);
  expect(declined.body.totals).toMatchObject({ increaseApproved: 50_000, increasePending: 0, remaining: 40_000 });
});

it('where the programme limits increases, approved and pending ones together stay within the limit', async () => {
  const id = await iomCase('Grant Limited', 'hu');
  await iom.post(`/cases/${id}/grant`, {});
  await withOrgParameters({ reintegrationGrantIncreaseMax: { amount: 600, currency: 'CHF' } }, async () => {
    expect((await iom.get(`/cases/${id}/grant`)).status).toBe(200);
    const first = await iom.post(`/cases/${id}/grant/increases`, { amountMinor: 50_000, reason: 'Rent deposit' });
    expect(first.status).toBe(201);
    const over = await iom.post(`/cases/${id}/grant/increases`, { amountMinor: 10_001, reason: 'Furniture' });
    expectProblem(over, 409, 'grant-increase-above-limit');
    expect(over.body).toMatchObject({ limit: '600.00 CHF', left: '100.00 CHF' });
    expect((await iom.post(`/cases/${id}/grant/increases`, { amountMinor: 10_000, reason: 'Furniture' })).status).toBe(201);
    // A declined increase gives its share back.
    await reviewer.post(`/cases/${id}/grant/increases/${first.body.increases[0].id}/decision`, { decision: 'decline' });
    expect((await iom.post(`/cases/${id}/grant/increases`, { amountMinor: 50_000, reason: 'Rent deposit, second try' })).status).toBe(201);
  });
  await withOrgParameters({ reintegrationGrantIncreasable: false }, async () => {
    expectProblem(await iom.post(`/cases/${id}/grant/increases`, { amountMinor: 100, reason: 'Plan' }), 409, 'grant-not-increasable');
  });
});

it('on a Danish prepared return referred to IOM, the country of return comes from the Danish return form; Denmark and Helsinki do not see the grant', async () => {
  const created = await cmm.post('/cases', { alias: 'Returning Kata', workflowId: 'denmark-cmm', identity: { estimatedAge: 33, ageUncertain: false, languages: ['hu'] } });
  const id = created.body.id as string;
  await reportSubmission(t, cmmToken, { caseId: id, formPath: 'consent-information', submissionId: 'grant-dk-1', data: { rightsExplained: true } });
  await reportSubmission(t, cmmToken, { caseId: id, formPath: 'needs-assessment', submissionId: 'grant-dk-2', data: { ageYears: 33, ageUncertain: false, isChild: false, wishesVoluntaryReturn: 'yes' } });
  const current = (await cmm.get(`/cases/${id}`)).body;
  await cmm.patch(`/cases/${id}`, { consents: { cmm: { given: true }, iom: { given: true, groups: ['identity', 'integration', 'plan'] } }, version: current.version });
  for (const type of ['referToCmm', 'identifiedAsVictim']) expect((await cmm.post(`/cases/${id}/events`, { type, data: {} })).status).toBe(200);
  expect((await cmm.post(`/cases/${id}/events`, { type: 'prepareReturn', data: {}, referral: { message: 'Return to Hungary' } })).status).toBe(200);
  await returnForm(id, 'hu', cmmToken);
  const [referral] = (await cmm.get(`/cases/${id}/referrals`)).body.items;
  expect((await iom.get(`/cases/${id}/grant`)).status).toBe(404);
  expect((await iom.post(`/referrals/${referral.id}/decision`, { decision: 'accept' })).status).toBe(200);

  const answer = await iom.get(`/cases/${id}/grant`);
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ returnCountry: 'hu', programme: { country: 'hu', amountMinor: 150_000 } });
  expect((await iom.post(`/cases/${id}/grant`, {})).status).toBe(201);
  expect((await iom.post(`/cases/${id}/grant/disbursements`, { ...PAID, amountMinor: 10_375_000, purpose: 'Travel from the airport home' })).status).toBe(201);

  // The Danish coordinator reads the case but has no grant rules: the grant does not exist for her.
  expect((await cmm.get(`/cases/${id}/grant`)).status).toBe(404);
  expect((await cmm.post(`/cases/${id}/grant/disbursements`, { ...PAID, amountMinor: 100 })).status).toBe(404);
  expect((await helsinki.get(`/cases/${id}/grant`)).status).toBe(404);
});

it('the plan PDF shows the totals in CHF and what was paid in forints to the programme staff', async () => {
  const id = await iomCase('Grant Anna', 'hu');
  await iom.post(`/cases/${id}/grant`, {});
  await iom.post(`/cases/${id}/grant/disbursements`, { ...PAID, amountMinor: 12_450_000, purpose: 'Sewing machine' });
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
  expect(text).toMatch(/Paid in local currency\s*HUF\s*124,500\.00/);
  expect(text).toMatch(/Remaining\s*CHF\s*1,200\.00/);
});
