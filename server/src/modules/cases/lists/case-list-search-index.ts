import type { Connection } from 'mongoose';
import { insertInBatches } from '../../../core/db/bulk-insert';
import type { CaseListEntry } from './case-list-entry';
import { foldCase } from './case-list-search';

/*
 * A search index per boundary, so that a search by part of a reference or alias reads a few small documents, not the
 * text of every case, and not lists of case ids that grow with the boundary (docs/case-queries.md). Its unit is a
 * *value*: a folded reference or alias, however many cases carry it. Stored in `case_lists`, read by `_id` only:
 *
 *   `x:<boundary>`                       per trigram, how many values hold it and in how many buckets (2^level)
 *   `x:<boundary>:<trigram>:<bucket>`     the values holding the trigram whose text hashes to the bucket
 *   `k:<boundary>:<value>`               the entries of the boundary's cases whose reference or alias is the value
 *
 * A search reads the values of its query's rarest trigram, keeps those that hold the query (the values themselves
 * decide: no intersection of id lists), and reads the entries of each value kept by `_id`. Its cost follows the
 * number of distinct values holding the trigram and of values matching the query, never the number of cases: a full
 * alias that fifteen cases share is one value and one document. The entries kept per value are copies, written with
 * the lists under the boundary's claim (case-list-store.ts) like every other list of the boundary; the permission
 * layer still decides on each (case-list-query.ts). Queries shorter than three characters, queries whose every
 * trigram is in more than RAREST_READ_MAX values, and queries matching more than VALUES_READ_MAX values read the
 * lists instead.
 */

const BUCKET_MAX = 512;
/** The rarest trigram's values read at most (a few buckets); a query whose every trigram is commoner reads the lists. */
const RAREST_READ_MAX = 8 * BUCKET_MAX;
/** Values matching a query whose entries are read at most (one document each). */
const VALUES_READ_MAX = 64;

interface TextDoc {
  _id: string;
  t: string;
}

/** Per trigram: [number of values, bucket level]. */
export type TrigramDirectory = Record<string, [number, number]>;

const docs = (db: Connection, collection: string) => db.collection<TextDoc>(collection);
const directoryId = (boundary: string) => `x:${boundary}`;
const bucketId = (boundary: string, trigram: string, bucket: number) => `x:${boundary}:${trigram}:${bucket}`;
const keyId = (boundary: string, value: string) => `k:${boundary}:${value}`;

