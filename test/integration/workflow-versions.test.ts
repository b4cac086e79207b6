import { api, createCaseApp, login, type CaseApp } from '../helpers/case-app';

/*
 * dk-cmm shares its clone of the Danish template; fi-nas clones that shared workflow, edits it, sees the diff, and
 * merges the upstream's next version, including a conflict that must be resolved explicitly.
 */
let t: CaseApp;
beforeAll(async () => {
  t = await createCaseApp('workflow-versions');
});
afterAll(async () => t.close());

type Def = { stages: Record<string, { deadlines?: Array<{ id: string; after?: unknown }>; roles?: unknown[] }> } & Record<string, unknown>;

it('clone → edit → diff → upstream change → merge with a conflict; publish, run, migrate with a dry run', async () => {
  const dk = api(t.app, (await login(t.app, 'admin@demo.test', 'dk-cmm')).token);
  const fi = api(t.app, (await login(t.app, 'admin@demo.test', 'fi-nas')).token);

  const upstream = await dk.post('/workflows/clone', { source: 'template', id: 'denmark-cmm' });
  expect(upstream.status).toBe(201);
  // Denmark's template is at version 5: its contact-person step completes from the case profile (4), and its consent
  // binding maps the form's "what may be shared" answers to field groups (5).
  expect(upstream.body.upstream).toEqual({ source: 'template', id: 'denmark-cmm', version: 5 });
  const shared = await dk.put(`/workflows/${upstream.body.id}`, { shared: true, revision: upstream.body.revision });
  const v1 = await dk.post(`/workflows/${upstream.body.id}/publish`, { revision: shared.body.revision });
  expect(v1.status).toBe(201);
  expect(v1.body.version).toBe(1);

  const clone = await fi.post('/workflows/clone', { source: 'workflow', id: upstream.body.id });
  expect(clone.status).toBe(201);
  expect(clone.body.upstream).toEqual({ source: 'workflow', id: upstream.body.id, version: 1 });

  // Local edit: the reflection period deadline of the clone changes; an invalid edit is reported with its path.
  const local = clone.body.definition as Def;
  const stageWithDeadline = Object.entries(local.stages).find(([, s]) => s.deadlines?.length)![0];
  local.stages[stageWithDeadline]!.deadlines![0]!.after = 'P45D';
  const broken = structuredClone(local);
  (broken as Record<string, unknown>).initial = 'nowhere';
  const badValidate = await fi.post('/workflows/validate', { definition: broken });
  expect(badValidate.body.valid).toBe(false);
  expect(badValidate.body.problems[0].path).toBe('/initial');
  const edited = await fi.put(`/workflows/${clone.body.id}`, { definition: local, revision: clone.body.revision });
  expect(edited.status).toBe(200);
  expect((await fi.put(`/workflows/${clone.body.id}`, { definition: local, revision: clone.body.revision })).status).toBe(409);

  let diff = await fi.get(`/workflows/${clone.body.id}/diff`);
  expect(diff.status).toBe(200);
  expect(diff.body.asCloned).toEqual([expect.objectContaining({ subject: 'deadline', change: 'changed' })]);
  expect(diff.body.upstreamChanges).toEqual([]);

  // Upstream publishes v2: the same deadline differently (conflict) and a role on another stage (merges cleanly).
  const up = (await dk.get(`/workflows/${upstream.body.id}`)).body;
  const theirs = up.definition as Def;
  theirs.stages[stageWithDeadline]!.deadlines![0]!.after = 'P60D';
  const otherStage = Object.keys(theirs.stages).find((k) => k !== stageWithDeadline && (theirs.stages[k] as { type: string }).type !== 'final')!;
  theirs.stages[otherStage]!.roles = [...(theirs.stages[otherStage]!.roles ?? []), { role: 'ngoWorker', duty: 'informed' }];
  const saved = await dk.put(`/workflows/${upstream.body.id}`, { definition: theirs, revision: up.revision });
  expect((await dk.post(`/workflows/${upstream.body.id}/publish`, { revision: saved.body.revision })).body.version).toBe(2);

  diff = await fi.get(`/workflows/${clone.body.id}/diff`);
  expect(diff.body.upstream.newestVersion).toBe(2);
  expect(diff.body.upstreamChanges.map((c: { subject: string }) => c.subject).sort()).toEqual(['deadline', 'property']);

  const conflicted = await fi.post(`/workflows/${clone.body.id}/merge`, { revision: edited.body.revision });
  expect(conflicted.status).toBe(409);
  expect(conflicted.body.code).toBe('workflow-merge-conflicts');
  const conflictPath = `/stages/${stageWithDeadline}/deadlines/0/after`;
  expect(conflicted.body.conflicts).toEqual([{ path: conflictPath, base: 'P30D', ours: 'P45D', theirs: 'P60D' }].map((c) => expect.objectContaining({ path: c.path, ours: c.ours, theirs: c.theirs })));
  expect((await fi.get(`/workflows/${clone.body.id}`)).body.revision).toBe(edited.body.revision); // nothing saved

  const merged = await fi.post(`/workflows/${clone.body.id}/merge`, { revision: edited.body.revision, resolutions: { [conflictPath]: 'ours' } });
  expect(merged.status).toBe(200);
  const mergedDef = merged.body.workflow.definition as Def;
  expect(mergedDef.stages[stageWithDeadline]!.deadlines![0]!.after).toBe('P45D');
  expect(mergedDef.stages[otherStage]!.roles).toEqual(expect.arrayContaining([{ role: 'ngoWorker', duty: 'informed' }]));
  expect(merged.body.workflow.upstream.version).toBe(2);

  // Publish v1 of the clone, start a case on it, publish v2: the dry run lists the case as movable; running cases stay put.
  const p1 = await fi.post(`/workflows/${clone.body.id}/publish`, { revision: merged.body.workflow.revision });
  expect(p1.status).toBe(201);
  const started = await fi.post('/cases', { alias: 'On v1', workflowId: clone.body.id });
  expect(started.status).toBe(201);
  expect(started.body.workflow).toMatchObject({ source: 'workflow', version: 1 });
  const p2 = await fi.post(`/workflows/${clone.body.id}/publish`, { revision: p1.body.workflow.revision });
  expect(p2.body.version).toBe(2);
  const dry = await fi.post(`/workflows/${clone.body.id}/migrate`, { toVersion: 2, dryRun: true });
  expect(dry.status).toBe(200);
  expect(dry.body.cases).toEqual([expect.objectContaining({ caseId: started.body.id, fromVersion: 1, ok: true })]);
  expect((await fi.get(`/cases/${started.body.id}`)).body.workflow.version).toBe(1); // running cases stay put
  const real = await fi.post(`/workflows/${clone.body.id}/migrate`, { toVersion: 2, dryRun: false });
  expect(real.body.cases[0]).toMatchObject({ migrated: true });
  expect((await fi.get(`/cases/${started.body.id}`)).body.workflow.version).toBe(2);
  expect((await fi.get(`/workflows/${clone.body.id}/versions/1`)).body.definition.version).toBe(1); // immutable
});

