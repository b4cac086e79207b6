import type { Connection } from 'mongoose';
import { dueTimeOf, type CaseListEntry } from './case-list-entry';
import { caseListsReady } from './case-list-migration';
import { BoundaryDirectory, readSegments, StaleDirectoryError, type SegmentRef } from './case-list-store';

/*
 * The cases an organisation's inbox shows tasks and deadlines of, from the case lists instead of a query over every
 * case (which FerretDB answers by decoding every case document): per workflow role the user acts in, the `t:<role>`
 * list of the organisation's own boundary and of the cases shared with it; and the own boundary's `due` list up to the
 * horizon. Every read is a lookup by `_id`, and their number grows with the lists' entries read, not with the cases
 * stored. Only ids come back: the caller reads each case through the permission layer, which decides.
 */

/** Entries of `segments` in list order, stopping once `enough` are read (segments are read 8 at a time). */
async function readUpTo(db: Connection, boundary: string, segments: readonly SegmentRef[], enough: number): Promise<CaseListEntry[]> {
  const entries: CaseListEntry[] = [];
  for (let start = 0; start < segments.length && entries.length < enough; start += 8) {
    const chunk = segments.slice(start, start + 8);
    const read = await readSegments(db, boundary, chunk.map((segment) => segment.id));
    for (const segment of chunk) entries.push(...read.get(segment.id)!);
  }
  return entries;
}

async function collect(db: Connection, orgId: string, roles: readonly string[], horizon: number, max: number): Promise<string[]> {
  const [own, shared] = await Promise.all([BoundaryDirectory.read(db, `o:${orgId}`), BoundaryDirectory.read(db, `s:${orgId}`)]);
  const reads: Array<Promise<CaseListEntry[]>> = [];
  for (const directory of [own, shared]) {
    for (const role of roles) {
      // Newest first: when more cases than the inbox takes have a task for the role, the recently changed ones.
      reads.push(directory.segments(`t:${role}`).then((segments) => readUpTo(db, directory.boundary, segments, max)));
    }
  }
  // The due list is ordered by the earliest open deadline: only its segments starting by the horizon hold any.
  reads.push(own.segments('due').then(async (segments) => {
    const near = segments.filter((segment) => dueTimeOf(segment.first) <= horizon);
    return (await readUpTo(db, own.boundary, near, Infinity)).filter((entry) => entry.d !== null && entry.d <= horizon);
  }));
  const found = new Map<string, CaseListEntry>();
  for (const entries of await Promise.all(reads)) for (const entry of entries) if (entry.s === 'active') found.set(entry.i, entry);
  return [...found.values()].sort((a, b) => b.u - a.u || (a.i > b.i ? -1 : 1)).slice(0, max).map((entry) => entry.i);
}

/**
 * Ids (hex) of the active cases with an open task for one of `roles` at `orgId` (hex), or with a deadline by
 * `horizon` (ms) on a case `orgId` owns: at most `max`, the most recently changed first. Null while the lists are
 * being built (the first start after an upgrade): the caller then asks the database.
 */
export async function inboxCaseIds(db: Connection, orgId: string, roles: readonly string[], horizon: number, max: number): Promise<string[] | null> {
  if (!(await caseListsReady(db))) return null;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await collect(db, orgId, roles, horizon, max);
    } catch (error) {
      // A segment replaced by a writer after its directory was read: read again with a fresh directory.
      if (!(error instanceof StaleDirectoryError) || attempt >= 4) throw error;
    }
  }
}
