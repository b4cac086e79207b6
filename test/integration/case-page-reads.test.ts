// What the case page asks for besides the case is read by `_id` (issue 15): the case's submissions from the ids the
// case lists, the organisation's forms from its form list document, the workflow definition through its key. Each
// answer equals the permission-filtered database query it replaces, for every demo user; the copies of a case's
// assignees reach its submissions by `_id` and no other case's.
import fs from 'node:fs';
import path from 'node:path';
import { withPermission } from '../../server/src/modules/access';
import { submissionModel } from '../../server/src/modules/submissions';
import { formModel, formFilter } from '../../server/src/modules/forms/testing';
import { startForms } from '../../server/src/modules/forms';
import { workflowTemplateModel } from '../../server/src/modules/workflows';
import { findWorkflowVersion } from '../../server/src/modules/workflows/testing';
import { Types } from 'mongoose';
import { api, contextOf, createCaseApp, DEMO_USERS, login, type CaseApp } from '../helpers/case-app';

jest.setTimeout(300_000);

const needs = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'form-submissions', 'needs-assessment.json'), 'utf8')) as Record<string, unknown>;
/** An organisation's own workflow (the smallest the rules accept: every workflow has a child branch). */
const ownWorkflow = {
  id: 'reads-check',
  version: 1,
  titleKey: 'workflows:finland-municipality.title',
  jurisdiction: 'fi',
  initial: 'intake',
  stages: {
    intake: { type: 'atomic', on: { adultServices: [{ target: 'adult' }], childServices: [{ target: 'child' }] } },
    adult: { type: 'final' },
    child: { type: 'final', marks: ['childBranch'] },
  },
};
const ids = (items: Array<{ id?: string; _id?: unknown }>) => items.map((item) => String(item.id ?? item._id));

let t: CaseApp;
let worker: ReturnType<typeof api>;
const cases: string[] = [];
beforeAll(async () => {
  t = await createCaseApp('case_page_reads');
  await startForms(t.db);
  worker = api(t.app, (await login(t.app, 'worker@helsinki.demo.test')).token);
  const forms = await worker.get('/forms');
  const needsForm = (forms.body.items as Array<{ id: string; path: string }>).find((form) => form.path === 'needs-assessment')!.id;
  for (const [alias, submissions] of [['Reads one', 2], ['Reads two', 1]] as const) {
    const created = await worker.post('/cases', { alias, workflowId: 'finland-municipality', consents: { police: { given: true, givenOn: '2025-03-01' } } });
    expect(created.status).toBe(201);
    cases.push(created.body.id);
    for (let index = 0; index < submissions; index += 1) {
      expect((await worker.post(`/forms/${needsForm}/submissions`, { data: { ...needs, ageYears: 30 + index }, caseId: created.body.id })).status).toBe(201);
    }
  }
});
afterAll(() => t.close());

it("lists a case's submissions from the case's own list, as the database query does, for every demo user", async () => {
  for (const [email, org] of DEMO_USERS) {
    const { token } = await login(t.app, email, org);
    const ctx = await contextOf(t.db, token);
    for (const caseId of cases) {
      const expected = await submissionModel(t.db)
        .find(withPermission(ctx.auth.ability, 'read', 'Submission', { deletedAt: null, caseId }))
        .sort({ createdAt: -1, _id: -1 })
        .lean();
      const response = await api(t.app, token).get(`/submissions?caseId=${caseId}`);
      expect([email, response.status]).toEqual([email, 200]);
      expect([email, response.body.total, ids(response.body.items)]).toEqual([email, expected.length, ids(expected)]);
      const paged = await api(t.app, token).get(`/submissions?caseId=${caseId}&skip=1&limit=1`);
      expect([email, paged.body.total, ids(paged.body.items)]).toEqual([email, expected.length, ids(expected.slice(1, 2))]);
    }
  }
  // The case worker sees them all (the case lists three submissions over the two cases).
  expect((await worker.get(`/submissions?caseId=${cases[0]}`)).body.total).toBe(2);
});

