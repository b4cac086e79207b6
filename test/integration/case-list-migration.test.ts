// The first start after the upgrade builds the case lists from the cases already stored: with progress in the log,
// resumable after an interruption, once even when two processes start together, and until then the case list
// answers from the database query.
import { Writable } from 'node:stream';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { CaseListQuerySchema } from '../../server/src/contracts/cases/case.schemas';
import { connectDatabase } from '../../server/src/core/db/connection';
import { ensureCaseLists } from '../../server/src/modules/cases';
import {
  caseListsReady, listFromLists, caseStats, caseStatsFromDatabase, listCases, listCasesFromDatabase,
} from '../../server/src/modules/cases/testing';
import { api, contextOf, createCaseApp, login, type CaseApp } from '../helpers/case-app';
import { testDatabaseUri } from '../helpers/test-database';

jest.setTimeout(180_000);

let t: CaseApp;
const connections: Connection[] = [];
/** Another process's view of the same database: nothing of this process's memory. */
async function anotherProcess(): Promise<Connection> {
  const db = await connectDatabase(testDatabaseUri(), t.db.name);
  connections.push(db);
  return db;
}

function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).trim().split('\n').map((line) => (JSON.parse(line) as { msg: string }).msg));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

beforeAll(async () => {
  t = await createCaseApp('case_list_migration');
  const worker = api(t.app, (await login(t.app, 'worker@helsinki.demo.test')).token);
  const police = { police: { given: true, givenOn: '2025-03-01' } };
  for (let index = 0; index < 11; index += 1) {
    expect((await worker.post('/cases', { alias: `Stored ${index}`, workflowId: 'finland-municipality', ...(index % 2 ? { consents: police } : {}) })).status).toBe(201);
  }
  // The database as the version before the lists left it: cases only.
  for (const name of ['case_lists', 'case_list_entries', 'case_list_pending']) await t.db.collection(name).deleteMany({});
});
afterAll(async () => {
  for (const db of connections) await db.close();
  await t.close();
});

it('builds the lists at the first start, resuming where an interrupted start stopped', async () => {
  const db = await anotherProcess();
  expect(await caseListsReady(db)).toBe(false);
  const { token } = await login(t.app, 'worker@helsinki.demo.test');
  const ctx = { ...(await contextOf(db, token)), db };
  const runtime = { ...t.services.runtime, db };
  const query = CaseListQuerySchema.parse({ pageSize: '100' });
  // Until they are built the database query answers.
  expect(await listFromLists(ctx, query, runtime.clock.now())).toBeNull();
  const before = JSON.stringify(await listCases(runtime, ctx, query));
  expect(JSON.parse(before).total).toBe(11);

  // A start stopped after its first batch of cases.
  const stopped = new AbortController();
  stopped.abort();
  const first = capturedLogger();
  expect(await ensureCaseLists(db, { logger: first.logger, batchSize: 4, signal: stopped.signal })).toBe('stopped');
  expect(first.lines).toContain('case lists: building an entry for every case (step 1 of 2)');
  expect(first.lines).toContain('case lists: stopped; the next start goes on from here');
  expect(await t.db.collection('case_list_entries').countDocuments({})).toBe(4);
  expect(await caseListsReady(db)).toBe(false);

  // The next start goes on from the fifth case and finishes.
  const second = capturedLogger();
  expect(await ensureCaseLists(db, { logger: second.logger, batchSize: 4 })).toBe('built');
  expect(second.lines).toEqual(expect.arrayContaining(['case lists: resuming at case 4', 'case lists: writing the lists of each organisation (step 2 of 2)', 'case lists: ready']));
  expect(await t.db.collection('case_list_entries').countDocuments({})).toBe(11);
  expect(await caseListsReady(db)).toBe(true);
  expect(await ensureCaseLists(db)).toBe('ready');

  // Now the lists answer, and as the database query does.
  const listed = await listFromLists(ctx, query, runtime.clock.now());
  expect(listed).not.toBeNull();
  expect(JSON.stringify(listed)).toBe(before);
  expect(JSON.stringify(await listCases(runtime, ctx, CaseListQuerySchema.parse({ q: 'stored 1' })))).toBe(
    JSON.stringify(await listCasesFromDatabase(runtime, ctx, CaseListQuerySchema.parse({ q: 'stored 1' }))),
  );
  expect(await caseStats(runtime, ctx)).toEqual(await caseStatsFromDatabase(runtime, ctx));
});

it('is built once when two processes start together', async () => {
  for (const name of ['case_lists', 'case_list_entries']) await t.db.collection(name).deleteMany({});
  const [one, two] = [await anotherProcess(), await anotherProcess()];
  const outcomes = await Promise.all([ensureCaseLists(one, { batchSize: 3 }), ensureCaseLists(two, { batchSize: 3 })]);
  expect(outcomes.sort()).toEqual(['built', 'ready']);
  expect(await t.db.collection('case_list_entries').countDocuments({})).toBe(11);
  const { token } = await login(t.app, 'police@helsinki.demo.test');
  const ctx = { ...(await contextOf(two, token)), db: two };
  const runtime = { ...t.services.runtime, db: two };
  const query = CaseListQuerySchema.parse({});
  expect(JSON.stringify(await listFromLists(ctx, query, runtime.clock.now()))).toBe(JSON.stringify(await listCasesFromDatabase(runtime, ctx, query)));
});

it('rebuilds lists of an older version at the next start, leaving none of their old lists behind', async () => {
  // As version 5 left them: a list per nested stage (now only top-level stages have lists).
  const { token } = await login(t.app, 'worker@helsinki.demo.test');
  const boundary = `o:${(await contextOf(t.db, token)).auth.org._id.toHexString()}`;
  await t.db.collection('case_lists').updateOne({ _id: 'meta' as never }, { $inc: { version: -1 } });
  await t.db.collection<{ _id: string; t: string }>('case_lists').insertOne({ _id: `d:${boundary}:st:intake/screening`, t: '[]' });
  const db = await anotherProcess();
  expect(await caseListsReady(db)).toBe(false);
  expect(await ensureCaseLists(db, { batchSize: 5 })).toBe('built');
  expect(await t.db.collection('case_lists').findOne({ _id: `d:${boundary}:st:intake/screening` as never })).toBeNull();
  const ctx = { ...(await contextOf(db, token)), db };
  const runtime = { ...t.services.runtime, db };
  for (const filter of [{}, { stage: 'intake' }]) {
    const query = CaseListQuerySchema.parse(filter);
    expect(JSON.stringify(await listFromLists(ctx, query, runtime.clock.now()))).toBe(JSON.stringify(await listCasesFromDatabase(runtime, ctx, query)));
  }
});
