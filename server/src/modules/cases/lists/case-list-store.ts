import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { insertInBatches } from '../../../core/db/bulk-insert';
import { withClaimWaiting } from '../../../core/db/write-claim';
import { boundariesOf, compareIn, keyIn, listsOf, type CaseListEntry, type ListKey } from './case-list-entry';
import { chunkOf, SEARCH_CHUNKS, searchText } from './case-list-search';
import { applyIndexChanges, writeIndex, type IndexChange } from './case-list-search-index';

/*
 * The precomputed case lists, stored so that the database only ever looks documents up by `_id`, the one lookup
 * FerretDB v1's SQLite backend answers from an index (docs/case-queries.md). Per boundary (case-list-entry.ts):
 *
 *   `d:<boundary>`        the boundary's summary: per list, its number of entries (every count, and which lists
 *                         exist), a few bytes per list however long the lists are;
 *   `d:<boundary>:<list>` the list's directory: its segments in list order, each with its first and last key and its
 *                         number of entries, so a page at any depth is found without reading the entries (a page
 *                         reads only its own list's directory, not those of the boundary's other lists);
 *   `s:<boundary>:<id>`   a segment: up to SEGMENT_MAX entries of one list, in list order, as JSON text (one value
 *                         for the database to decode, not some 4,000);
 *   `q:<boundary>:<n>`    per segment of the whole-boundary list, the text of its references and aliases, in
 *                         SEARCH_CHUNKS chunks, so a search reads only the segments that hold a match
 *                         (case-list-search.ts), for searches the search index cannot narrow down;
 *   `x:<boundary>...`     the search index (case-list-search-index.ts).
 *
 * Only the holder of the boundary's claim (`case-list:<boundary>`) writes these documents: updates are
 * read-modify-write, which FerretDB does not make atomic, and an insert under a unique `_id` is the one atomic step.
 */

export const SEGMENT_MAX = 200;
/** Entries per segment when lists are built in bulk; room to grow before the first split. */
const SEGMENT_FILL = 150;
/** A segment this small is merged into the next one when both fit in three quarters of a segment. */
const SEGMENT_MIN = 40;
const LOCK_LEASE_MS = 15_000;
const LOCK_WAIT_MS = 30_000;

export const CASE_LISTS = 'case_lists';
/** Per case, the entry it is listed with now (`_id`: the case id), so an update knows what to take out. */
export const CASE_LIST_ENTRIES = 'case_list_entries';

interface EntryDoc {
  _id: string;
  t: string;
  v: number;
}

export const entryDocs = (db: Connection) => db.collection<EntryDoc>(CASE_LIST_ENTRIES);

export interface SegmentRef {
  id: string;
  first: ListKey;
  last: ListKey;
  n: number;
}

/** Per list, its segments in list order. */
export type Directory = Record<string, SegmentRef[]>;

/** Per list, its number of entries. */
export type Summary = Record<string, number>;

interface TextDoc {
  _id: string;
  t: string;
}

const lists = (db: Connection) => db.collection<TextDoc>(CASE_LISTS);
const segmentDocId = (boundary: string, id: string) => `s:${boundary}:${id}`;
const newSegmentId = () => randomBytes(6).toString('base64url');

type PackedRef = [string, number | string, string, number | string, string, number];

const summaryDocId = (boundary: string) => `d:${boundary}`;
const listDocId = (boundary: string, list: string) => `d:${boundary}:${list}`;
const packList = (segments: readonly SegmentRef[]) => JSON.stringify(segments.map((s): PackedRef => [s.id, s.first.k, s.first.i, s.last.k, s.last.i, s.n]));
const unpackList = (text: string): SegmentRef[] =>
  (JSON.parse(text) as PackedRef[]).map(([id, fk, fi, lk, li, n]) => ({ id, first: { k: fk, i: fi }, last: { k: lk, i: li }, n }));
