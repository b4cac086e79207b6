// The first start after the upgrade that brought the inbox keys files the referrals and notifications already stored
// (issue 15): from a database whose keys are gone, `ensureInboxKeys` builds them, the inbox from them equals the one
// from the database queries for every demo user, and running it again, or again after an interrupted run, changes
// nothing.
import type { Connection } from 'mongoose';
import { ensureInboxKeys } from '../../server/src/modules/referrals';
import { inbox } from '../../server/src/modules/referrals/testing';
import { contextOf, createCaseApp, DEMO_USERS, login, type CaseApp } from '../helpers/case-app';

jest.setTimeout(300_000);

let t: CaseApp;
beforeAll(async () => {
  t = await createCaseApp('inbox_keys_migration', undefined, {}, { demoCases: true });
});
afterAll(() => t.close());

/** A connection of its own, as a process starting anew has: what one connection learnt of the keys is not kept. */
const freshConnection = (): Connection => t.db.useDb(t.db.name, { useCache: false });

async function inboxesOf(db: Connection, mode: 'keys' | 'queries') {
  const runtime = { ...t.services.runtime, db };
  const inboxes = [];
  for (const [email, org] of DEMO_USERS) {
    const ctx = { ...(await contextOf(db, (await login(t.app, email, org)).token)), db };
    inboxes.push([email, await inbox(runtime, ctx, mode)]);
  }
  return inboxes;
}

const keys = () => t.db.collection<{ _id: string }>('inbox_keys');
const keyDocs = async () => (await keys().find({}).sort({ _id: 1 }).toArray()).filter((doc) => doc._id !== 'meta');

it('files the stored referrals and notifications once, resumably, and the inbox then equals the queries', async () => {
  const kept = await keyDocs();
  expect(kept.length).toBeGreaterThan(0);
  const expected = await inboxesOf(t.db, 'queries');

  // Keys lost, as in a database from before them: the inbox asks the database until they are built.
  await keys().deleteMany({});
  const before = freshConnection();
  expect(await inboxesOf(before, 'keys')).toEqual(expected);
  expect(await ensureInboxKeys(before)).toBe('built');
  expect(await keyDocs()).toEqual(kept);
  expect(await inboxesOf(freshConnection(), 'keys')).toEqual(expected);

  // Started again: nothing to do. Interrupted halfway (half the keys written, the mark says building): built again,
  // to the same keys.
  expect(await ensureInboxKeys(freshConnection())).toBe('ready');
  const half = kept.slice(0, Math.floor(kept.length / 2)).map((doc) => doc._id);
  await keys().deleteMany({ _id: { $nin: half } });
  await t.db.collection<{ _id: string; version: number; state: string; at: Date }>('inbox_keys').insertOne({ _id: 'meta', version: 1, state: 'building', at: new Date() });
  expect(await ensureInboxKeys(freshConnection())).toBe('built');
  expect(await keyDocs()).toEqual(kept);
  expect(await inboxesOf(freshConnection(), 'keys')).toEqual(expected);
});
