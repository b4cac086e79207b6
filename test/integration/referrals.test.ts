import { hashPassword, userModel, roleModel } from '../../server/src/modules/access';
import { organisationModel } from '../../server/src/modules/tenants';
import { ADULT_SUBMISSIONS } from '../helpers/workflow-walker';
import { api, createCaseApp, login, reportSubmission, type CaseApp } from '../helpers/case-app';
import { DEMO_PASSWORD } from '../helpers/demo-app';

/*
 * Referrals between organisations: a record both sides see, decided by the receiver; the case reaches the receiver
 * only after it accepts, only within the groups shared and only while the person's consent holds.
 */
let t: CaseApp;
type Client = ReturnType<typeof api>;
let helsinki: Client;
let helsinkiToken: string;
let nas: Client;
let vantaa: Client;
let iom: Client;
let cmm: Client;
let cmmToken: string;

beforeAll(async () => {
  t = await createCaseApp('referrals');
  helsinkiToken = (await login(t.app, 'worker@helsinki.demo.test')).token;
  helsinki = api(t.app, helsinkiToken);
  nas = api(t.app, (await login(t.app, 'coordinator@nas.demo.test')).token);
  vantaa = api(t.app, (await login(t.app, 'worker@vantaa.demo.test')).token);
  iom = api(t.app, (await login(t.app, 'caseworker@iom.demo.test')).token);
  cmmToken = (await login(t.app, 'worker@cmm.demo.test')).token;
  cmm = api(t.app, cmmToken);
});
afterAll(async () => t.close());

async function patch(client: Client, id: string, body: object) {
  const current = (await client.get(`/cases/${id}`)).body;
  const res = await client.patch(`/cases/${id}`, { ...body, version: current.version });
  expect(res.status).toBe(200);
  return res.body;
}

