import { listStages } from '../../server/src/contracts/workflows/stage-tree.util';
import { loadTemplate } from '../helpers/workflow-walker';
import { api, createCaseApp, login, reportSubmission, type CaseApp } from '../helpers/case-app';

/*
 * Issue 17: an IOM Bulgaria caseworker takes a case through every top-level stage of the IOM return workflow through
 * the API, reception included, and the workflow runs under the person's country of return, not a fixed one.
 */
let t: CaseApp;
type Client = ReturnType<typeof api>;
let iom: Client;
let token: string;

beforeAll(async () => {
  t = await createCaseApp('iom-return-walk');
  token = (await login(t.app, 'caseworker@iom.demo.test')).token;
  iom = api(t.app, token);
});
afterAll(async () => t.close());

let n = 0;
async function submit(caseId: string, formPath: string, data: Record<string, unknown>) {
  n += 1;
  await reportSubmission(t, token, { caseId, formPath, submissionId: `iom-walk-${n}`, data });
}

async function fire(caseId: string, type: string, data: Record<string, unknown> = {}) {
  const res = await iom.post(`/cases/${caseId}/events`, { type, data });
  if (res.status !== 200) throw new Error(`${type}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { workflow: { activeStages: string[]; jurisdiction?: string } };
}

it('walks an adult through eligibility, pre-departure, travel, reception and reintegration to the end', async () => {
  const created = await iom.post('/cases', { alias: 'Walking Reka', workflowId: 'iom-return', identity: { estimatedAge: 28, ageUncertain: false, languages: ['hu'] } });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const seen = new Set<string>(created.body.workflow.activeStages);
  const note = (body: { workflow: { activeStages: string[] } }) => body.workflow.activeStages.forEach((stage) => seen.add(stage));

  await submit(id, 'consent-information', { rightsExplained: true });
  await submit(id, 'needs-assessment', { ageYears: 28, ageUncertain: false, isChild: false, wishesVoluntaryReturn: 'yes' });
  note((await iom.get(`/cases/${id}`)).body);
  await submit(id, 'return-reintegration', { voluntaryWish: 'yes', identificationEvidence: true, returnCountry: 'hu', eligible: true });
  await submit(id, 'safety-plan', { riskLevel: 'low', finalRiskLevel: 'low' });
  note((await iom.get(`/cases/${id}`)).body);
  expect(seen).toContain('preDeparture');
  note(await fire(id, 'riskAssessed'));
  expect(seen).toContain('travel');
  // The reception partner's consent was asked for on entering travel; recorded, the person can be received.
  const current = (await iom.get(`/cases/${id}`)).body;
  expect(current.workflow.consentRequests).toContain('ngo');
  const patched = await iom.patch(`/cases/${id}`, { consents: { ngo: { given: true, givenOn: '2025-03-04' } }, version: current.version });
  expect(patched.status).toBe(200);
  note(await fire(id, 'arrived'));
  expect(seen).toContain('reception');
  note(await fire(id, 'receptionCompleted'));
  expect([...seen].some((stage) => stage.startsWith('reintegration'))).toBe(true);

  await submit(id, 'plan-of-assistance', {});
  for (const type of ['planApproved', 'grantApproved', 'grantDisbursed', 'monitoringCompleted', 'monitoringCompleted', 'monitoringCompleted']) note(await fire(id, type));
  for (const checkpoint of ['languageCheckpoint', 'legalStatusCheckpoint']) note(await fire(id, 'checkpointNotApplicable', { checkpoint }));
  const tracks = listStages(loadTemplate('iom-return')).filter((entry) => entry.parentPath === 'reintegration' && entry.stage.marks?.includes('serviceTrack'));
  for (const track of tracks) {
    const body = (await iom.get(`/cases/${id}`)).body;
    if (body.workflow.activeStages.includes(`reintegration/${track.id}/notStarted`)) note(await fire(id, 'serviceNotNeeded', { stop: track.id }));
    else if (body.workflow.activeStages.includes(`reintegration/${track.id}/inProgress`)) note(await fire(id, 'serviceCompleted', { stop: track.id }));
  }
  const end = (await iom.get(`/cases/${id}`)).body;
  note(end);
  expect(end.workflow.activeStages).toContain('closed');
  const topLevel = Object.keys(loadTemplate('iom-return').stages).filter((stage) => stage !== 'childBranch');
  expect(topLevel.filter((stage) => ![...seen].some((s) => s === stage || s.startsWith(`${stage}/`)))).toEqual([]);
});

it('runs under the country of return chosen when the case is opened, each with its own eligibility', async () => {
  const notOffered = await iom.post('/cases', { alias: 'Nowhere', workflowId: 'iom-return', jurisdiction: 'dk' });
  expect(notOffered.status).toBe(400);
  expect(notOffered.body).toMatchObject({ code: 'jurisdiction-not-offered', offered: ['bg', 'cz', 'ro', 'hu'] });
  const noEvidence = { voluntaryWish: 'yes', identificationEvidence: false, eligible: true };
  const stageOf = async (jurisdiction: string | undefined) => {
    const created = await iom.post('/cases', { alias: `Returning to ${jurisdiction ?? 'default'}`, workflowId: 'iom-return', ...(jurisdiction ? { jurisdiction } : {}) });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await submit(id, 'consent-information', { rightsExplained: true });
    await submit(id, 'needs-assessment', { ageYears: 30, ageUncertain: false, isChild: false, wishesVoluntaryReturn: 'yes' });
    await submit(id, 'return-reintegration', { ...noEvidence, returnCountry: jurisdiction ?? 'bg' });
    const body = (await iom.get(`/cases/${id}`)).body;
    return { stages: body.workflow.activeStages as string[], grant: (await iom.get(`/cases/${id}/grant`)).body };
  };
  // IOM Bulgaria's own default is Bulgaria, not Hungary: unofficial referrals are eligible without evidence.
  expect((await stageOf(undefined)).stages).toContain('preDeparture');
  // Romania needs evidence of identification as a victim: without it the case stays at eligibility.
  expect((await stageOf('ro')).stages).toContain('eligibility');
  expect((await stageOf('cz')).stages).toContain('preDeparture');
  // Hungary's programme sets the grant: the grant offers it for this case, the country its return form records.
  const hungary = await stageOf('hu');
  expect(hungary.grant).toMatchObject({ returnCountry: 'hu', programme: { country: 'hu', amountMinor: 150_000, currency: 'CHF', localCurrency: 'HUF' }, unavailable: null });
});