it('refuses workflows of another organisation and publishing an invalid draft', async () => {
  const fi = api(t.app, (await login(t.app, 'admin@demo.test', 'fi-nas')).token);
  const coordinator = api(t.app, (await login(t.app, 'worker@cmm.demo.test')).token);
  const mine = await fi.post('/workflows', { definition: { id: 'broken-flow', version: 1 } });
  expect(mine.status).toBe(201);
  const publish = await fi.post(`/workflows/${mine.body.id}/publish`, { revision: 0 });
  expect(publish.status).toBe(400);
  expect(publish.body.problems.length).toBeGreaterThan(1);
  expect((await coordinator.get(`/workflows/${mine.body.id}`)).status).toBe(404);
  expect((await coordinator.get('/workflows')).body.items.map((w: { id: string }) => w.id)).not.toContain(mine.body.id);
});

it('refuses a draft whose value breaks the format when it is saved, each problem at its field and translated, and keeps what was stored', async () => {
  const fi = api(t.app, (await login(t.app, 'admin@demo.test', 'fi-nas')).token);
  const clone = await fi.post('/workflows/clone', { source: 'template', id: 'finland-municipality' });
  const definition = structuredClone(clone.body.definition) as Def;
  definition.stages.assistance!.deadlines![0]!.after = '30 days';
  (definition.stages as Record<string, unknown>)['legal counselling'] = { type: 'atomic' };
  const refused = await fi.put(`/workflows/${clone.body.id}`, { definition, revision: clone.body.revision }).set('Accept-Language', 'fi');
  expect(refused.status).toBe(400);
  expect(refused.body.title).toBe('Työnkulussa on virheitä');
  expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(refused.body.code).toBe('workflow-invalid');
  expect(refused.body.problems).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ path: '/stages/assistance/deadlines/0/after', code: 'invalid-duration' }),
      expect.objectContaining({ path: '/stages/legal counselling', code: 'invalid-identifier' }),
    ]),
  );
  const stored = await fi.get(`/workflows/${clone.body.id}`);
  expect(stored.body.revision).toBe(clone.body.revision);
  expect((stored.body.definition as Def).stages.assistance!.deadlines![0]!.after).toEqual({ parameter: 'reflectionPeriod' });

  // Something still missing is no wrong value: a draft may be incomplete, and publishing says what is missing.
  const incomplete = structuredClone(clone.body.definition) as Def;
  (incomplete.stages as Record<string, unknown>).legalCounselling = { type: 'compound', stages: {} };
  const saved = await fi.put(`/workflows/${clone.body.id}`, { definition: incomplete, revision: clone.body.revision });
  expect(saved.status).toBe(200);
  const publish = await fi.post(`/workflows/${clone.body.id}/publish`, { revision: saved.body.revision });
  expect(publish.status).toBe(400);
  expect(publish.body.problems).toContainEqual(expect.objectContaining({ path: '/stages/legalCounselling/initial', code: 'required' }));
});