it("copies a change of the case's assignees to its submissions, by _id, and to no other case's", async () => {
  const colleague = ((await login(t.app, 'worker@vantaa.demo.test')).body.user as { id: string }).id;
  const current = (await worker.get(`/cases/${cases[0]}`)).body;
  const before = await submissionModel(t.db).find({ caseId: cases[1] }).lean();
  expect((await worker.patch(`/cases/${cases[0]}`, { assignees: [colleague], version: current.version })).status).toBe(200);
  const changed = await submissionModel(t.db).find({ caseId: cases[0] }).lean();
  expect(changed).toHaveLength(2);
  for (const submission of changed) expect(submission.assignees.map(String)).toEqual([colleague]);
  expect(await submissionModel(t.db).find({ caseId: cases[1] }).lean()).toEqual(before);
});

it("lists the organisation's forms from its form list, as the database query does, and follows every change", async () => {
  const compare = async () => {
    for (const [email, org] of DEMO_USERS) {
      const { token } = await login(t.app, email, org);
      const ctx = await contextOf(t.db, token);
      const expected = await formModel(t.db).find(formFilter(ctx, 'read')).sort({ title: 1, _id: 1 }).lean();
      const response = await api(t.app, token).get('/forms?limit=100');
      expect([email, response.status, response.body.total, ids(response.body.items)]).toEqual([email, 200, expected.length, ids(expected)]);
    }
  };
  await compare();
  expect(await t.db.collection('form_lists').countDocuments({})).toBeGreaterThan(0);

  const designer = api(t.app, (await login(t.app, 'designer@helsinki.demo.test')).token);
  const definition = { title: 'Aaa first form', name: 'aaaFirst', path: 'aaa-first', components: [{ type: 'textfield', key: 'alias', label: 'Alias', input: true }] };
  const created = await designer.post('/forms', { definition });
  expect(created.status).toBe(201);
  expect(ids((await designer.get('/forms')).body.items)[0]).toBe(created.body.id);
  const published = await designer.post(`/forms/${created.body.id}/publish`, { version: created.body.version });
  expect(published.status).toBe(200);
  const renamed = await designer.put(`/forms/${created.body.id}`, { definition: { ...definition, title: 'Zzz renamed' }, version: published.body.version });
  expect(renamed.status).toBe(200);
  const listed = (await designer.get('/forms?limit=100')).body.items as Array<{ id: string; title: string }>;
  expect(listed[listed.length - 1]).toMatchObject({ id: created.body.id, title: 'Zzz renamed' });
  await compare();
  expect((await designer.delete(`/forms/${created.body.id}`)).status).toBe(204);
  expect(ids((await designer.get('/forms?limit=100')).body.items)).not.toContain(created.body.id);
  await compare();

  // A list document lost (a process stopped mid-write) is written again from the forms by the next reader.
  await t.db.collection('form_lists').deleteMany({});
  await compare();
  expect(await t.db.collection('form_lists').countDocuments({})).toBeGreaterThan(0);
});

it('finds workflow definitions through their keys, also when a key is missing', async () => {
  const newest = await workflowTemplateModel(t.db).findOne({ key: 'finland-municipality' }).sort({ version: -1 }).lean();
  const keys = t.db.collection<{ _id: string }>('workflow_definition_keys');
  expect(await keys.findOne({ _id: 't:finland-municipality' })).toMatchObject({ ref: newest!._id });
  const template = await worker.get('/workflows/templates/finland-municipality');
  expect(template.status).toBe(200);
  expect(template.body.version).toBe(newest!.version);

  const coordinator = api(t.app, (await login(t.app, 'coordinator@nas.demo.test')).token);
  const cloned = await coordinator.post('/workflows', { definition: ownWorkflow });
  expect(cloned.status).toBe(201);
  const published = await coordinator.post(`/workflows/${cloned.body.id}/publish`, { revision: cloned.body.revision });
  expect(published.status).toBe(201);
  const key = `w:${cloned.body.id}:${published.body.version}`;
  expect(await keys.findOne({ _id: key })).not.toBeNull();
  const read = await coordinator.get(`/workflows/${cloned.body.id}/versions/${published.body.version}`);
  expect([read.status, read.body.version]).toEqual([200, published.body.version]);
  await keys.deleteOne({ _id: key });
  // The process keeps the published version in memory; a lookup that finds the key missing writes it again.
  expect((await coordinator.get(`/workflows/${cloned.body.id}/versions/${published.body.version}`)).body).toEqual(read.body);
  expect((await findWorkflowVersion(t.db, cloned.body.id, published.body.version))?.version).toBe(published.body.version);
  expect(await keys.findOne({ _id: key })).not.toBeNull();
  // Another organisation's version stays hidden whatever the keys say, and although this process keeps it in memory.
  expect((await worker.get(`/workflows/${cloned.body.id}/versions/${published.body.version}`)).status).toBe(404);
});