/** A Helsinki case of an adult, waiting at the referral to the NAS with the person's consent to it. */
async function helsinkiCaseAtNasReferral(alias: string, consentGroups?: string[]) {
  const created = await helsinki.post('/cases', {
    alias, workflowId: 'finland-municipality',
    identity: { estimatedAge: 31, ageUncertain: false, languages: ['en'], nationality: 'UA' },
    safeAccommodation: { kind: 'shelter', location: 'hidden street 7' },
    narrative: { text: 'exploitation narrative' },
    integration: { legalStatus: 'pending', languageLevel: 'A1' },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  let n = 0;
  for (const [formPath, data] of Object.entries({ ...ADULT_SUBMISSIONS, 'safety-plan': { riskLevel: 'low', finalRiskLevel: 'low' } })) {
    n += 1;
    await reportSubmission(t, helsinkiToken, { caseId: id, formPath, submissionId: `${alias}-${n}`, data });
  }
  await patch(helsinki, id, { consents: { nas: { given: true, givenOn: '2025-03-03', ...(consentGroups ? { groups: consentGroups } : {}) } } });
  const body = (await helsinki.get(`/cases/${id}`)).body;
  expect(body.workflow.activeStages).toContain('nasReferral');
  expect(body.referralEvents).toEqual([{ event: 'referToNas', recipient: 'nas', purpose: 'service' }]);
  return id;
}

it('Helsinki refers to the NAS through the workflow; only the NAS sees the referral, decides it, and then reads the shared groups only', async () => {
  const caseId = await helsinkiCaseAtNasReferral('Referred Aino');
  const fired = await helsinki.post(`/cases/${caseId}/events`, {
    type: 'referToNas', data: {}, referral: { groups: ['identity', 'integration'], message: 'Please take her into the assistance system.' },
  });
  expect(fired.status).toBe(200);
  expect(fired.body.workflow.activeStages).toContain('nasCooperation');
  expect(fired.body.workflow.timeline.at(-1)).toMatchObject({ type: 'referral-sent', detail: 'nas', organisation: expect.stringContaining('National Assistance System') });

  const sent = (await helsinki.get(`/cases/${caseId}/referrals`)).body.items;
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ status: 'pending', purpose: 'service', groups: ['identity', 'integration'], to: { slug: 'fi-nas' }, from: { slug: 'fi-helsinki' } });
  const referralId = sent[0].id as string;
  // Whether the NAS admits the person is the NAS's decision: Helsinki is not offered it, and may not fire it.
  expect(fired.body.availableEvents).not.toContain('nasAdmitted');
  expect(fired.body.availableEvents).not.toContain('nasDeclined');
  const notHers = await helsinki.post(`/cases/${caseId}/events`, { type: 'nasAdmitted', data: {} });
  expect(notHers.status).toBe(403);
  expect(notHers.body).toMatchObject({ code: 'event-decided-by-referral', event: 'nasAdmitted' });
  expect((await helsinki.get(`/cases/${caseId}`)).body.version).toBe(fired.body.version);

  // The receiver sees the referral, not the case; nobody else sees either.
  expect((await nas.get(`/referrals/${referralId}`)).body).toMatchObject({ status: 'pending', message: 'Please take her into the assistance system.', caseReference: fired.body.reference });
  expect((await nas.get(`/cases/${caseId}`)).status).toBe(404);
  expect((await nas.get('/cases')).body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
  for (const other of [vantaa, iom, cmm]) {
    expect((await other.get(`/referrals/${referralId}`)).status).toBe(404);
    expect((await other.post(`/referrals/${referralId}/decision`, { decision: 'accept' })).status).toBe(404);
  }
  // The sender cannot decide its own referral.
  expect((await helsinki.post(`/referrals/${referralId}/decision`, { decision: 'accept' })).status).toBe(404);
  expect((await nas.post(`/referrals/${referralId}/decision`, { decision: 'maybe' })).status).toBe(400);

  // The NAS coordinator's inbox holds it, unread, and the workflow's notification to the NAS's role; Vantaa's does not.
  const waiting = (await nas.get('/inbox')).body;
  expect(waiting.items).toContainEqual(expect.objectContaining({ id: `referral:${referralId}`, kind: 'referral', unread: true }));
  expect(waiting.items).toContainEqual(expect.objectContaining({ kind: 'notification', caseId, messageKey: 'workflows:finland-municipality.messages.referredToNas' }));
  expect(JSON.stringify((await vantaa.get('/inbox')).body)).not.toContain(referralId);
  expect((await nas.post('/inbox/read', { ids: [`referral:${referralId}`] })).status).toBe(204);
  expect((await nas.get('/inbox')).body.unread).toBe(waiting.unread - 1);
  expect((await nas.post('/inbox/read', { ids: ['$where'] })).status).toBe(400);

  const accepted = await nas.post(`/referrals/${referralId}/decision`, { decision: 'accept' });
  expect(accepted.status).toBe(200);
  expect(accepted.body.status).toBe('accepted');
  expect((await nas.post(`/referrals/${referralId}/decision`, { decision: 'decline', reason: 'noCapacity' })).body.code).toBe('referral-already-decided');

  // The NAS reads the case within its rules and the shared groups: identity and integration, not the narrative nor the address.
  const read = await nas.get(`/cases/${caseId}`);
  expect(read.status).toBe(200);
  expect(read.body.identity).toMatchObject({ nationality: 'UA' });
  expect(read.body.integration).toMatchObject({ legalStatus: 'pending' });
  expect(read.body.narrative).toBeUndefined();
  expect(read.body.safeAccommodation).toBeUndefined();
  expect(JSON.stringify(read.body)).not.toContain('hidden street');
  expect(JSON.stringify(read.body)).not.toContain('exploitation narrative');
  // Its own task; the workflow moved on the NAS's acceptance (nasAdmitted), so nobody clicks it by hand.
  const nasOrg = await organisationModel(t.db).findOne({ slug: 'fi-nas' }).lean();
  expect(read.body.workflow.tasks).toContainEqual(expect.objectContaining({ role: 'nasCoordinator', status: 'open', orgId: nasOrg!._id.toHexString() }));
  expect(read.body.workflow.activeStages.some((stage: string) => stage.startsWith('assistance'))).toBe(true);
  // The precomputed lists have it too.
  expect((await nas.get('/cases')).body.items.map((c: { id: string }) => c.id)).toContain(caseId);
  expect((await nas.get(`/cases/all`)).body.items.map((c: { id: string }) => c.id)).toContain(caseId);

  // The NAS's own task is in its inbox; the sender's inbox tells it the referral was accepted.
  expect((await nas.get('/inbox')).body.items).toContainEqual(expect.objectContaining({ kind: 'task', caseId, messageKey: 'workflows:actions.refer.task' }));
  expect((await helsinki.get('/inbox')).body.items).toContainEqual(expect.objectContaining({ kind: 'referralDecided', caseId, referral: expect.objectContaining({ status: 'accepted' }) }));
  expect(JSON.stringify((await helsinki.get('/inbox')).body)).not.toContain(`task:${caseId}`);

  // Helsinki's case page lists the NAS's task, but it is the NAS's to do: the sender is refused and nothing changes.
  const nasTask = (read.body.workflow.tasks as Array<{ id: string; orgId?: string }>).find((task) => task.orgId === nasOrg!._id.toHexString())!;
  const seenBySender = (await helsinki.get(`/cases/${caseId}`)).body;
  expect(seenBySender.workflow.tasks).toContainEqual(expect.objectContaining({ id: nasTask.id, status: 'open' }));
  const refused = await helsinki.post(`/cases/${caseId}/tasks/${nasTask.id}/done`, { version: seenBySender.version });
  expect(refused.status).toBe(403);
  expect(refused.headers['content-type']).toContain('application/problem+json');
  expect(refused.body).toMatchObject({ code: 'task-of-another-organisation', title: "Not your organisation's task" });
  const unchanged = (await helsinki.get(`/cases/${caseId}`)).body;
  expect(unchanged.version).toBe(seenBySender.version);
  expect(unchanged.workflow.tasks).toContainEqual(expect.objectContaining({ id: nasTask.id, status: 'open' }));
  // The case owner's own tasks are not the NAS's to do either.
  const ownersTask = (unchanged.workflow.tasks as Array<{ id: string; orgId?: string; status: string }>).find((task) => !task.orgId && task.status === 'open');
  if (ownersTask) expect((await nas.post(`/cases/${caseId}/tasks/${ownersTask.id}/done`, { version: unchanged.version })).body.code).toBe('task-of-another-organisation');

  // The sender sees the status; the timeline records it.
  const after = (await helsinki.get(`/cases/${caseId}`)).body;
  expect(after.workflow.timeline.map((entry: { type: string }) => entry.type)).toEqual(expect.arrayContaining(['referral-sent', 'referral-accepted']));
  expect((await helsinki.get(`/cases/${caseId}/referrals`)).body.items[0]).toMatchObject({ status: 'accepted', accessEnded: false });

  // Withdrawing the consent ends the NAS's access at once, and the referral says so.
  await patch(helsinki, caseId, { consents: { nas: { given: false, withdrawn: true, withdrawnOn: '2025-03-10' } } });
  expect((await nas.get(`/cases/${caseId}`)).status).toBe(404);
  expect((await nas.get('/cases')).body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
  expect((await nas.get(`/referrals/${referralId}`)).body).toMatchObject({ status: 'accepted', accessEnded: true });
  expect((await helsinki.get(`/cases/${caseId}`)).body.workflow.timeline).toContainEqual(expect.objectContaining({ type: 'referral-ended', detail: 'nas' }));
});

it('refuses a referral without consent, or sharing groups the consent does not cover, and changes nothing', async () => {
  const caseId = await helsinkiCaseAtNasReferral('Narrow consent', ['integration']);
  const version = (await helsinki.get(`/cases/${caseId}`)).body.version;
  const beyond = await helsinki.post(`/cases/${caseId}/referrals`, { organisation: 'fi-nas', purpose: 'service', groups: ['integration', 'narrative'], message: '', version });
  expect(beyond.status).toBe(409);
  expect(beyond.headers['content-type']).toContain('application/problem+json');
  expect(beyond.body).toMatchObject({ code: 'referral-groups-not-consented', groups: ['narrative'] });
  const noConsent = await helsinki.post(`/cases/${caseId}/referrals`, { organisation: 'iom-bg', purpose: 'service', groups: ['integration'], message: '', version });
  expect(noConsent.status).toBe(409);
  expect(noConsent.body.code).toBe('consent-required');
  expect((await helsinki.post(`/cases/${caseId}/referrals`, { organisation: 'fi-helsinki', purpose: 'service', groups: [], message: '', version })).status).toBe(400);
  expect((await helsinki.post(`/cases/${caseId}/referrals`, { organisation: 'fi-nas', purpose: 'elsewhere', groups: [], version })).status).toBe(400);
  expect((await helsinki.get(`/cases/${caseId}/referrals`)).body.items).toEqual([]);
  expect((await helsinki.get(`/cases/${caseId}`)).body.version).toBe(version);

  // Within the consent, a direct referral to the NAS fires the workflow's own referral event.
  const made = await helsinki.post(`/cases/${caseId}/referrals`, { organisation: 'fi-nas', purpose: 'service', groups: ['integration'], message: 'Integration only', version });
  expect(made.status).toBe(201);
  expect(made.body).toMatchObject({ status: 'pending', groups: ['integration'] });
  expect((await helsinki.get(`/cases/${caseId}`)).body.workflow.activeStages).toContain('nasCooperation');
  const again = await helsinki.post(`/cases/${caseId}/referrals`, { organisation: 'fi-nas', purpose: 'service', groups: ['integration'], message: '', version: (await helsinki.get(`/cases/${caseId}`)).body.version });
  expect(again.body.code).toBe('referral-already-pending');

  // Declined with a reason: the sender sees it, the workflow takes its declined event, the NAS never sees the case.
  const declined = await nas.post(`/referrals/${made.body.id}/decision`, { decision: 'decline', reason: 'outsideMandate', note: 'Not a victim of trafficking in Finland' });
  expect(declined.status).toBe(200);
  expect((await helsinki.get(`/referrals/${made.body.id}`)).body).toMatchObject({ status: 'declined', declineReason: 'outsideMandate', declineNote: 'Not a victim of trafficking in Finland' });
  const after = (await helsinki.get(`/cases/${caseId}`)).body;
  expect(after.workflow.timeline).toContainEqual(expect.objectContaining({ type: 'referral-declined', detail: 'outsideMandate' }));
  expect(after.workflow.activeStages.some((stage: string) => stage.startsWith('assistance'))).toBe(true);
  expect((await nas.get(`/cases/${caseId}`)).status).toBe(404);
});

it('tells the receiver only that a case may already exist at another organisation', async () => {
  const other = await vantaa.post('/cases', { alias: 'Twin Alias', workflowId: 'finland-municipality', identity: { estimatedAge: 30, ageUncertain: false, languages: ['en'], nationality: 'UA' } });
  expect(other.status).toBe(201);
  const caseId = await helsinkiCaseAtNasReferral('Twin Alias');
  const fired = await helsinki.post(`/cases/${caseId}/events`, { type: 'referToNas', data: {} });
  expect(fired.status).toBe(200);
  const [referral] = (await helsinki.get(`/cases/${caseId}/referrals`)).body.items;
  const seen = (await nas.get(`/referrals/${referral.id}`)).body;
  expect(seen.possibleDuplicatesAt).toEqual(['City of Vantaa, social services (demo)']);
  // The referrer is not told where else the person may have a case.
  expect(referral.possibleDuplicatesAt).toEqual([]);
  expect(JSON.stringify(seen)).not.toContain(other.body.id);
  expect(JSON.stringify(seen)).not.toContain(other.body.reference);
});

it('Denmark refers a prepared return to IOM Bulgaria, across jurisdictions', async () => {
  const created = await cmm.post('/cases', { alias: 'Returning Dora', workflowId: 'denmark-cmm', identity: { estimatedAge: 35, ageUncertain: false, languages: ['hu'] } });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  await reportSubmission(t, cmmToken, { caseId: id, formPath: 'consent-information', submissionId: 'dk-1', data: { rightsExplained: true } });
  await reportSubmission(t, cmmToken, { caseId: id, formPath: 'needs-assessment', submissionId: 'dk-2', data: { ageYears: 35, ageUncertain: false, isChild: false, wishesVoluntaryReturn: 'yes' } });
  await patch(cmm, id, { consents: { cmm: { given: true }, iom: { given: true, groups: ['identity', 'integration', 'plan'] } } });
  for (const type of ['referToCmm', 'identifiedAsVictim']) expect((await cmm.post(`/cases/${id}/events`, { type, data: {} })).status).toBe(200);
  const prepared = await cmm.post(`/cases/${id}/events`, { type: 'prepareReturn', data: {}, referral: { message: 'Return to Hungary in May' } });
  expect(prepared.status).toBe(200);
  const [referral] = (await cmm.get(`/cases/${id}/referrals`)).body.items;
  expect(referral).toMatchObject({ to: { slug: 'iom-bg' }, from: { slug: 'dk-cmm' }, groups: ['identity', 'integration', 'plan'], status: 'pending' });
  expect((await iom.get(`/cases/${id}`)).status).toBe(404);
  expect((await iom.post(`/referrals/${referral.id}/decision`, { decision: 'accept' })).status).toBe(200);
  const read = await iom.get(`/cases/${id}`);
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({ alias: 'Returning Dora', identity: expect.objectContaining({ estimatedAge: 35 }) });
  expect(read.body.workflow.tasks).toContainEqual(expect.objectContaining({ role: 'iomCaseworker', status: 'open' }));
  expect((await cmm.get(`/referrals/${referral.id}`)).body.status).toBe('accepted');
});

it('a municipality transfers a case to an NGO shelter: responsibility moves, the sender keeps the referral only', async () => {
  const shelter = await organisationModel(t.db).findOne({ slug: 'mk-shelter' }).lean();
  const role = await roleModel(t.db).findOne({ orgId: shelter!._id, key: 'shelter-worker' }).lean();
  await userModel(t.db).create({ email: 'staff@shelter.referrals.test', name: 'Shelter staff', passwordHash: await hashPassword(DEMO_PASSWORD), memberships: [{ orgId: shelter!._id, roleId: role!._id }] });
  const staff = api(t.app, (await login(t.app, 'staff@shelter.referrals.test')).token);

  const created = await helsinki.post('/cases', { alias: 'Moving Mia', workflowId: 'finland-municipality', identity: { estimatedAge: 22, ageUncertain: false, languages: ['mk'] }, narrative: { text: 'her story' } });
  const id = created.body.id as string;
  await patch(helsinki, id, { consents: { shelter: { given: true, groups: ['identity', 'plan'] } } });
  const recipients = (await helsinki.get('/referral-recipients')).body.items;
  expect(recipients).toContainEqual(expect.objectContaining({ slug: 'mk-shelter', consentKey: 'shelter' }));
  expect(recipients.map((r: { slug: string }) => r.slug)).not.toContain('fi-helsinki');
  const version = (await helsinki.get(`/cases/${id}`)).body.version;
  const made = await helsinki.post(`/cases/${id}/referrals`, { organisation: 'mk-shelter', purpose: 'transfer', groups: ['identity', 'plan'], message: 'She wishes to live near her sister', version });
  expect(made.status).toBe(201);
  expect((await staff.get(`/cases/${id}`)).status).toBe(404);
  expect((await staff.post(`/referrals/${made.body.id}/decision`, { decision: 'accept' })).status).toBe(200);

  const owned = await staff.get(`/cases/${id}`);
  expect(owned.status).toBe(200);
  expect(owned.body.orgId).toBe(shelter!._id.toHexString());
  expect((await staff.get('/cases')).body.items.map((c: { id: string }) => c.id)).toContain(id);
  expect((await helsinki.get(`/cases/${id}`)).status).toBe(404);
  expect((await helsinki.get('/cases')).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
  expect((await helsinki.get(`/referrals/${made.body.id}`)).body).toMatchObject({ status: 'accepted', purpose: 'transfer' });
});

it('a prepared return shares with IOM by default only what the workflow says a return needs, within the consent', async () => {
  const created = await cmm.post('/cases', { alias: 'Default groups', workflowId: 'denmark-cmm' });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  // A consent to IOM recorded without naming groups covers every group; the workflow still shares only four.
  await reportSubmission(t, cmmToken, { caseId: id, formPath: 'consent-information', submissionId: 'dk-3', data: { rightsExplained: true } });
  await reportSubmission(t, cmmToken, { caseId: id, formPath: 'needs-assessment', submissionId: 'dk-4', data: { ageYears: 40, ageUncertain: false, isChild: false, wishesVoluntaryReturn: 'yes' } });
  await patch(cmm, id, { consents: { cmm: { given: true }, iom: { given: true } } });
  for (const type of ['referToCmm', 'identifiedAsVictim']) expect((await cmm.post(`/cases/${id}/events`, { type, data: {} })).status).toBe(200);
  const prepared = await cmm.post(`/cases/${id}/events`, { type: 'prepareReturn', data: {}, referral: { message: '' } });
  expect(prepared.status).toBe(200);
  const [referral] = (await cmm.get(`/cases/${id}/referrals`)).body.items;
  expect(referral.groups).toEqual(['identity', 'narrativeSummary', 'integration', 'plan']);
  expect(referral.groups).not.toContain('criminalProceedings');
  expect(referral.groups).not.toContain('safeAccommodation');
});

it("a consent recorded through the consent form covers the groups its answers map to, and the workflow's referral shares those by default", async () => {
  const caseId = await helsinkiCaseAtNasReferral('Form consent');
  // The consent form: the person agreed that the NAS may get her contact details, her needs and plan, and what happened.
  await reportSubmission(t, helsinkiToken, {
    caseId, formPath: 'consent-information', submissionId: 'form-consent-2',
    data: {
      rightsExplained: true,
      consents: [{ recipient: 'nas', given: true, givenOn: '2025-03-04', givenHow: 'signed', sharedInformation: { contact: true, 'needs-and-plan': true, health: false, 'what-happened': true, residence: false } }],
    },
  });
  const recorded = (await helsinki.get(`/cases/${caseId}`)).body;
  expect(recorded.consents.nas).toMatchObject({ given: true, givenOn: '2025-03-04', groups: ['identity', 'narrativeSummary', 'plan'] });

  // "Refer to the NAS" names no groups: the referral shares what the consent covers, nothing more.
  const fired = await helsinki.post(`/cases/${caseId}/events`, { type: 'referToNas', data: {} });
  expect(fired.status).toBe(200);
  const [referral] = (await helsinki.get(`/cases/${caseId}/referrals`)).body.items;
  expect(referral.groups).toEqual(['identity', 'narrativeSummary', 'plan']);
  expect((await nas.post(`/referrals/${referral.id}/decision`, { decision: 'accept' })).status).toBe(200);
  const read = (await nas.get(`/cases/${caseId}`)).body;
  expect(read.identity).toMatchObject({ nationality: 'UA' });
  expect(read.narrative).toBeUndefined();
  expect(read.integration).toBeUndefined();
  expect(read.safeAccommodation).toBeUndefined();
});
