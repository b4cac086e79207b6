import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { claim, isDuplicateKey, release } from '../../../core/db/write-claim';
import { caseModel, type CaseRecord } from '../storage/case.model';
import { entryOf, type CaseListEntry } from './case-list-entry';
import { byBoundary, CASE_LISTS, entryDocs, writeBoundaryLists } from './case-list-store';

/*
 * The first start after the upgrade that brought case lists builds them from the cases already stored, in two
 * steps, and the case list answers from the database query until they are ready:
 *   1. an entry per case (case_list_entries), batch by batch; the number of cases done is kept in `meta`, so an
 *      interrupted run goes on from there;
 *   2. the lists of each boundary, written from the entries (started again from the entries if interrupted).
 * One process builds; others starting meanwhile wait for it (a claim that expires if that process dies). A database
 * without cases is ready at once.
 */

/**
 * 2: the search index (case-list-search-index.ts) joined the lists; 3: it keeps values and their entries; 4: entries
 * carry their open tasks and each boundary has the inbox's task lists (`t:<role>`); 5: each boundary has its cases in
 * the order of every sort (`by:r`, `by:c`, `nd` beside the due list), so a page sorted another way is walked, not sorted;
 * 6: stage lists for top-level stages only (a case in parallel tracks was in a list per nested stage, dozens).
 */
export const CASE_LISTS_VERSION = 6;
const MIGRATION_CLAIM = 'case-lists-migration';
const MIGRATION_LEASE_MS = 120_000;

interface Meta {
  _id: 'meta';
  version: number;
  state: 'entries' | 'lists' | 'ready';
  /** Cases whose entries are written (step 1), in the collection's natural order. */
  done: number;
  at: Date;
}

const meta = (db: Connection) => db.collection<Meta>(CASE_LISTS);

const readyConnections = new WeakSet<Connection>();

/** Whether the lists can answer. Once ready, they stay ready for this connection. */
export async function caseListsReady(db: Connection): Promise<boolean> {
  if (readyConnections.has(db)) return true;
  const current = await meta(db).findOne({ _id: 'meta' });
  if (current?.version === CASE_LISTS_VERSION && current.state === 'ready') {
    readyConnections.add(db);
    return true;
  }
  if (!current && !(await anyCase(db))) {
    await markReady(db);
    readyConnections.add(db);
    return true;
  }
  return false;
}

/** A find without filter or sort that asks for one document is answered with `LIMIT 1` by the embedded database. */
const anyCase = async (db: Connection) => (await caseModel(db).findOne({}, { _id: 1 }).lean()) !== null;

