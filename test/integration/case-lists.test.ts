// The precomputed case lists (server/src/modules/cases/lists) answer the case list, its export and the dashboard
// exactly as the permission-filtered database query does: for every demo user, every filter and sort, deep pages,
// after creations, updates, shares, events, consent changes and a write whose list update was interrupted.
import { CaseListQuerySchema, type CaseListQuery } from '../../server/src/contracts/cases/case.schemas';
import type { ServiceContext } from '../../server/src/modules/access';
import {
  listFromLists, statsFromLists, repairCaseLists, allCases, caseStats, caseStatsFromDatabase, listCases,
  listCasesFromDatabase,
} from '../../server/src/modules/cases/testing';
import { caseModel } from '../../server/src/modules/cases';
import { startForms } from '../../server/src/modules/forms';
import { api, contextOf, createCaseApp, DEMO_USERS, login, type CaseApp } from '../helpers/case-app';

jest.setTimeout(300_000);

let t: CaseApp;
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

beforeAll(async () => {
  t = await createCaseApp('case_lists', undefined, {}, { demoCases: true });
  await startForms(t.db);

  const helsinki = await login(t.app, 'worker@helsinki.demo.test');
  const worker = api(t.app, helsinki.token);
  const colleague = ((await login(t.app, 'worker@vantaa.demo.test')).body.user as { id: string }).id;
  const created: Array<{ id: string; version: number }> = [];
  for (let index = 0; index < 14; index += 1) {
    const consents = {
      ...(index % 2 === 0 ? { police: { given: true, givenOn: '2025-03-01' } } : {}),
      ...(index % 3 === 0 ? { nas: { given: true, givenOn: '2025-03-01' } } : {}),
    };
    const response = await worker.post('/cases', { alias: `Person ${index} ${index % 4 === 0 ? 'Mira' : 'Aino'}`, workflowId: 'finland-municipality', consents });
    expect(response.status).toBe(201);
    created.push(response.body);
  }
  // Unassigned, assigned to someone else, moved on, shared with the national system, a consent withdrawn.
  const patch = async (index: number, change: object) => {
    const current = (await worker.get(`/cases/${created[index]!.id}`)).body;
    const response = await worker.patch(`/cases/${created[index]!.id}`, { ...change, version: current.version });
    expect(response.status).toBe(200);
  };
  await patch(1, { assignees: [] });
  await patch(2, { assignees: [colleague] });
  await patch(5, { alias: 'Renamed Lumi' });
  await patch(4, { consents: { police: { given: true, withdrawn: true, withdrawnOn: '2025-03-02' } } });
  expect((await worker.post(`/cases/${created[7]!.id}/events`, { type: 'referralDeclined', data: {} })).status).toBe(200);
  for (const index of [0, 3]) {
    const current = (await worker.get(`/cases/${created[index]!.id}`)).body;
    expect((await worker.post(`/cases/${created[index]!.id}/share`, { recipient: 'nas', organisation: 'fi-nas', version: current.version })).status).toBe(200);
  }
  const vantaa = api(t.app, (await login(t.app, 'worker@vantaa.demo.test')).token);
  for (const alias of ['Vantaa one', 'Vantaa two']) expect((await vantaa.post('/cases', { alias, workflowId: 'finland-municipality' })).status).toBe(201);
  const iom = api(t.app, (await login(t.app, 'caseworker@iom.demo.test')).token);
  for (const alias of ['Return one', 'Return two']) expect((await iom.post('/cases', { alias, workflowId: 'iom-return' })).status).toBe(201);
  // Deadlines pass: some cases are overdue now.
  t.clock.advanceDays(40);
});
afterAll(() => t.close());

async function contexts() {
  const result: Array<{ who: string; ctx: ServiceContext }> = [];
  for (const [email, org] of DEMO_USERS) {
    const { token } = await login(t.app, email, org);
    result.push({ who: `${email}${org ? ` in ${org}` : ''}`, ctx: await contextOf(t.db, token) });
  }
  return result;
}

async function queriesFor(ctx: ServiceContext): Promise<CaseListQuery[]> {
  // A role that reads no case gets the plain list only.
  if (!ctx.auth.ability.can('read', 'Case')) return [CaseListQuerySchema.parse({})];
  const stages = new Set<string>();
  for (const record of await caseModel(t.db).find({}).lean()) for (const stage of record.workflow.activeStages) stages.add(stage);
  const reference = (await caseModel(t.db).findOne({ alias: 'Person 6 Aino' }).lean())!.reference;
  const nested = [...stages].filter((stage) => stage.includes('/')).slice(0, 2);
  expect(nested.length).toBe(2);
  const raw: Array<Record<string, string>> = [
    {},
    { page: '2', pageSize: '3' },
    { page: '4', pageSize: '2' },
    { page: '50' },
    ...['-reference', 'createdAt', 'nextDueAt', '-nextDueAt'].map((sort) => ({ sort, pageSize: '7' })),
    { sort: 'updatedAt', page: '2', pageSize: '4' },
    ...[...stages].slice(0, 6).map((stage) => ({ stage })),
    // Nested stages have no list of their own: read from their top-level stage's list, in every order.
    ...[...stages].filter((stage) => stage.includes('/')).slice(0, 4).map((stage) => ({ stage })),
    ...nested.map((stage) => ({ stage, sort: 'reference', page: '2', pageSize: '2' })),
    ...nested.map((stage) => ({ stage, overdue: 'true', sort: 'nextDueAt' })),
    { assignedToMe: 'true' },
    { assignedToMe: 'true', page: '2', pageSize: '2' },
    { unassigned: 'true' },
    { overdue: 'true' },
    { q: 'mira' },
    { q: 'MIRA', assignedToMe: 'true' },
    { q: reference },
    { q: reference.slice(-4) },
    { q: 'ai' },
    { stage: [...stages][0]!, assignedToMe: 'true' },
    { stage: [...stages][0]!, overdue: 'true', sort: 'reference' },
    { unassigned: 'true', q: 'person' },
  ];
  return raw.map((query) => CaseListQuerySchema.parse(query));
}

