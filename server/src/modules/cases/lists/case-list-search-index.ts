import type { Connection } from 'mongoose';
import { insertInBatches } from '../../../core/db/bulk-insert';
import type { CaseListEntry } from './case-list-entry';
import { foldCase } from './case-list-search';

/*
 * A search index per boundary, so that a search by part of a reference or alias reads a few small documents and the
 * entries that match, not the text of every case (which grew with the list: docs/case-queries.md). Per trigram (three
 * characters of a folded reference or alias), the ids of the boundary's cases whose reference or alias holds it;
 * stored in `case_lists`, read by `_id` only:
 *
 *   `x:<boundary>`                       per trigram, how many cases hold it and in how many buckets (2^level)
 *   `x:<boundary>:<trigram>:<bucket>`     the ids of those cases whose id hashes to the bucket
 *
 * A case holding the query holds every trigram of it, so the ids of the query's rarest trigrams, intersected, are
 * every candidate; the candidates' entries decide (case-list-query.ts). Queries shorter than three characters, and
 * queries made only of trigrams most cases hold, read the lists instead. A trigram's ids grow into more buckets as
 * its count grows, so no document holds more than about BUCKET_MAX ids. Written under the boundary's claim with its
 * lists (case-list-store.ts).
 */

const BUCKET_MAX = 512;
/** Trigrams read for a query at first: the rarest ones, whose intersection is usually small already. */
const TRIGRAMS_READ = 4;
/** Trigrams read one by one after those while the candidates are too many to read their entries. */
const TRIGRAMS_READ_MAX = 8;
/** The rarest trigram's ids read at most (a few buckets); a query whose every trigram is commoner reads the lists. */
const RAREST_READ_MAX = 8 * BUCKET_MAX;

interface TextDoc {
  _id: string;
  t: string;
}

/** Per trigram: [number of cases, bucket level]. */
export type TrigramDirectory = Record<string, [number, number]>;

const docs = (db: Connection, collection: string) => db.collection<TextDoc>(collection);
const directoryId = (boundary: string) => `x:${boundary}`;
const bucketId = (boundary: string, trigram: string, bucket: number) => `x:${boundary}:${trigram}:${bucket}`;