const countOf = (segments: readonly SegmentRef[]) => segments.reduce((sum, segment) => sum + segment.n, 0);

export async function readSummary(db: Connection, boundary: string): Promise<Summary> {
  const doc = await lists(db).findOne({ _id: summaryDocId(boundary) });
  return doc ? (JSON.parse(doc.t) as Summary) : {};
}

/** One list's segments in order (none when the list is empty). */
export async function readListDirectory(db: Connection, boundary: string, list: string): Promise<SegmentRef[]> {
  const doc = await lists(db).findOne({ _id: listDocId(boundary, list) });
  return doc ? unpackList(doc.t) : [];
}

/**
 * A boundary's lists as a request sees them: every count from the summary, read once; a list's segments read when
 * the request needs them, once.
 */
export class BoundaryDirectory {
  private readonly loaded = new Map<string, Promise<SegmentRef[]>>();
  constructor(
    private readonly db: Connection,
    readonly boundary: string,
    private readonly summary: Summary,
  ) {}
  static async read(db: Connection, boundary: string): Promise<BoundaryDirectory> {
    return new BoundaryDirectory(db, boundary, await readSummary(db, boundary));
  }
  count(list: string): number {
    return this.summary[list] ?? 0;
  }
  /** The lists that have entries. */
  lists(): string[] {
    return Object.keys(this.summary).filter((list) => this.summary[list]! > 0);
  }
  segments(list: string): Promise<SegmentRef[]> {
    let segments = this.loaded.get(list);
    if (!segments) this.loaded.set(list, (segments = this.count(list) > 0 ? readListDirectory(this.db, this.boundary, list) : Promise.resolve([])));
    return segments;
  }
}

/** Every list's segments (tests and tools; a request reads only the lists it needs). */
export async function readDirectory(db: Connection, boundary: string): Promise<Directory> {
  const summary = await readSummary(db, boundary);
  const listed = Object.keys(summary);
  const segments = await Promise.all(listed.map((list) => readListDirectory(db, boundary, list)));
  return Object.fromEntries(listed.map((list, index) => [list, segments[index]!]));
}

/** Per segment of the boundary's whole list, its search text (case-list-search.ts). */
export async function readSearchTexts(db: Connection, boundary: string): Promise<Record<string, string>> {
  const docs = await Promise.all(Array.from({ length: SEARCH_CHUNKS }, (_, chunk) => lists(db).findOne({ _id: `q:${boundary}:${chunk}` })));
  return Object.assign({}, ...docs.map((doc) => (doc ? (JSON.parse(doc.t) as Record<string, string>) : {}))) as Record<string, string>;
}

/** Segments by id, each read by its `_id` (a `$in` would make the embedded database scan the collection). */
export async function readSegments(db: Connection, boundary: string, ids: readonly string[]): Promise<Map<string, CaseListEntry[]>> {
  const docs = await Promise.all(ids.map((id) => lists(db).findOne({ _id: segmentDocId(boundary, id) })));
  const result = new Map<string, CaseListEntry[]>();
  ids.forEach((id, index) => {
    const doc = docs[index];
    // A segment the directory names but that is gone was replaced by a writer after this reader read the directory.
    if (!doc) throw new StaleDirectoryError();
    result.set(id, JSON.parse(doc.t) as CaseListEntry[]);
  });
  return result;
}

export class StaleDirectoryError extends Error {
  constructor() {
    super('a case list changed while it was read');
  }
}

/** The index of the segment whose key range holds `key`, or -1. */
function containing(list: string, segments: readonly SegmentRef[], key: ListKey): number {
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]!;
    if (compareIn(list, key, segment.last) <= 0) return compareIn(list, key, segment.first) >= 0 ? index : -1;
  }
  return -1;
}

/** The index of the segment a new entry with `key` goes into. */
function insertionPoint(list: string, segments: readonly SegmentRef[], key: ListKey): number {
  for (let index = 0; index < segments.length; index += 1) if (compareIn(list, key, segments[index]!.last) <= 0) return index;
  return segments.length - 1;
}

