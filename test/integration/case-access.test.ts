import { api, createCaseApp, login, type CaseApp } from '../helpers/case-app';
import { auditModel } from '../../server/src/modules/audit/testing';

let t: CaseApp;
let worker: ReturnType<typeof api>;
let caseId: string;

beforeAll(async () => {
  t = await createCaseApp('case-access');
  worker = api(t.app, (await login(t.app, 'worker@helsinki.demo.test')).token);
  const created = await worker.post('/cases', {
    alias: 'Lena', workflowId: 'finland-municipality',
    identity: { birthDate: '1990-05-01', languages: ['ru'] },
    safeAccommodation: { kind: 'shelter', location: 'secret street 1' },
    narrative: { text: 'what happened' },
    consents: { police: { given: true, givenOn: '2025-03-01' } },
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
});
afterAll(async () => t.close());

it('twenty parallel updates with the same version: exactly one wins, the rest get 409', async () => {
  const { version } = (await worker.get(`/cases/${caseId}`)).body;
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => worker.patch(`/cases/${caseId}`, { alias: `Lena ${i}`, version })),
  );
  const statuses = results.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  const winner = results.find((r) => r.status === 200)!;
  const after = (await worker.get(`/cases/${caseId}`)).body;
  expect(after.alias).toBe(winner.body.alias);
  expect(after.version).toBe(version + 1);
  expect(results.find((r) => r.status === 409)!.body.code).toBe('version-conflict');
});

it('an event the current stage does not accept is 409 with the events it does accept', async () => {
  const res = await worker.post(`/cases/${caseId}/events`, { type: 'planApproved', data: {} });
  expect(res.status).toBe(409);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body.code).toBe('event-not-accepted');
  expect(res.body.acceptedEvents).toEqual(expect.arrayContaining(['caseUpdated', 'formSubmitted', 'referralDeclined']));
});

it('a role that may not fire cannot move a case; the police liaison sees only its permitted groups', async () => {
  const police = api(t.app, (await login(t.app, 'police@helsinki.demo.test')).token);
  const read = await police.get(`/cases/${caseId}`);
  expect(read.status).toBe(200);
  expect(Object.keys(read.body).sort()).toEqual(['alias', 'availableEvents', 'blockedEvents', 'createdAt', 'criminalProceedings', 'endingEvents', 'eventOptions', 'id', 'identity', 'reference', 'referralEvents', 'updatedAt', 'version']);
  // No event buttons for a role that may not move the case, while the caseworker has them.
  expect(read.body.availableEvents).toEqual([]);
  expect((await worker.get(`/cases/${caseId}`)).body.availableEvents).toEqual(['referralDeclined']);
  expect(JSON.stringify(read.body)).not.toContain('secret street');
  const fire = await police.post(`/cases/${caseId}/events`, { type: 'referralDeclined', data: {} });
  expect(fire.status).toBe(403);
  const update = await police.patch(`/cases/${caseId}`, { alias: 'x', version: read.body.version });
  expect(update.status).toBe(403);
  const audit = await auditModel(t.db).find({ subjectId: caseId, action: 'read' }).lean();
  expect(audit.some((a) => a.sensitiveFields.join() === 'identity')).toBe(true);
  expect(JSON.stringify(audit)).not.toContain('1990');

  // Without the person's consent to the police, the case does not exist for the liaison.
  const current = (await worker.get(`/cases/${caseId}`)).body;
  expect((await worker.patch(`/cases/${caseId}`, { consents: { police: { given: true, withdrawn: true, withdrawnOn: '2025-03-05' } }, version: current.version })).status).toBe(200);
  expect((await police.get(`/cases/${caseId}`)).status).toBe(404);
  expect((await police.get('/cases')).body.items).toEqual([]);
});

it('a case of another organisation is 404 and never in lists', async () => {
  const vantaa = api(t.app, (await login(t.app, 'worker@vantaa.demo.test')).token);
  expect((await vantaa.get(`/cases/${caseId}`)).status).toBe(404);
  expect((await vantaa.post(`/cases/${caseId}/events`, { type: 'referralDeclined', data: {} })).status).toBe(404);
  expect((await vantaa.patch(`/cases/${caseId}`, { alias: 'x', version: 0 })).status).toBe(404);
  expect((await vantaa.get(`/cases/${caseId}/timeline`)).status).toBe(404);
  const list = await vantaa.get('/cases?q=HELS');
  expect(list.body.total).toBe(0);
});