function hashOf(text: string): number {
  // Kept in int32 while it is worked out (a uint32 above 2^31 would be a heap number at every step, which made
  // building an index spend most of its time here); the same value as `>>> 0` at every step.
  let hash = 0;
  for (let index = 0; index < text.length; index += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0;
  return hash >>> 0;
}

const bucketOf = (id: string, level: number) => hashOf(id) & ((1 << level) - 1);

/** The trigrams of a folded text, by code points (a trigram never splits a character). */
export function trigramsOf(folded: string): string[] {
  const chars = Array.from(folded);
  const result = new Set<string>();
  for (let index = 0; index + 3 <= chars.length; index += 1) result.add(chars.slice(index, index + 3).join(''));
  return [...result];
}

/** The trigrams a search can reach an entry by: those of its folded reference and of its folded alias. */
export function entryTrigrams(entry: Pick<CaseListEntry, 'r' | 'a'> | undefined): Set<string> {
  if (!entry) return new Set();
  return new Set([...trigramsOf(foldCase(entry.r)), ...trigramsOf(foldCase(entry.a))]);
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

/**
 * The trigrams to read for a query, rarest first: after the rarest, those whose place in the query overlaps none
 * already chosen (trigrams of one word are held by the same cases: "kor", "orh", "rho" of a surname narrow nothing
 * down that one of them does not, while a trigram of the first name beside one of the surname does), then the others
 * by rarity. Each as rare as the read rules allow (see searchCandidates).
 */
function trigramsToRead(folded: string, directory: TrigramDirectory): Array<{ trigram: string; count: number; level: number; at: number }> {
  const chars = Array.from(folded);
  const places = new Map<string, number>();
  for (let index = 0; index + 3 <= chars.length; index += 1) {
    const trigram = chars.slice(index, index + 3).join('');
    if (!places.has(trigram)) places.set(trigram, index);
  }
  const counted = [...places].map(([trigram, at]) => ({ trigram, at, count: directory[trigram]?.[0] ?? 0, level: directory[trigram]?.[1] ?? 0 }));
  counted.sort((a, b) => a.count - b.count || a.at - b.at);
  if (counted.length === 0) return [];
  const bound = Math.min(Math.max(4 * counted[0]!.count, BUCKET_MAX), 2 * RAREST_READ_MAX);
  const eligible = counted.filter((item, index) => index === 0 || item.count <= bound);
  const chosen = [eligible[0]!];
  const overlaps = (at: number) => chosen.some((item) => Math.abs(item.at - at) < 3);
  for (const item of eligible.slice(1)) if (!overlaps(item.at)) chosen.push(item);
  for (const item of eligible.slice(1)) if (!chosen.includes(item)) chosen.push(item);
  return chosen;
}

/**
 * The ids of the boundary's cases that may hold `folded` in their reference or alias (a superset of those that do),
 * or null when the index cannot narrow the search down to at most `limit` candidates (the caller reads the lists).
 * Reads TRIGRAMS_READ trigrams, and more (up to TRIGRAMS_READ_MAX) while the candidates are still too many.
 */
export async function searchCandidates(db: Connection, collection: string, boundary: string, folded: string, limit: number): Promise<string[] | null> {
  if (trigramsOf(folded).length === 0) return null;
  const directory = await readDirectory(db, collection, boundary);
  const chosen = trigramsToRead(folded, directory);
  // A trigram no case holds: no case holds the query.
  if (chosen[0]!.count === 0) return [];
  // Ids are cheap to read (about 27 bytes each), entries are not: the intersection is what must be small.
  if (chosen[0]!.count > RAREST_READ_MAX) return null;
  // The rarest trigram's ids, narrowed by each further trigram read.
  let candidates = new Set<string>();
  for (let start = 0; start < Math.min(chosen.length, TRIGRAMS_READ_MAX); start = start === 0 ? TRIGRAMS_READ : start + 1) {
    const read = chosen.slice(start, start === 0 ? TRIGRAMS_READ : start + 1);
    const lists = await Promise.all(read.map((item) => readTrigram(db, collection, boundary, item.trigram, item.level)));
    lists.forEach((ids, index) => {
      if (start === 0 && index === 0) candidates = new Set(ids);
      else candidates = intersection(candidates, ids);
    });
    if (candidates.size <= limit) break;
  }
  return candidates.size > limit ? null : [...candidates];
}

function intersection(ids: ReadonlySet<string>, others: readonly string[]): Set<string> {
  const next = new Set(others);
  return new Set([...ids].filter((id) => next.has(id)));
}

/** A change of the cases a boundary's index holds: per case id, the entry before (if listed) and after (if listed). */
export interface IndexChange {
  id: string;
  before?: Pick<CaseListEntry, 'r' | 'a'>;
  after?: Pick<CaseListEntry, 'r' | 'a'>;
}

/**
 * Applies changes to a boundary's index; the caller holds the boundary's claim. Adding an id already there and
 * taking out one that is not are harmless, so a change can be applied again after a crash (an entry whose text
 * before is unknown is added under all its trigrams, and the candidates' entries decide anyway).
 */
export async function applyIndexChanges(db: Connection, collection: string, boundary: string, changes: readonly IndexChange[]): Promise<void> {
  const adds = new Map<string, Set<string>>();
  const removes = new Map<string, Set<string>>();
  const note = (map: Map<string, Set<string>>, trigram: string, id: string) => {
    let ids = map.get(trigram);
    if (!ids) map.set(trigram, (ids = new Set()));
    ids.add(id);
  };
  for (const change of changes) {
    const before = entryTrigrams(change.before);
    const after = entryTrigrams(change.after);
    const unchanged = change.before && change.after && change.before.r === change.after.r && change.before.a === change.after.a;
    if (unchanged) continue;
    for (const trigram of after) if (!change.before || !before.has(trigram)) note(adds, trigram, change.id);
    for (const trigram of before) if (!after.has(trigram)) note(removes, trigram, change.id);
  }
  const touched = new Set([...adds.keys(), ...removes.keys()]);
  if (touched.size === 0) return;
  const directory = await readDirectory(db, collection, boundary);
  const writes: Array<Promise<unknown>> = [];
  await Promise.all(
    [...touched].map(async (trigram) => {
      const [count, level] = directory[trigram] ?? [0, 0];
      // The buckets this trigram's changes fall in, read, changed and written back.
      const ids = [...(adds.get(trigram) ?? []), ...(removes.get(trigram) ?? [])];
      const buckets = new Map<number, string[]>();
      await Promise.all(
        [...new Set(ids.map((id) => bucketOf(id, level)))].map(async (bucket) => buckets.set(bucket, await readBucket(db, collection, boundary, trigram, bucket))),
      );
      let total = count;
      for (const id of adds.get(trigram) ?? []) {
        const bucket = buckets.get(bucketOf(id, level))!;
        if (!bucket.includes(id)) {
          bucket.push(id);
          total += 1;
        }
      }
      for (const id of removes.get(trigram) ?? []) {
        const bucket = buckets.get(bucketOf(id, level))!;
        const at = bucket.indexOf(id);
        if (at >= 0) {
          bucket.splice(at, 1);
          total -= 1;
        }
      }
      if (total > BUCKET_MAX << level) {
        // Grown past its buckets: every id of the trigram goes to twice as many.
        const all = [...(await readTrigram(db, collection, boundary, trigram, level)).filter((id) => !buckets.has(bucketOf(id, level))), ...[...buckets.values()].flat()];
        const wider = level + 1;
        const spread = Array.from({ length: 1 << wider }, () => [] as string[]);
        for (const id of new Set(all)) spread[bucketOf(id, wider)]!.push(id);
        spread.forEach((members, bucket) => writes.push(writeBucket(db, collection, boundary, trigram, bucket, members)));
        directory[trigram] = [spread.reduce((sum, members) => sum + members.length, 0), wider];
        return;
      }
      for (const [bucket, members] of buckets) writes.push(writeBucket(db, collection, boundary, trigram, bucket, members));
      if (total > 0) directory[trigram] = [total, level];
      else delete directory[trigram];
    }),
  );
  await Promise.all(writes);
  await docs(db, collection).replaceOne({ _id: directoryId(boundary) }, { t: JSON.stringify(directory) }, { upsert: true });
}

function writeBucket(db: Connection, collection: string, boundary: string, trigram: string, bucket: number, ids: string[]) {
  const _id = bucketId(boundary, trigram, bucket);
  return ids.length > 0 ? docs(db, collection).replaceOne({ _id }, { t: JSON.stringify(ids) }, { upsert: true }) : docs(db, collection).deleteOne({ _id });
}

/** A boundary's whole index, built from its entries in one go (the migration, or a benchmark's seed). */
export async function writeIndex(db: Connection, collection: string, boundary: string, entries: readonly CaseListEntry[]): Promise<void> {
  const byTrigram = new Map<string, string[]>();
  for (const entry of entries) {
    for (const trigram of entryTrigrams(entry)) {
      let ids = byTrigram.get(trigram);
      if (!ids) byTrigram.set(trigram, (ids = []));
      ids.push(entry.i);
    }
  }
  const directory: TrigramDirectory = {};
  // Each case's bucket hash once, not once per trigram it holds.
  const hashes = new Map(entries.map((entry) => [entry.i, hashOf(entry.i)]));
  const batch: TextDoc[] = [];
  for (const [trigram, ids] of byTrigram) {
    let level = 0;
    while (ids.length > BUCKET_MAX << level) level += 1;
    const mask = (1 << level) - 1;
    const spread = Array.from({ length: 1 << level }, () => [] as string[]);
    for (const id of ids) spread[hashes.get(id)! & mask]!.push(id);
    spread.forEach((members, bucket) => {
      if (members.length > 0) batch.push({ _id: bucketId(boundary, trigram, bucket), t: JSON.stringify(members) });
    });
    directory[trigram] = [ids.length, level];
  }
  await insertInBatches(docs(db, collection), batch);
  await docs(db, collection).replaceOne({ _id: directoryId(boundary) }, { t: JSON.stringify(directory) }, { upsert: true });
}

/** The whole index of a boundary as stored, per trigram its ids (for tests). */
export async function readIndex(db: Connection, collection: string, boundary: string): Promise<Map<string, string[]>> {
  const directory = await readDirectory(db, collection, boundary);
  const trigrams = Object.entries(directory);
  const result = new Map<string, string[]>();
  for (let start = 0; start < trigrams.length; start += 32) {
    const chunk = trigrams.slice(start, start + 32);
    const read = await Promise.all(chunk.map(([trigram, [, level]]) => readTrigram(db, collection, boundary, trigram, level)));
    chunk.forEach(([trigram], index) => result.set(trigram, read[index]!.sort()));
  }
  return result;
}