function refOf(list: string, id: string, entries: CaseListEntry[]): SegmentRef {
  return { id, first: keyIn(entries[0]!, list), last: keyIn(entries[entries.length - 1]!, list), n: entries.length };
}

/** A change to one list of a boundary: take out the entry at `remove` (if there), then put `put` in its place. */
export interface ListOp {
  list: string;
  remove?: ListKey;
  put?: CaseListEntry;
}

/** Holds the claim `key` while `work` runs, waiting for it (with growing pauses) up to LOCK_WAIT_MS. */
export function withClaim<T>(db: Connection, key: string, work: () => Promise<T>): Promise<T> {
  return withClaimWaiting(db, key, work, LOCK_LEASE_MS, LOCK_WAIT_MS);
}

/**
 * Applies changes to the lists of one boundary under its claim: segments are split when they grow past
 * SEGMENT_MAX, merged with the next one when they shrink, removed when empty; the directory and the search texts
 * follow. Taking out an entry that is not there and putting one that already is are harmless, so a change can be
 * applied again after a crash.
 */
export async function applyListOps(db: Connection, boundary: string, ops: readonly ListOp[]): Promise<void> {
  if (ops.length === 0) return;
  await withClaim(db, `case-list:${boundary}`, async () => {
    // The summary and the directories of the lists the changes name (not of the boundary's other lists).
    const named = [...new Set(ops.map((op) => op.list))];
    const [summary, ...namedSegments] = await Promise.all([readSummary(db, boundary), ...named.map((list) => readListDirectory(db, boundary, list))]);
    const directory: Directory = Object.fromEntries(named.map((list, index) => [list, namedSegments[index]!]));
    // The directories and the summary as read: one that the changes leave as it was is not written again (a case
    // changed in place in a list ordered by reference, or moved within the head segment of one ordered by last
    // change keeps its counts).
    const directoryRead = new Map(named.map((list, index) => [list, packList(namedSegments[index]!)]));
    const summaryRead = JSON.stringify(summary);
    const loaded = new Map<string, CaseListEntry[]>();
    // The search text of each segment as read: a segment whose text is the same after the changes keeps its chunk.
    const textRead = new Map<string, string>();
    const load = async (ids: string[]) => {
      const missing = [...new Set(ids.filter((id) => !loaded.has(id)))];
      if (missing.length) {
        for (const [id, entries] of await readSegments(db, boundary, missing)) {
          loaded.set(id, entries);
          textRead.set(id, searchText(entries));
        }
      }
    };
    // Read every segment the changes name at once; splits and merges below may need a few more.
    await load(
      ops.flatMap((op) => {
        const segments = directory[op.list] ?? [];
        const wanted: string[] = [];
        if (op.remove) {
          const at = containing(op.list, segments, op.remove);
          if (at >= 0) wanted.push(segments[at]!.id);
        }
        if (op.put && segments.length > 0) wanted.push(segments[insertionPoint(op.list, segments, keyIn(op.put, op.list))]!.id);
        return wanted;
      }),
    );
    const written = new Set<string>();
    const deleted = new Set<string>();
    const searchChanged = new Set<string>();
    // Per case, what the whole list held of it before and holds after: the search index follows.
    const indexChanges = new Map<string, IndexChange>();
    const indexChange = (id: string) => {
      let change = indexChanges.get(id);
      if (!change) indexChanges.set(id, (change = { id }));
      return change;
    };

    for (const op of ops) {
      const segments = (directory[op.list] ??= []);
      const touched: number[] = [];
      if (op.remove) {
        const at = containing(op.list, segments, op.remove);
        if (at >= 0) {
          await load([segments[at]!.id]);
          const entries = loaded.get(segments[at]!.id)!;
          const index = entries.findIndex((entry) => entry.i === op.remove!.i);
          if (index >= 0) {
            if (op.list === '') indexChange(op.remove.i).before ??= entries[index];
            entries.splice(index, 1);
            touched.push(at);
          }
        }
      }
      if (op.put) {
        if (op.list === '') indexChange(op.put.i).after = op.put;
        const key = keyIn(op.put, op.list);
        if (segments.length === 0) {
          const id = newSegmentId();
          loaded.set(id, [op.put]);
          segments.push(refOf(op.list, id, [op.put]));
          touched.push(0);
        } else {
          const at = insertionPoint(op.list, segments, key);
          await load([segments[at]!.id]);
          const entries = loaded.get(segments[at]!.id)!;
          const stale = entries.findIndex((entry) => entry.i === op.put!.i);
          if (stale >= 0) entries.splice(stale, 1);
          let index = 0;
          while (index < entries.length && compareIn(op.list, keyIn(entries[index]!, op.list), key) < 0) index += 1;
          entries.splice(index, 0, op.put);
          touched.push(at);
        }
      }
      // Tidy the touched segments, last first so that earlier indexes stay valid.
      for (const at of [...new Set(touched)].sort((a, b) => b - a)) {
        await tidy(op.list, segments, at);
      }
    }

    async function tidy(list: string, segments: SegmentRef[], at: number): Promise<void> {
      const ref = segments[at]!;
      let entries = loaded.get(ref.id)!;
      const next = segments[at + 1];
      if (entries.length > 0 && entries.length < SEGMENT_MIN && next && next.n + entries.length <= (SEGMENT_MAX * 3) / 4) {
        await load([next.id]);
        entries = [...entries, ...loaded.get(next.id)!];
        loaded.set(ref.id, entries);
        segments.splice(at + 1, 1);
        deleted.add(next.id);
        if (list === '') searchChanged.add(next.id);
      }
      if (entries.length === 0) {
        segments.splice(at, 1);
        deleted.add(ref.id);
        if (list === '') searchChanged.add(ref.id);
        return;
      }
      if (entries.length > SEGMENT_MAX) {
        const half = Math.ceil(entries.length / 2);
        const tailId = newSegmentId();
        loaded.set(ref.id, entries.slice(0, half));
        loaded.set(tailId, entries.slice(half));
        segments.splice(at, 1, refOf(list, ref.id, loaded.get(ref.id)!), refOf(list, tailId, loaded.get(tailId)!));
        written.add(ref.id).add(tailId);
        if (list === '') searchChanged.add(ref.id).add(tailId);
        return;
      }
      segments[at] = refOf(list, ref.id, entries);
      written.add(ref.id);
      if (list === '') searchChanged.add(ref.id);
    }

    const writes: Array<Promise<unknown>> = [];
    for (const id of written) {
      if (deleted.has(id)) continue;
      writes.push(lists(db).replaceOne({ _id: segmentDocId(boundary, id) }, { t: JSON.stringify(loaded.get(id)) }, { upsert: true }));
    }
    for (const id of deleted) writes.push(lists(db).deleteOne({ _id: segmentDocId(boundary, id) }));
    // The search texts of the whole list's changed segments, in the chunks they belong to; a segment whose references
    // and aliases are those it had (a case changed without a new reference or alias) leaves its chunk alone.
    const chunks = new Map<number, string[]>();
    for (const id of searchChanged) {
      if (!deleted.has(id) && textRead.get(id) === searchText(loaded.get(id)!)) continue;
      chunks.set(chunkOf(id), [...(chunks.get(chunkOf(id)) ?? []), id]);
    }
    const chunkDocs = await Promise.all([...chunks.keys()].map((chunk) => lists(db).findOne({ _id: `q:${boundary}:${chunk}` })));
    [...chunks].forEach(([chunk, ids], index) => {
      const doc = chunkDocs[index];
      const texts = doc ? (JSON.parse(doc.t) as Record<string, string>) : {};
      for (const id of ids) {
        if (deleted.has(id)) delete texts[id];
        else texts[id] = searchText(loaded.get(id)!);
      }
      writes.push(lists(db).replaceOne({ _id: `q:${boundary}:${chunk}` }, { t: JSON.stringify(texts) }, { upsert: true }));
    });
    // The directory last: until it is written, readers see the segments it named before, which are still whole
    // unless deleted above (a reader that finds one gone reads again: StaleDirectoryError).
    writes.push(applyIndexChanges(db, CASE_LISTS, boundary, [...indexChanges.values()]));
    await Promise.all(writes);
    // The lists' directories, then the summary: until they are written, readers see the segments named before, which
    // are still whole unless deleted above (a reader that finds one gone reads again: StaleDirectoryError).
    await Promise.all(
      named.map((list) => {
        const segments = directory[list]!;
        const packed = packList(segments);
        if (segments.length === 0) delete summary[list];
        else summary[list] = countOf(segments);
        if (packed === directoryRead.get(list)) return null;
        if (segments.length === 0) return lists(db).deleteOne({ _id: listDocId(boundary, list) });
        return lists(db).replaceOne({ _id: listDocId(boundary, list) }, { t: packed }, { upsert: true });
      }),
    );
    const summaryText = JSON.stringify(summary);
    if (summaryText !== summaryRead) await lists(db).replaceOne({ _id: summaryDocId(boundary) }, { t: summaryText }, { upsert: true });
  });
}

