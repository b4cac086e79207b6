// Loading the demo organisations, roles, users and forms takes about 700 database commands, and the demo cases several
// thousand (every case event rewrites the case's precomputed lists). Most test files start from exactly that state, so
// the run builds each such state once, with the product's own loaders, in a database of its own, and every file
// copies it: a few commands per collection instead. Tests of the loaders themselves (demo-content.test.ts) call them.
import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Db, Document } from 'mongodb';
import { loadDemoData } from '../../server/src/modules/demo';
import { testDatabaseUri } from './test-database';

const STATE = 'snapshot_state';
const BUILD_LIMIT_MS = 10 * 60_000;
const INSERT_BATCH = 500;

/**
 * Makes `db` (a fresh, empty test database) hold what `build` leaves in an empty database. `name` identifies the
 * state: the same name must always mean the same build steps. The first file of the run that asks builds it; files
 * in other workers that ask meanwhile wait for it.
 */
export async function loadSnapshot(db: Connection, name: string, build: (snapshotDb: Connection) => Promise<void>): Promise<void> {
  testDatabaseUri(); // fails early with the helpful message outside the Jest projects that start the database
  const snapshotDb = db.useDb(`snap_${name}`, { useCache: true });
  await ensureBuilt(snapshotDb, build);
  await copyDatabase(snapshotDb.db!, db.db!);
}

async function ensureBuilt(snapshotDb: Connection, build: (snapshotDb: Connection) => Promise<void>): Promise<void> {
  const state = snapshotDb.db!.collection<{ _id: string; message?: string }>(STATE);
  if (await state.findOne({ _id: 'ready' })) return;
  let builder = true;
  try {
    await state.insertOne({ _id: 'building' });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 11000) throw error;
    builder = false;
  }
  if (builder) {
    try {
      await build(snapshotDb);
    } catch (error) {
      await state.insertOne({ _id: 'failed', message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    await state.insertOne({ _id: 'ready' });
    return;
  }
  const deadline = Date.now() + BUILD_LIMIT_MS;
  for (;;) {
    const done = await state.find({ _id: { $in: ['ready', 'failed'] } }).toArray();
    const failed = done.find((entry) => entry._id === 'failed');
    if (failed) throw new Error(`building the test snapshot ${snapshotDb.name} failed in another test file: ${failed.message}`);
    if (done.length > 0) return;
    if (Date.now() > deadline) throw new Error(`the test snapshot ${snapshotDb.name} was not built within ${BUILD_LIMIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Every collection with its indexes and documents, as stored (ids, dates and binary values unchanged). */
async function copyDatabase(from: Db, to: Db): Promise<void> {
  const collections = (await from.listCollections({}, { nameOnly: true }).toArray()).filter(({ name }) => name !== STATE);
  await Promise.all(
    collections.map(async ({ name }) => {
      const source = from.collection(name);
      const target = to.collection(name);
      const indexes = (await source.indexes()).filter((index) => index.name !== '_id_');
      if (indexes.length > 0) {
        await target.createIndexes(
          indexes.map(({ key, name: indexName, unique, sparse }) => ({ key, name: indexName!, ...(unique ? { unique } : {}), ...(sparse ? { sparse } : {}) })),
        );
      }
      const documents: Document[] = await source.find({}).toArray();
      for (let start = 0; start < documents.length; start += INSERT_BATCH) {
        await target.insertMany(documents.slice(start, start + INSERT_BATCH), { ordered: false });
      }
    }),
  );
}

/** What `loadDemoData(db, password)` leaves in an empty database. */
export function loadDemoDataSnapshot(db: Connection, password: string): Promise<void> {
  return loadSnapshot(db, `demo_${createHash('sha256').update(password).digest('hex').slice(0, 12)}`, async (snapshotDb) => {
    await loadDemoData(snapshotDb, password);
  });
}