it('answers the workflow version a case runs on from memory, never an unpublished one nor to another organisation', async () => {
  const newest = await workflowTemplateModel(t.db).findOne({ key: 'finland-municipality' }).sort({ version: -1 }).lean();
  const reads: string[] = [];
  const watch = async (request: () => Promise<{ status: number; body: unknown }>) => {
    reads.length = 0;
    t.db.set('debug', (collection: string, method: string) => reads.push(`${collection}.${method}`));
    try {
      return await request();
    } finally {
      t.db.set('debug', false);
    }
  };
  const first = await worker.get(`/workflows/templates/finland-municipality?version=${newest!.version}`);
  expect([first.status, first.body.version]).toEqual([200, newest!.version]);
  expect(first.body.definition).toEqual((await worker.get('/workflows/templates/finland-municipality')).body.definition);
  // Asked again, the template version is not read from the database at all.
  const again = await watch(() => worker.get(`/workflows/templates/finland-municipality?version=${newest!.version}`));
  expect(again.body).toEqual(first.body);
  expect(reads.filter((read) => read.startsWith('workflow'))).toEqual([]);
  expect((await worker.get('/workflows/templates/finland-municipality?version=999')).status).toBe(404);
  expect((await worker.get('/workflows/templates/finland-municipality?version=first')).status).toBe(400);

  const coordinator = api(t.app, (await login(t.app, 'coordinator@nas.demo.test')).token);
  const created = await coordinator.post('/workflows', { definition: { ...ownWorkflow, id: 'reads-memory' } });
  const published = await coordinator.post(`/workflows/${created.body.id}/publish`, { revision: created.body.revision });
  expect(published.status).toBe(201);
  const url = `/workflows/${created.body.id}/versions/${published.body.version}`;
  const read = await coordinator.get(url);
  expect(read.status).toBe(200);
  // Kept in memory: the workflow is still read (the permission layer decides on it), its version is not.
  const cached = await watch(() => coordinator.get(url));
  expect(cached.body).toEqual(read.body);
  expect(reads.filter((item) => item.startsWith('workflow_versions') || item.startsWith('workflow_definition_keys'))).toEqual([]);
  expect(reads.filter((item) => item.startsWith('workflows.'))).toHaveLength(1);
  // Another organisation's reader asks for the version this process keeps: still the same 404 as a missing one.
  expect((await worker.get(url)).status).toBe(404);
  // A version being published (stored, the workflow not yet pointing at it) is not answered, though its record exists.
  const next = published.body.version + 1;
  await t.db.collection('workflow_versions').insertOne({
    workflowId: new Types.ObjectId(created.body.id as string), orgId: new Types.ObjectId(created.body.workflow?.orgId ?? published.body.workflow.orgId),
    version: next, definitionText: JSON.stringify({ ...ownWorkflow, id: 'reads-memory', version: next }), upstream: null, publishedAt: new Date(), publishedBy: null,
  });
  expect((await coordinator.get(`/workflows/${created.body.id}/versions/${next}`)).status).toBe(404);
});