it('lists with filters, pagination and sorting; sharing needs the consent to the recipient', async () => {
  for (const alias of ['B', 'C']) expect((await worker.post('/cases', { alias, workflowId: 'finland-municipality' })).status).toBe(201);
  const page = await worker.get('/cases?pageSize=2&page=1&sort=reference');
  expect(page.body.total).toBe(3);
  expect(page.body.items).toHaveLength(2);
  expect(page.body.items[0].reference < page.body.items[1].reference).toBe(true);
  expect((await worker.get('/cases?stage=intake&assignedToMe=true')).body.total).toBe(3);
  expect((await worker.get('/cases?stage=closing')).body.total).toBe(0);
  const ref = page.body.items[0].reference as string;
  expect((await worker.get(`/cases?q=${ref.slice(-5)}`)).body.items.map((i: { reference: string }) => i.reference)).toEqual([ref]);

  const current = (await worker.get(`/cases/${caseId}`)).body;
  const refused = await worker.post(`/cases/${caseId}/share`, { recipient: 'nas', organisation: 'fi-nas', version: current.version });
  expect(refused.status).toBe(409);
  expect(refused.body.code).toBe('consent-required');
  const consented = await worker.patch(`/cases/${caseId}`, { consents: { nas: { given: true, givenOn: '2025-03-04' } }, version: current.version });
  const shared = await worker.post(`/cases/${caseId}/share`, { recipient: 'nas', organisation: 'fi-nas', version: consented.body.version });
  expect(shared.status).toBe(200);
  const nas = api(t.app, (await login(t.app, 'coordinator@nas.demo.test')).token);
  expect((await nas.get(`/cases/${caseId}`)).status).toBe(200);
  // Withdrawing the consent ends the share at once.
  await worker.patch(`/cases/${caseId}`, { consents: { nas: { given: true, withdrawn: true } }, version: shared.body.version });
  const nasCases = await nas.get('/cases');
  expect(nasCases.body.items.map((i: { id: string }) => i.id)).not.toContain(caseId);
});

it('serves the OpenAPI 3.1 document', async () => {
  const res = await worker.get('/openapi.json');
  expect(res.status).toBe(200);
  expect(res.body.openapi).toBe('3.1.0');
  expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/cases', '/case-stats', '/cases/{id}/events', '/workflows/{id}/diff', '/workflows/{id}/migrate']));
  expect(res.body.components.schemas.CreateCase.properties.workflowId).toBeDefined();
});

it('counts every visible case for the dashboard, past the first hundred, each created in parallel with its own reference', async () => {
  const before = (await worker.get('/case-stats')).body;
  const created: string[] = [];
  for (let batch = 0; batch < 11; batch += 1) {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => worker.post('/cases', { alias: `S${batch}-${i}`, workflowId: 'finland-municipality' })));
    for (const result of results) {
      expect(result.status).toBe(201);
      created.push(result.body.reference);
    }
  }
  expect(new Set(created).size).toBe(110);

  const stats = (await worker.get('/case-stats')).body;
  const listed = (await worker.get('/cases')).body.total;
  expect(stats.total).toBe(listed);
  expect(stats.total).toBe(before.total + 110);
  expect(stats.perStage.intake).toBe((await worker.get('/cases?stage=intake')).body.total);
  expect(stats.mine).toBe((await worker.get('/cases?assignedToMe=true')).body.total);

  // The police liaison may not see where cases stand: counted cases, no positions; another municipality: none of these.
  const police = api(t.app, (await login(t.app, 'police@helsinki.demo.test')).token);
  const policeStats = (await police.get('/case-stats')).body;
  expect(policeStats).toMatchObject({ perStage: {}, overdueByStage: {}, overdue: 0 });
  const vantaa = api(t.app, (await login(t.app, 'worker@vantaa.demo.test')).token);
  expect((await vantaa.get('/case-stats')).body.total).toBe((await vantaa.get('/cases')).body.total);
  expect((await vantaa.get('/case-stats')).body.total).toBeLessThan(110);
});

it('filters and searches the list on the server, only by field groups the user may read on each case', async () => {
  const created = await worker.post('/cases', { alias: 'Findable Mira', workflowId: 'finland-municipality', consents: { police: { given: true, givenOn: '2025-03-01' } } });
  expect(created.status).toBe(201);
  const byAlias = await worker.get('/cases?q=findable');
  expect(byAlias.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
  expect((await worker.get(`/cases?q=${created.body.reference}`)).body.total).toBe(1);
  expect((await worker.get('/cases?unassigned=true&q=findable')).body.total).toBe(0); // the creator is assigned
  expect((await worker.patch(`/cases/${created.body.id}`, { assignees: [], version: created.body.version })).status).toBe(200);
  expect((await worker.get('/cases?unassigned=true&q=findable')).body.total).toBe(1);

  // The police liaison sees the case (consent given) but not where it stands: a stage filter must not reveal it.
  const police = api(t.app, (await login(t.app, 'police@helsinki.demo.test')).token);
  expect((await police.get(`/cases?q=${created.body.reference}`)).body.total).toBe(1);
  expect((await police.get(`/cases?q=${created.body.reference}&stage=intake`)).body.total).toBe(0);
  expect((await police.get(`/cases?q=${created.body.reference}&overdue=false`)).body.total).toBe(1);
  expect((await worker.get(`/cases?q=${created.body.reference}&stage=intake`)).body.total).toBe(1);
});