function hashOf(text: string): number {
  // Kept in int32 while it is worked out (a uint32 above 2^31 would be a heap number at every step); the same value
  // as `>>> 0` at every step.
  let hash = 0;
  for (let index = 0; index < text.length; index += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0;
  return hash >>> 0;
}

const bucketOf = (value: string, level: number) => hashOf(value) & ((1 << level) - 1);

/** The trigrams of a folded text, by code points (a trigram never splits a character). */
export function trigramsOf(folded: string): string[] {
  const chars = Array.from(folded);
  const result = new Set<string>();
  for (let index = 0; index + 3 <= chars.length; index += 1) result.add(chars.slice(index, index + 3).join(''));
  return [...result];
}

/**
 * The values a search can reach an entry by: its folded reference and its folded alias, when they have a trigram (a
 * query shorter than three characters reads the lists, and a longer one is in no shorter value).
 */
export function entryValues(entry: Pick<CaseListEntry, 'r' | 'a'> | undefined): Set<string> {
  if (!entry) return new Set();
  return new Set([foldCase(entry.r), foldCase(entry.a)].filter((value) => trigramsOf(value).length > 0));
}

async function readDirectory(db: Connection, collection: string, boundary: string): Promise<TrigramDirectory> {
  const doc = await docs(db, collection).findOne({ _id: directoryId(boundary) });
  return doc ? (JSON.parse(doc.t) as TrigramDirectory) : {};
}

async function readBucket(db: Connection, collection: string, boundary: string, trigram: string, bucket: number): Promise<string[]> {
  const doc = await docs(db, collection).findOne({ _id: bucketId(boundary, trigram, bucket) });
  return doc ? (JSON.parse(doc.t) as string[]) : [];
}

async function readTrigram(db: Connection, collection: string, boundary: string, trigram: string, level: number): Promise<string[]> {
  const buckets = await Promise.all(Array.from({ length: 1 << level }, (_, bucket) => readBucket(db, collection, boundary, trigram, bucket)));
  return buckets.flat();
}

async function readKey(db: Connection, collection: string, boundary: string, value: string): Promise<CaseListEntry[]> {
  const doc = await docs(db, collection).findOne({ _id: keyId(boundary, value) });
  return doc ? (JSON.parse(doc.t) as CaseListEntry[]) : [];
}

/**
 * The entries of the boundary's cases whose folded reference or alias holds `folded` (as the index last stored them),
 * or null when the index cannot answer with at most `limit` entries (the caller reads the lists).
 */
export async function searchEntries(db: Connection, collection: string, boundary: string, folded: string, limit: number): Promise<CaseListEntry[] | null> {
  const trigrams = trigramsOf(folded);
  if (trigrams.length === 0) return null;
  const directory = await readDirectory(db, collection, boundary);
  const counted = trigrams.map((trigram) => ({ trigram, count: directory[trigram]?.[0] ?? 0, level: directory[trigram]?.[1] ?? 0 }));
  const rarest = counted.reduce((best, item) => (item.count < best.count ? item : best));
  // A trigram no value holds: no case holds the query.
  if (rarest.count === 0) return [];
  if (rarest.count > RAREST_READ_MAX) return null;
  const values = (await readTrigram(db, collection, boundary, rarest.trigram, rarest.level)).filter((value) => value.includes(folded));
  if (values.length > Math.min(limit, VALUES_READ_MAX)) return null;
  const entries = (await Promise.all(values.map((value) => readKey(db, collection, boundary, value)))).flat();
  // A case whose reference holds the query and whose alias too is under both values: once.
  const unique = [...new Map(entries.map((entry) => [entry.i, entry])).values()];
  return unique.length > limit ? null : unique;
}

/** A change of the cases a boundary's index holds: per case id, the entry before (if listed) and after (if listed). */
export interface IndexChange {
  id: string;
  before?: CaseListEntry;
  after?: CaseListEntry;
}

/**
 * Applies changes to a boundary's index; the caller holds the boundary's claim. Every change of a listed entry
 * rewrites the entries kept under its values; the trigrams' values change only when a value gains its first case or
 * loses its last. Applying a change again changes nothing more, so it can be applied again after a crash (a value
 * added to a case is made sure of in its trigrams' buckets, even when its entries were already written).
 */
export async function applyIndexChanges(db: Connection, collection: string, boundary: string, changes: readonly IndexChange[]): Promise<void> {
  // Per value, the entries to put (by case id) and the case ids to take out; the values newly on a case.
  const puts = new Map<string, Map<string, CaseListEntry>>();
  const takes = new Map<string, Set<string>>();
  const gained = new Set<string>();
  for (const change of changes) {
    const before = entryValues(change.before);
    const after = entryValues(change.after);
    for (const value of after) {
      if (!puts.has(value)) puts.set(value, new Map());
      puts.get(value)!.set(change.id, change.after!);
      if (!change.before || !before.has(value)) gained.add(value);
    }
    for (const value of before) {
      if (after.has(value)) continue;
      if (!takes.has(value)) takes.set(value, new Set());
      takes.get(value)!.add(change.id);
    }
  }
  const values = [...new Set([...puts.keys(), ...takes.keys()])];
  if (values.length === 0) return;
  const kept = await Promise.all(values.map((value) => readKey(db, collection, boundary, value)));
  // Values that lose their last case leave their trigrams; values a case gained are made sure of in theirs.
  const emptied = new Set<string>();
  const writes: Array<Promise<unknown>> = [];
  values.forEach((value, index) => {
    const byId = new Map(kept[index]!.map((entry) => [entry.i, entry]));
    for (const id of takes.get(value) ?? []) byId.delete(id);
    for (const [id, entry] of puts.get(value) ?? []) byId.set(id, entry);
    const entries = [...byId.values()].sort((a, b) => (a.i < b.i ? -1 : a.i > b.i ? 1 : 0));
    const _id = keyId(boundary, value);
    if (entries.length === 0) {
      emptied.add(value);
      writes.push(docs(db, collection).deleteOne({ _id }));
    } else writes.push(docs(db, collection).replaceOne({ _id }, { t: JSON.stringify(entries) }, { upsert: true }));
  });
  writes.push(applyTrigramChanges(db, collection, boundary, gained, emptied));
  await Promise.all(writes);
}

/** Puts `adds` into the buckets of each of their trigrams and takes `removes` out of theirs. */
async function applyTrigramChanges(db: Connection, collection: string, boundary: string, adds: ReadonlySet<string>, removes: ReadonlySet<string>): Promise<void> {
  const perTrigram = new Map<string, { adds: string[]; removes: string[] }>();
  const note = (value: string, kind: 'adds' | 'removes') => {
    for (const trigram of trigramsOf(value)) {
      let item = perTrigram.get(trigram);
      if (!item) perTrigram.set(trigram, (item = { adds: [], removes: [] }));
      item[kind].push(value);
    }
  };
  for (const value of adds) if (!removes.has(value)) note(value, 'adds');
  for (const value of removes) note(value, 'removes');
  if (perTrigram.size === 0) return;
  const directory = await readDirectory(db, collection, boundary);
  const changedTrigrams = new Set<string>();
  const writes: Array<Promise<unknown>> = [];
  await Promise.all(
    [...perTrigram].map(async ([trigram, change]) => {
      const [count, level] = directory[trigram] ?? [0, 0];
      // The buckets this trigram's changes fall in, read, changed and written back if they changed.
      const buckets = new Map<number, string[]>();
      await Promise.all(
        [...new Set([...change.adds, ...change.removes].map((value) => bucketOf(value, level)))].map(async (bucket) =>
          buckets.set(bucket, await readBucket(db, collection, boundary, trigram, bucket)),
        ),
      );
      const changed = new Set<number>();
      let total = count;
      for (const value of change.adds) {
        const bucket = buckets.get(bucketOf(value, level))!;
        if (!bucket.includes(value)) {
          bucket.push(value);
          changed.add(bucketOf(value, level));
          total += 1;
        }
      }
      for (const value of change.removes) {
        const bucket = buckets.get(bucketOf(value, level))!;
        const at = bucket.indexOf(value);
        if (at >= 0) {
          bucket.splice(at, 1);
          changed.add(bucketOf(value, level));
          total -= 1;
        }
      }
      if (changed.size === 0) return;
      changedTrigrams.add(trigram);
      if (total > BUCKET_MAX << level) {
        // Grown past its buckets: every value of the trigram goes to twice as many.
        const all = [...(await readTrigram(db, collection, boundary, trigram, level)).filter((value) => !buckets.has(bucketOf(value, level))), ...[...buckets.values()].flat()];
        const wider = level + 1;
        const spread = Array.from({ length: 1 << wider }, () => [] as string[]);
        for (const value of new Set(all)) spread[bucketOf(value, wider)]!.push(value);
        spread.forEach((members, bucket) => writes.push(writeBucket(db, collection, boundary, trigram, bucket, members)));
        directory[trigram] = [spread.reduce((sum, members) => sum + members.length, 0), wider];
        return;
      }
      for (const bucket of changed) writes.push(writeBucket(db, collection, boundary, trigram, bucket, buckets.get(bucket)!));
      if (total > 0) directory[trigram] = [total, level];
      else delete directory[trigram];
    }),
  );
  await Promise.all(writes);
  if (changedTrigrams.size > 0) await docs(db, collection).replaceOne({ _id: directoryId(boundary) }, { t: JSON.stringify(directory) }, { upsert: true });
}

function writeBucket(db: Connection, collection: string, boundary: string, trigram: string, bucket: number, values: string[]) {
  const _id = bucketId(boundary, trigram, bucket);
  return values.length > 0 ? docs(db, collection).replaceOne({ _id }, { t: JSON.stringify(values) }, { upsert: true }) : docs(db, collection).deleteOne({ _id });
}

/** Per value, the entries that carry it, in case id order. */
function entriesByValue(entries: readonly CaseListEntry[]): Map<string, CaseListEntry[]> {
  const byValue = new Map<string, CaseListEntry[]>();
  for (const entry of entries) {
    for (const value of entryValues(entry)) {
      let members = byValue.get(value);
      if (!members) byValue.set(value, (members = []));
      members.push(entry);
    }
  }
  for (const members of byValue.values()) members.sort((a, b) => (a.i < b.i ? -1 : a.i > b.i ? 1 : 0));
  return byValue;
}

/** A boundary's whole index, built from its entries in one go (the migration, or a benchmark's seed). */
export async function writeIndex(db: Connection, collection: string, boundary: string, entries: readonly CaseListEntry[]): Promise<void> {
  const byValue = entriesByValue(entries);
  const byTrigram = new Map<string, string[]>();
  const batch: TextDoc[] = [];
  for (const [value, members] of byValue) {
    batch.push({ _id: keyId(boundary, value), t: JSON.stringify(members) });
    for (const trigram of trigramsOf(value)) {
      let values = byTrigram.get(trigram);
      if (!values) byTrigram.set(trigram, (values = []));
      values.push(value);
    }
  }
  const directory: TrigramDirectory = {};
  for (const [trigram, values] of byTrigram) {
    let level = 0;
    while (values.length > BUCKET_MAX << level) level += 1;
    const spread = Array.from({ length: 1 << level }, () => [] as string[]);
    for (const value of values) spread[bucketOf(value, level)]!.push(value);
    spread.forEach((members, bucket) => {
      if (members.length > 0) batch.push({ _id: bucketId(boundary, trigram, bucket), t: JSON.stringify(members) });
    });
    directory[trigram] = [values.length, level];
  }
  await insertInBatches(docs(db, collection), batch);
  await docs(db, collection).replaceOne({ _id: directoryId(boundary) }, { t: JSON.stringify(directory) }, { upsert: true });
}

/** The whole index of a boundary as stored (for tests): per trigram its values, per value its entries. */
export async function readIndex(db: Connection, collection: string, boundary: string): Promise<{ trigrams: Map<string, string[]>; values: Map<string, CaseListEntry[]> }> {
  const directory = await readDirectory(db, collection, boundary);
  const trigrams = new Map<string, string[]>();
  const listed = Object.entries(directory);
  for (let start = 0; start < listed.length; start += 32) {
    const chunk = listed.slice(start, start + 32);
    const read = await Promise.all(chunk.map(([trigram, [, level]]) => readTrigram(db, collection, boundary, trigram, level)));
    chunk.forEach(([trigram], index) => trigrams.set(trigram, read[index]!.sort()));
  }
  const names = [...new Set([...trigrams.values()].flat())];
  const values = new Map<string, CaseListEntry[]>();
  for (let start = 0; start < names.length; start += 32) {
    const chunk = names.slice(start, start + 32);
    const read = await Promise.all(chunk.map((value) => readKey(db, collection, boundary, value)));
    chunk.forEach((value, index) => values.set(value, read[index]!));
  }
  return { trigrams, values };
}

/** The index as it should be for these entries (for tests). */
export function expectedIndex(entries: readonly CaseListEntry[]): { trigrams: Map<string, string[]>; values: Map<string, CaseListEntry[]> } {
  const values = entriesByValue(entries);
  const trigrams = new Map<string, string[]>();
  for (const value of values.keys()) for (const trigram of trigramsOf(value)) trigrams.set(trigram, [...(trigrams.get(trigram) ?? []), value]);
  for (const list of trigrams.values()) list.sort();
  return { trigrams, values };
}
