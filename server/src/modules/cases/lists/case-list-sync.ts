import { randomBytes } from 'node:crypto';
import type { Connection, Types } from 'mongoose';
import type { Logger } from 'pino';
import { caseModel } from '../storage/case.model';
import { boundariesOf, entryOf, keyIn, listsOf, sameEntry, type CaseListEntry } from './case-list-entry';
import { caseListsReady } from './case-list-migration';
import { applyListOps, entryDocs, withClaim, type ListOp } from './case-list-store';

/*
 * Keeping the lists in step with the cases. Every write of a case is bracketed: a pending mark is inserted before
 * the write and removed after the case's entry and lists are brought up to date. Bringing them up to date reads the
 * case as it is now (under a claim per case, so two updates of one case never cross), compares it with the entry it
 * was last listed with, and changes only the lists that differ. A process that dies between the write and the update
 * leaves its mark, and the repair below, which every process runs at start and every minute, finishes the work:
 * nothing is lost, and nothing depends on one process's memory.
 */

const PENDING = 'case_list_pending';

interface PendingDoc {
  _id: string;
  caseId: string;
  at: Date;
}

const pending = (db: Connection) => db.collection<PendingDoc>(PENDING);

/** The list changes that take a case from being listed as `before` to being listed as `after`, per boundary. */
export function listChanges(before: CaseListEntry | null, after: CaseListEntry | null): Map<string, ListOp[]> {
  const changes = new Map<string, ListOp[]>();
  const push = (boundary: string, op: ListOp) => {
    let ops = changes.get(boundary);
    if (!ops) changes.set(boundary, (ops = []));
    ops.push(op);
  };
  const afterLists = new Map<string, Set<string>>();
  if (after) for (const boundary of boundariesOf(after)) afterLists.set(boundary, new Set(listsOf(after, boundary)));
  if (before) {
    for (const boundary of boundariesOf(before)) {
      for (const list of listsOf(before, boundary)) {
        const stays = afterLists.get(boundary)?.has(list) ?? false;
        push(boundary, { list, remove: keyIn(before, list), ...(stays ? { put: after! } : {}) });
        if (stays) afterLists.get(boundary)!.delete(list);
      }
    }
  }
  for (const [boundary, lists] of afterLists) for (const list of lists) push(boundary, { list, put: after! });
  return changes;
}

async function storedEntry(db: Connection, caseId: string): Promise<CaseListEntry | null> {
  const doc = await entryDocs(db).findOne({ _id: caseId });
  return doc ? (JSON.parse(doc.t) as CaseListEntry) : null;
}

/** Brings the case's entry and lists in line with the case as it is now (or removes them if it is gone). */
export async function syncCaseLists(db: Connection, caseId: string): Promise<void> {
  await withClaim(db, `case-list-case:${caseId}`, async () => {
    const [record, before] = await Promise.all([caseModel(db).findById(caseId).lean(), storedEntry(db, caseId)]);
    const after = record ? entryOf(record) : null;
    if (sameEntry(before, after)) return;
    await Promise.all([...listChanges(before, after)].map(([boundary, ops]) => applyListOps(db, boundary, ops)));
    if (after) await entryDocs(db).replaceOne({ _id: caseId }, { t: JSON.stringify(after), v: after.v }, { upsert: true });
    else await entryDocs(db).deleteOne({ _id: caseId });
  });
}

/** A write of a case in progress: `done()` after it, to update the lists and remove the mark. */
export interface PendingListSync {
  /** The write happened (or may have): update the case's lists, then remove the mark (kept if the update failed). */
  done(): Promise<void>;
  /** The write did not happen: only remove the mark. */
  dropped(): Promise<void>;
}

/** Marks the case as about to change, before its write. */
export async function caseListWrite(db: Connection, caseId: Types.ObjectId | string): Promise<PendingListSync> {
  const id = typeof caseId === 'string' ? caseId : caseId.toHexString();
  // The first case of a new database: its lists start here, ready (case-list-migration.ts).
  await caseListsReady(db);
  const mark = `${id}:${randomBytes(6).toString('hex')}`;
  await pending(db).insertOne({ _id: mark, caseId: id, at: new Date() });
  return {
    async done() {
      try {
        await syncCaseLists(db, id);
      } catch {
        // The case is written; its lists are derived from it. The mark stays, and the repair (at most a minute away,
        // case-list repair below) brings them up to date: a list a little behind, never a write reported as failed.
        return;
      }
      await pending(db).deleteOne({ _id: mark });
    },
    async dropped() {
      await pending(db).deleteOne({ _id: mark });
    },
  };
}

/**
 * Finishes the list updates of writes whose process stopped before doing them: marks older than `olderThanMs`
 * (a write still under way is younger). Returns how many cases were brought up to date.
 */
export async function repairCaseLists(db: Connection, logger?: Logger, olderThanMs = 60_000): Promise<number> {
  const stale = await pending(db).find({ at: { $lt: new Date(Date.now() - olderThanMs) } }).limit(1000).toArray();
  const cases = [...new Set(stale.map((mark) => mark.caseId))];
  for (const caseId of cases) await syncCaseLists(db, caseId);
  await Promise.all(stale.map((mark) => pending(db).deleteOne({ _id: mark._id })));
  if (cases.length > 0) logger?.info({ cases: cases.length }, 'case lists brought up to date after an interrupted write');
  return cases.length;
}

/** Runs the repair now and every `everyMs`; `stop()` waits for a run in progress. */
export function startCaseListRepair(db: Connection, logger: Logger, everyMs = 60_000): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = () => {
    running = repairCaseLists(db, logger).catch((error: unknown) => logger.warn({ err: error }, 'case list repair failed'));
  };
  run();
  const timer = setInterval(() => {
    if (!stopped) run();
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
