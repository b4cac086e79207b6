// Issue 16, the server side of the caseworker's browser work: the duplicate search before a case is opened, events
// not offered with their reasons, the reason kept when a case is closed, reopening with a reason, and form drafts.
import { api, createCaseApp, login, type CaseApp } from '../helpers/case-app';

let t: CaseApp;
let worker: ReturnType<typeof api>;
let police: ReturnType<typeof api>;
let caseId: string;

beforeAll(async () => {
  t = await createCaseApp('case-lifecycle');
  worker = api(t.app, (await login(t.app, 'worker@helsinki.demo.test')).token);
  police = api(t.app, (await login(t.app, 'police@helsinki.demo.test')).token);
  const created = await worker.post('/cases', {
    alias: 'Lena', workflowId: 'finland-municipality', identity: { birthDate: '1990-05-01', nationality: 'UA', languages: ['ru'] },
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
});
afterAll(async () => t.close());

describe('possible duplicates before a case is opened', () => {
  it('finds the organisation\'s cases by alias, date of birth or age, narrowed by nationality, and says what matched', async () => {
    const byAlias = await worker.get('/cases/duplicates?alias=len');
    expect(byAlias.status).toBe(200);
    expect(byAlias.body.items.map((item: { id: string; matched: string[] }) => [item.id, item.matched])).toContainEqual([caseId, ['alias']]);
    const byBirth = await worker.get('/cases/duplicates?alias=Someone%20else&birthDate=1990-05-01&nationality=UA');
    expect(byBirth.body.items.find((item: { id: string }) => item.id === caseId).matched).toEqual(['birthDate', 'nationality']);
    const otherNationality = await worker.get('/cases/duplicates?alias=Someone%20else&birthDate=1990-05-01&nationality=NG');
    expect(otherNationality.body.items.find((item: { id: string }) => item.id === caseId)).toBeUndefined();
  });

  it('needs something to search by, and refuses an impossible date', async () => {
    expect((await worker.get('/cases/duplicates')).status).toBe(400);
    expect((await worker.get('/cases/duplicates?birthDate=1990-02-30')).status).toBe(400);
  });
});

describe('a case closed with a reason and reopened with one', () => {
  it('offers the ending step as such, keeps its reason in the timeline and reopens where the case was', async () => {
    const before = (await worker.get(`/cases/${caseId}`)).body;
    expect(before.endingEvents).toEqual(['referralDeclined']);
    expect(before.blockedEvents).toEqual([]);
    expect((await worker.post(`/cases/${caseId}/reopen`, { reason: 'newInformation', version: before.version })).body.code).toBe('case-not-closed');

    const closed = await worker.post(`/cases/${caseId}/events`, { type: 'referralDeclined', data: { reason: 'personDeclined' } });
    expect(closed.status).toBe(200);
    expect(closed.body.workflow.snapshot.status).toBe('done');
    expect(closed.body.workflow.timeline.at(-1)).toMatchObject({ type: 'event', event: 'referralDeclined', detail: 'personDeclined' });
    expect(closed.body.availableEvents).toEqual([]);

    expect((await worker.post(`/cases/${caseId}/reopen`, { reason: 'because I say so', version: closed.body.version })).status).toBe(400);
    // The police liaison may not read this case (no consent to the police): as if it did not exist.
    expect((await police.post(`/cases/${caseId}/reopen`, { reason: 'newInformation', version: closed.body.version })).status).toBe(404);
    const reopened = await worker.post(`/cases/${caseId}/reopen`, { reason: 'personReturned', version: closed.body.version });
    expect(reopened.status).toBe(200);
    expect(reopened.body.workflow.snapshot).toMatchObject({ status: 'active', value: 'intake' });
    expect(reopened.body.workflow.activeStages).toEqual(['intake']);
    expect(reopened.body.workflow.timeline.at(-1)).toMatchObject({ type: 'reopened', detail: 'personReturned', entered: ['intake'] });
    expect(reopened.body.availableEvents).toEqual(['referralDeclined']);
    // The reopened case takes events again.
    expect((await worker.post(`/cases/${caseId}/events`, { type: 'referralDeclined', data: {} })).status).toBe(200);
  });
});

describe('drafts of a form for a case', () => {
  it('keeps a draft for its author only, and forgets it when discarded', async () => {
    const url = `/cases/${caseId}/drafts/needs-assessment`;
    expect((await worker.get(url)).status).toBe(204);
    const saved = await worker.put(url, { data: { alias: 'Lena', 'odd.key': { $gt: '' } } });
    expect(saved.status).toBe(200);
    expect((await worker.get(url)).body.data).toEqual({ alias: 'Lena', 'odd.key': { $gt: '' } });
    // The police liaison may not read this case at all; nobody else ever reads a draft.
    expect((await police.get(url)).status).toBe(404);
    const colleague = api(t.app, (await login(t.app, 'admin@helsinki.demo.test')).token);
    expect([204, 404]).toContain((await colleague.get(url)).status);
    expect((await worker.put(`/cases/${caseId}/drafts/Not%20a%20path`, { data: {} })).status).toBe(400);
    expect((await worker.delete(url)).status).toBe(204);
    expect((await worker.get(url)).status).toBe(204);
  });
});