/** Every list of one boundary, built from its entries in one go (a migration, or a benchmark's seed). */
export async function writeBoundaryLists(db: Connection, boundary: string, entries: readonly CaseListEntry[]): Promise<void> {
  const byList = new Map<string, CaseListEntry[]>();
  for (const entry of entries) {
    for (const list of listsOf(entry, boundary)) {
      let members = byList.get(list);
      if (!members) byList.set(list, (members = []));
      members.push(entry);
    }
  }
  const directory: Directory = {};
  const texts: Array<Record<string, string>> = Array.from({ length: SEARCH_CHUNKS }, () => ({}));
  const docs: TextDoc[] = [];
  for (const [list, members] of byList) {
    members.sort((a, b) => compareIn(list, keyIn(a, list), keyIn(b, list)));
    const segments: SegmentRef[] = [];
    for (let start = 0; start < members.length; start += SEGMENT_FILL) {
      const chunk = members.slice(start, start + SEGMENT_FILL);
      const id = newSegmentId();
      segments.push(refOf(list, id, chunk));
      docs.push({ _id: segmentDocId(boundary, id), t: JSON.stringify(chunk) });
      if (list === '') texts[chunkOf(id)]![id] = searchText(chunk);
    }
    directory[list] = segments;
    docs.push({ _id: listDocId(boundary, list), t: packList(segments) });
  }
  // The segments, the search texts and the search index at once (nobody reads a boundary being built: the migration
  // writes its summary last and marks the lists ready after every boundary).
  await Promise.all([
    insertInBatches(lists(db), docs),
    ...texts.map((chunk, index) => lists(db).replaceOne({ _id: `q:${boundary}:${index}` }, { t: JSON.stringify(chunk) }, { upsert: true })),
    writeIndex(db, CASE_LISTS, boundary, entries),
  ]);
  const summary: Summary = Object.fromEntries(Object.entries(directory).map(([list, segments]) => [list, countOf(segments)]));
  await lists(db).replaceOne({ _id: summaryDocId(boundary) }, { t: JSON.stringify(summary) }, { upsert: true });
}

/** Entries grouped by the boundaries they are listed in. */
export function byBoundary(entries: Iterable<CaseListEntry>): Map<string, CaseListEntry[]> {
  const grouped = new Map<string, CaseListEntry[]>();
  for (const entry of entries) {
    for (const boundary of boundariesOf(entry)) {
      let members = grouped.get(boundary);
      if (!members) grouped.set(boundary, (members = []));
      members.push(entry);
    }
  }
  return grouped;
}