async function markReady(db: Connection, done = 0): Promise<void> {
  try {
    await meta(db).replaceOne({ _id: 'meta' }, { version: CASE_LISTS_VERSION, state: 'ready', done, at: new Date() }, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/**
 * Step 2: every boundary's lists written again from all entries (lists of an interrupted run are removed first).
 * Returns the number of entries, or null when `signal` stopped it.
 */
async function rebuildLists(db: Connection, progress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<number | null> {
  await meta(db).deleteMany({ _id: { $ne: 'meta' } as never });
  const entries: CaseListEntry[] = [];
  for await (const doc of entryDocs(db).find({})) entries.push(JSON.parse(doc.t) as CaseListEntry);
  return (await writeCaseLists(db, entries, progress, signal)) ? entries.length : null;
}

/**
 * Lists for cases inserted in bulk, not through the case services (a benchmark's seed, after `insertEntries` of their
 * entries): every list is written again from all entries, by the same code as the migration's step 2.
 */
export async function rebuildCaseLists(db: Connection, progress?: (done: number, total: number) => void): Promise<void> {
  const count = await rebuildLists(db, progress);
  await markReady(db, count ?? 0);
}

/** Writes every boundary's lists from its entries (step 2); false when `signal` stopped it between boundaries. */
export async function writeCaseLists(
  db: Connection,
  entries: readonly CaseListEntry[],
  progress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<boolean> {
  const grouped = byBoundary(entries);
  let done = 0;
  for (const [boundary, members] of grouped) {
    if (signal?.aborted) return false;
    await writeBoundaryLists(db, boundary, members);
    done += 1;
    progress?.(done, grouped.size);
  }
  return true;
}

/** Inserts entries (an entry already there from an interrupted run is left as it is: nothing changed meanwhile). */
export async function insertEntries(db: Connection, entries: readonly CaseListEntry[]): Promise<void> {
  if (entries.length === 0) return;
  try {
    await entryDocs(db).insertMany(
      entries.map((entry) => ({ _id: entry.i, t: JSON.stringify(entry), v: entry.v })),
      { ordered: false },
    );
  } catch (error) {
    const writeErrors = (error as { writeErrors?: Array<{ code?: number }> | { code?: number } }).writeErrors;
    const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
    if (list.length === 0 || list.some((item) => item.code !== 11000)) throw error;
  }
}

async function approximateCaseCount(db: Connection): Promise<number | null> {
  try {
    const stats = await db.db!.command({ collStats: 'cases' });
    return typeof stats.count === 'number' ? stats.count : null;
  } catch {
    return null;
  }
}

export interface MigrationOptions {
  logger?: Logger;
  /** Cases per batch in step 1. */
  batchSize?: number;
  /** Stops between batches (the run can be resumed): for tests and shutdown. */
  signal?: AbortSignal;
}

/**
 * Builds the case lists if this database does not have them yet (or has an older shape), showing progress in the
 * log; waits if another process is building them. Returns 'stopped' when `signal` ended the run before it finished.
 */
export async function ensureCaseLists(db: Connection, options: MigrationOptions = {}): Promise<'ready' | 'built' | 'stopped'> {
  const { logger, batchSize = 500, signal } = options;
  if (await caseListsReady(db)) return 'ready';
  const owner = `${process.pid}-${randomBytes(6).toString('hex')}`;
  let announced = false;
  while (!(await claim(db, MIGRATION_CLAIM, owner, MIGRATION_LEASE_MS))) {
    if (!announced) logger?.info('case lists: another process is building them; waiting');
    announced = true;
    if (signal?.aborted) return 'stopped';
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (await caseListsReady(db)) return 'ready';
  }
  const claims = db.collection<{ _id: string; at: Date; owner: string }>('write_claims');
  const renew = () => claims.updateOne({ _id: MIGRATION_CLAIM, owner }, { $set: { at: new Date() } });
  try {
    if (await caseListsReady(db)) return 'ready';
    let current = await meta(db).findOne({ _id: 'meta' });
    if (!current || current.version !== CASE_LISTS_VERSION) {
      current = { _id: 'meta', version: CASE_LISTS_VERSION, state: 'entries', done: 0, at: new Date() };
      await entryDocs(db).deleteMany({});
      await meta(db).replaceOne({ _id: 'meta' }, current, { upsert: true });
    }

    if (current.state === 'entries') {
      const total = await approximateCaseCount(db);
      let done = current.done;
      logger?.info({ done, total }, done > 0 ? `case lists: resuming at case ${done}` : 'case lists: building an entry for every case (step 1 of 2)');
      let lastLog = Date.now();
      const cursor = caseModel(db).find({}).skip(done).batchSize(batchSize).lean().cursor();
      let batch: CaseListEntry[] = [];
      const flush = async () => {
        await insertEntries(db, batch);
        done += batch.length;
        batch = [];
        await meta(db).updateOne({ _id: 'meta' }, { $set: { done, at: new Date() } });
        await renew();
        if (Date.now() - lastLog > 5_000) {
          lastLog = Date.now();
          logger?.info({ done, total }, `case lists: ${done}${total ? ` of about ${total}` : ''} cases done`);
        }
      };
      for await (const record of cursor as AsyncIterable<CaseRecord>) {
        batch.push(entryOf(record));
        if (batch.length >= batchSize) {
          await flush();
          if (signal?.aborted) {
            await cursor.close();
            logger?.info({ done }, 'case lists: stopped; the next start goes on from here');
            return 'stopped';
          }
        }
      }
      await flush();
      logger?.info({ done }, 'case lists: entries done');
      await meta(db).updateOne({ _id: 'meta' }, { $set: { state: 'lists', at: new Date() } });
    }

    logger?.info('case lists: writing the lists of each organisation (step 2 of 2)');
    let lastLog = 0;
    const built = await rebuildLists(
      db,
      (done, total) => {
        void renew();
        if (done === total || Date.now() - lastLog > 5_000) {
          lastLog = Date.now();
          logger?.info({ done, total }, `case lists: ${done} of ${total} boundaries written`);
        }
      },
      signal,
    );
    const finished = built !== null;
    if (!finished) {
      logger?.info('case lists: stopped; the next start writes the lists again from the entries');
      return 'stopped';
    }
    await markReady(db, built);
    readyConnections.add(db);
    logger?.info({ cases: built }, 'case lists: ready');
    return 'built';
  } finally {
    await release(db, MIGRATION_CLAIM, owner);
  }
}