it('answers every demo user exactly as the database query does', async () => {
  const rt = t.services.runtime;
  for (const { who, ctx } of await contexts()) {
    // Every demo role is answered from the lists, not from the fallback.
    expect({ who, listed: (await listFromLists(ctx, CaseListQuerySchema.parse({}), rt.clock.now())) !== null }).toEqual({ who, listed: true });
    expect({ who, counted: (await statsFromLists(ctx, rt.clock.now())) !== null }).toEqual({ who, counted: true });
    for (const query of await queriesFor(ctx)) {
      const fromLists = plain(await listCases(rt, ctx, query));
      const fromDatabase = plain(await listCasesFromDatabase(rt, ctx, query));
      expect({ who, query, answer: fromLists }).toEqual({ who, query, answer: fromDatabase });
    }
    expect({ who, stats: plain(await caseStats(rt, ctx)) }).toEqual({ who, stats: plain(await caseStatsFromDatabase(rt, ctx)) });
    const everything = CaseListQuerySchema.parse({ pageSize: '100' });
    const all = plain([...(await allCases(rt, ctx, everything)).items]);
    expect({ who, all }).toEqual({ who, all: plain((await listCasesFromDatabase(rt, ctx, everything)).items) });
  }
});

it('shows the lists something happened to, for whoever sees it, in the same request', async () => {
  const worker = api(t.app, (await login(t.app, 'worker@helsinki.demo.test')).token);
  const police = api(t.app, (await login(t.app, 'police@helsinki.demo.test')).token);
  const created = (await worker.post('/cases', { alias: 'Fresh Ilona', workflowId: 'finland-municipality', consents: { police: { given: true, givenOn: '2025-03-01' } } })).body;
  expect((await worker.get('/cases?pageSize=1')).body.items[0].id).toBe(created.id);
  expect((await police.get('/cases?q=ilona')).body.total).toBe(1);
  const withdrawn = await worker.patch(`/cases/${created.id}`, { consents: { police: { given: true, withdrawn: true } }, version: created.version });
  expect(withdrawn.status).toBe(200);
  expect((await police.get('/cases?q=ilona')).body.total).toBe(0);
  expect((await worker.get('/cases/all?q=ilona')).body).toMatchObject({ total: 1, items: [{ id: created.id, alias: 'Fresh Ilona' }] });
});

it('finishes a list update that a stopped process left undone', async () => {
  const worker = api(t.app, (await login(t.app, 'worker@helsinki.demo.test')).token);
  const created = (await worker.post('/cases', { alias: 'Before the crash', workflowId: 'finland-municipality' })).body;
  // A process wrote the case and stopped before updating the lists: only its pending mark is left.
  await t.db.collection('case_list_pending').insertOne({ _id: `${created.id}:crashed` as never, caseId: created.id, at: new Date(Date.now() - 120_000) });
  await caseModel(t.db).updateOne({ _id: created.id }, { $set: { alias: 'After the crash' }, $inc: { version: 1 } });
  expect((await worker.get('/cases?q=after the crash')).body.total).toBe(0);
  expect(await repairCaseLists(t.db)).toBe(1);
  expect((await worker.get('/cases?q=after the crash')).body.items.map((item: { id: string }) => item.id)).toEqual([created.id]);
  expect(await t.db.collection('case_list_pending').countDocuments({})).toBe(0);
});

it('stays exact under parallel writes to one organisation', async () => {
  const worker = api(t.app, (await login(t.app, 'worker@helsinki.demo.test')).token);
  const before = (await worker.get('/cases')).body.total;
  const results = await Promise.all(Array.from({ length: 12 }, (_, index) => worker.post('/cases', { alias: `Parallel ${index}`, workflowId: 'finland-municipality' })));
  expect(results.every((result) => result.status === 201)).toBe(true);
  const edits = await Promise.all(results.map((result) => worker.patch(`/cases/${result.body.id}`, { alias: `Parallel edited ${result.body.id}`, version: result.body.version })));
  expect(edits.every((result) => result.status === 200)).toBe(true);
  const { ctx } = (await contexts()).find((item) => item.who === 'worker@helsinki.demo.test')!;
  const query = CaseListQuerySchema.parse({ pageSize: '100' });
  expect(plain(await listCases(t.services.runtime, ctx, query))).toEqual(plain(await listCasesFromDatabase(t.services.runtime, ctx, query)));
  expect((await worker.get('/cases')).body.total).toBe(before + 12);
});