it("a municipality's clone takes over its organisation's cases from the template after a dry run; its administrator moves them without reading them", async () => {
  const worker = api(t.app, (await login(t.app, 'worker@helsinki.demo.test')).token);
  const vantaa = api(t.app, (await login(t.app, 'worker@vantaa.demo.test')).token);
  const admin = api(t.app, (await login(t.app, 'admin@helsinki.demo.test')).token);
  const onTemplate = await worker.post('/cases', { alias: 'On the template', workflowId: 'finland-municipality' });
  expect(onTemplate.body.workflow).toMatchObject({ source: 'template', definitionId: 'finland-municipality' });
  const elsewhere = await vantaa.post('/cases', { alias: 'In Vantaa', workflowId: 'finland-municipality' });
  expect(elsewhere.status).toBe(201);
  // The administrator does not read case files.
  expect((await admin.get(`/cases/${onTemplate.body.id}`)).status).toBe(404);

  const clone = await admin.post('/workflows/clone', { source: 'template', id: 'finland-municipality' });
  const published = await admin.post(`/workflows/${clone.body.id}/publish`, { revision: clone.body.revision });
  expect(published.status).toBe(201);

  const dry = await admin.post(`/workflows/${clone.body.id}/migrate`, { toVersion: 1, dryRun: true });
  expect(dry.status).toBe(200);
  // Only Helsinki's case: Vantaa's runs on the same template but is not this organisation's.
  expect(dry.body.cases).toEqual([
    expect.objectContaining({ caseId: onTemplate.body.id, reference: onTemplate.body.reference, fromUpstream: true, fromVersion: 3, ok: true }),
  ]);
  expect(dry.body.cases[0].stages.length).toBeGreaterThan(0);
  for (const stage of dry.body.cases[0].stages) expect(stage.to).toBe(stage.from);
  expect((await worker.get(`/cases/${onTemplate.body.id}`)).body.workflow.source).toBe('template'); // a dry run moves nothing

  const real = await admin.post(`/workflows/${clone.body.id}/migrate`, { toVersion: 1, dryRun: false });
  expect(real.body.cases).toEqual([expect.objectContaining({ caseId: onTemplate.body.id, migrated: true })]);
  const moved = await worker.get(`/cases/${onTemplate.body.id}`);
  expect(moved.body.workflow).toMatchObject({ source: 'workflow', definitionId: clone.body.id, version: 1 });
  expect(moved.body.workflow.timeline.at(-1)).toMatchObject({ type: 'migrated', detail: 'upstream:3->1' });
  expect((await vantaa.get(`/cases/${elsewhere.body.id}`)).body.workflow.source).toBe('template');
  // Taken over once: a second dry run finds nothing left to move.
  expect((await admin.post(`/workflows/${clone.body.id}/migrate`, { toVersion: 1, dryRun: true })).body.cases).toEqual([]);
});
