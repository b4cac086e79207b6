// The segmented lists of case-list-store.ts against a plain sorted array: many entries put, moved and taken out, so
// that segments split, merge and disappear; after each step every list reads back in order, with the directory's
// counts and key ranges and the search texts matching the segments.
import { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import {
  compareIn, keyIn, type CaseListEntry, searchText, applyListOps, readDirectory, readSearchTexts, readSegments,
  SEGMENT_MAX, writeBoundaryLists, type ListOp, expectedIndex, readIndex, searchEntries, mayMatch,
} from '../../server/src/modules/cases/testing';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database';

// Several thousand reads by `_id` per test (the index is read back whole after each step): minutes on a busy machine.
jest.setTimeout(300_000);

let db: Connection;
beforeAll(async () => {
  db = await createTestDatabase('case_list_store');
});
afterAll(() => dropTestDatabase(db));

const org = '65f000000000000000000001';
const boundary = `o:${org}`;
let serial = 0;
function entry(updated: number, due: number | null = null): CaseListEntry {
  serial += 1;
  const id = (0x100000 + serial).toString(16).padStart(24, '0');
  return { i: id, v: 0, o: org, r: `HELS-2025-${String(serial).padStart(5, '0')}`, a: `Person ${serial}`, as: [], sw: [], cg: [], st: ['intake'], s: 'active', d: due, u: updated, c: updated };
}

async function readList(list: string, at = boundary) {
  const directory = await readDirectory(db, at);
  const segments = directory[list] ?? [];
  const read = await readSegments(db, at, segments.map((segment) => segment.id));
  const texts = list === '' ? await readSearchTexts(db, at) : {};
  const entries: CaseListEntry[] = [];
  for (const segment of segments) {
    const content = read.get(segment.id)!;
    expect(content.length).toBe(segment.n);
    expect(content.length).toBeGreaterThan(0);
    expect(content.length).toBeLessThanOrEqual(SEGMENT_MAX);
    expect(keyIn(content[0]!, list)).toEqual(segment.first);
    expect(keyIn(content[content.length - 1]!, list)).toEqual(segment.last);
    if (list === '') expect(texts[segment.id]).toBe(searchText(content));
    entries.push(...content);
  }
  if (list === '') expect(Object.keys(texts).sort()).toEqual(segments.map((segment) => segment.id).sort());
  return { entries, segments: segments.length };
}

async function expectIndexOf(at: string, entries: readonly CaseListEntry[]) {
  const stored = await readIndex(db, 'case_lists', at);
  const expected = expectedIndex(entries);
  const sortedMap = <T>(map: Map<string, T>) => new Map([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
  expect(sortedMap(stored.trigrams)).toEqual(sortedMap(expected.trigrams));
  expect(sortedMap(stored.values)).toEqual(sortedMap(expected.values));
}

const sorted = (list: string, entries: CaseListEntry[]) => [...entries].sort((a, b) => compareIn(list, keyIn(a, list), keyIn(b, list)));

it('keeps segmented lists in order through splits, merges and removals', async () => {
  let model = Array.from({ length: 700 }, (_, index) => entry(1_000_000 + ((index * 7919) % 700) * 1000));
  await applyListOps(db, boundary, model.map((put): ListOp => ({ list: '', put })));
  let read = await readList('');
  expect(read.entries).toEqual(sorted('', model));
  expect(read.segments).toBeGreaterThanOrEqual(Math.ceil(700 / SEGMENT_MAX));
  // The search index holds every reference and alias under each of its trigrams (700 under "hel": in buckets), and
  // under each of those the entries that carry it.
  await expectIndexOf(boundary, model);

  // Updates move entries to the front, as a write of a case does.
  const moved = model.filter((_, index) => index % 3 === 0);
  const ops: ListOp[] = moved.map((before, index) => {
    const after = { ...before, u: 5_000_000 + index, a: `Moved ${index}` };
    model = model.map((item) => (item.i === before.i ? after : item));
    return { list: '', remove: keyIn(before, ''), put: after };
  });
  await applyListOps(db, boundary, ops);
  read = await readList('');
  expect(read.entries).toEqual(sorted('', model));
  await expectIndexOf(boundary, model);
  // A search finds every match, with its entry as it is now: "moved 7" is in "Moved 7" and "Moved 70".."Moved 79".
  const ids = (found: CaseListEntry[] | null) => found?.map((item) => item.i).sort();
  const moved7 = model.filter((item) => item.a.toLowerCase().includes('moved 7'));
  expect(moved7.length).toBeGreaterThan(1);
  expect(ids(await searchEntries(db, 'case_lists', boundary, 'moved 7', 1_000))).toEqual(moved7.map((item) => item.i).sort());
  expect(await searchEntries(db, 'case_lists', boundary, 'moved 7', 1_000)).toEqual(expect.arrayContaining(moved7));
  expect(await searchEntries(db, 'case_lists', boundary, 'no such name', 1_000)).toEqual([]);
  // "hels" is in every reference: more matches than asked for, so the caller reads the lists instead.
  expect(await searchEntries(db, 'case_lists', boundary, 'hels', 100)).toBeNull();

  // Most cases leave: segments shrink, merge and go.
  const leaving = model.filter((_, index) => index % 10 !== 0);
  await applyListOps(db, boundary, leaving.map((gone): ListOp => ({ list: '', remove: keyIn(gone, '') })));
  model = model.filter((item) => !leaving.includes(item));
  read = await readList('');
  expect(read.entries).toEqual(sorted('', model));
  await expectIndexOf(boundary, model);
  expect(read.segments).toBeLessThanOrEqual(2);

  // Applying the same change twice changes nothing.
  await applyListOps(db, boundary, model.map((put): ListOp => ({ list: '', remove: keyIn(put, ''), put })));
  expect((await readList('')).entries).toEqual(sorted('', model));
});

it('orders a due list by the earliest deadline and takes changes on top of a bulk build', async () => {
  const list = 'due';
  let model = Array.from({ length: 450 }, (_, index) => entry(2_000_000 + index, 9_000_000 - ((index * 31) % 450) * 10_000));
  await writeBoundaryLists(db, `o:${org}-due`, model);
  const other = `o:${org}-due`;
  await expectIndexOf(other, model);
  const read = async () => {
    const directory = await readDirectory(db, other);
    const segments = directory[list] ?? [];
    const content = await readSegments(db, other, segments.map((segment) => segment.id));
    return segments.flatMap((segment) => content.get(segment.id)!);
  };
  expect(await read()).toEqual(sorted(list, model));
  const changed = model.slice(0, 200).map((before, index) => ({ before, after: { ...before, d: index % 2 ? 1_000 + index : null } }));
  await applyListOps(
    db,
    other,
    changed.map(({ before, after }): ListOp => ({ list, remove: keyIn(before, list), ...(after.d === null ? {} : { put: after }) })),
  );
  model = model.map((item) => changed.find((change) => change.before.i === item.i)?.after ?? item).filter((item) => item.d !== null);
  expect(await read()).toEqual(sorted(list, model));
});

it('finds a full alias many cases share in as many reads at 200 as at 2,000 cases, with each entry as it is now', async () => {
  // Every findOne of the search, counted where the driver is called (the documents it reads, all by `_id`).
  const findOne = jest.spyOn(Collection.prototype, 'findOne');
  const search = async (at: string, text: string, limit: number) => {
    findOne.mockClear();
    const found = await searchEntries(db, 'case_lists', at, text, limit);
    return { found, reads: findOne.mock.calls.length };
  };
  const ids = (entries: readonly CaseListEntry[] | null) => entries?.map((item) => item.i).sort();
  const build = async (at: string, size: number) => {
    const people: CaseListEntry[] = [];
    // One in twenty is Anna Korhonen, one in two hundred Joanna Korhonen (a match too: "joanna korhonen" holds it).
    for (let index = 0; index < size; index += 1) {
      const alias = index % 20 === 0 ? 'Anna Korhonen' : index % 200 === 1 ? 'Joanna Korhonen' : `Mira Other${index}`;
      people.push({ ...entry(1_000_000 + index), o: at.slice(2), a: alias });
    }
    await writeBoundaryLists(db, at, people);
    return people;
  };
  try {
    const small = await build('o:65f0000000000000000000aa', 200);
    const large = await build('o:65f0000000000000000000bb', 2_000);
    const matches = (people: CaseListEntry[]) => people.filter((item) => item.a.toLowerCase().includes('anna korhonen'));
    const atSmall = await search('o:65f0000000000000000000aa', 'anna korhonen', 400);
    const atLarge = await search('o:65f0000000000000000000bb', 'anna korhonen', 400);
    expect(ids(atSmall.found)).toEqual(ids(matches(small)));
    expect(ids(atLarge.found)).toEqual(ids(matches(large)));
    expect(matches(large)).toHaveLength(110);
    // The trigram directory, the rarest trigram's values, and the entries of "anna korhonen" and "joanna korhonen".
    expect(atLarge.reads).toBe(4);
    expect(atSmall.reads).toBe(atLarge.reads);
    // More matches than the caller can take: it reads the lists instead.
    expect((await search('o:65f0000000000000000000bb', 'anna korhonen', 100)).found).toBeNull();

    // A case renamed leaves the value; another case's change shows in the entry the search returns.
    const [renamed, changed] = matches(large).filter((item) => item.a === 'Anna Korhonen');
    const now = { ...changed!, u: 9_000_000, st: ['assistance'] };
    await applyListOps(db, 'o:65f0000000000000000000bb', [
      { list: '', remove: keyIn(renamed!, ''), put: { ...renamed!, a: 'Mira Korhonen', u: 9_000_001 } },
      { list: '', remove: keyIn(changed!, ''), put: now },
    ]);
    const after = (await search('o:65f0000000000000000000bb', 'anna korhonen', 400)).found!;
    expect(after).toHaveLength(109);
    expect(after.map((item) => item.i)).not.toContain(renamed!.i);
    expect(after.find((item) => item.i === changed!.i)).toEqual(now);
    expect(ids((await search('o:65f0000000000000000000bb', 'mira korhonen', 400)).found)).toEqual([renamed!.i]);
  } finally {
    findOne.mockRestore();
  }
});

it('writes no search text when a change keeps the references and aliases of a segment, and still finds every case', async () => {
  const at = 'o:65f0000000000000000000cc';
  const people = Array.from({ length: 300 }, (_, index) => ({ ...entry(2_000_000 + index), o: at.slice(2), a: `Person Search${index}` }));
  await writeBoundaryLists(db, at, people);
  const chunkCalls = (spy: jest.SpyInstance) => spy.mock.calls.filter((args) => String((args[0] as { _id?: unknown })._id).startsWith('q:')).length;
  const write = async (ops: ListOp[]) => {
    const spies = [jest.spyOn(Collection.prototype, 'find'), jest.spyOn(Collection.prototype, 'replaceOne')];
    try {
      await applyListOps(db, at, ops);
      return spies.reduce((sum, spy) => sum + chunkCalls(spy), 0);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  };
  const segmentTexts = async () => {
    const directory = await readDirectory(db, at);
    const read = await readSegments(db, at, directory['']!.map((segment) => segment.id));
    const texts = await readSearchTexts(db, at);
    return directory['']!.map((segment) => ({ entries: read.get(segment.id)!, text: texts[segment.id] }));
  };
  // The newest but one is written again (a new update time: it becomes the newest, in the same segment).
  const byUpdate = [...people].sort((a, b) => b.u - a.u);
  const touched = { ...byUpdate[1]!, u: 3_000_000, v: 1, st: ['assistance'] };
  expect(await write([{ list: '', remove: keyIn(byUpdate[1]!, ''), put: touched }])).toBe(0);
  // A new alias changes its segment's text: that chunk is read and written.
  const renamed = { ...touched, u: 3_000_001, v: 2, a: 'Renamed Person' };
  expect(await write([{ list: '', remove: keyIn(touched, ''), put: renamed }])).toBe(2);
  // Every segment's stored text is its entries' text, and holds each entry's reference and alias.
  const now = people.map((item) => (item.i === renamed.i ? renamed : item));
  const segments = await segmentTexts();
  expect(segments.flatMap((segment) => segment.entries.map((item) => item.i)).sort()).toEqual(now.map((item) => item.i).sort());
  for (const segment of segments) {
    expect(segment.text).toBe(searchText(segment.entries));
    for (const item of segment.entries) {
      expect(mayMatch(segment.text, item.r.toLowerCase())).toBe(true);
      expect(mayMatch(segment.text, item.a.toLowerCase())).toBe(true);
    }
  }
  expect(segments.filter((segment) => mayMatch(segment.text, 'renamed person'))).toHaveLength(1);
  expect(segments.filter((segment) => mayMatch(segment.text, byUpdate[1]!.a.toLowerCase()))).toHaveLength(0);
  // The search index answers with the entry as it is now.
  expect(await searchEntries(db, 'case_lists', at, 'renamed person', 10)).toEqual([renamed]);
});

it('writes a list directory and the summary only when a change alters them, and the lists stay whole', async () => {
  const at = 'o:65f0000000000000000000dd';
  const people = Array.from({ length: 300 }, (_, index) => ({ ...entry(4_000_000 + index), o: at.slice(2) }));
  await writeBoundaryLists(db, at, people);
  const directoryWrites = async (ops: ListOp[]) => {
    const spies = [jest.spyOn(Collection.prototype, 'replaceOne'), jest.spyOn(Collection.prototype, 'deleteOne')];
    try {
      await applyListOps(db, at, ops);
      return spies.flatMap((spy) => spy.mock.calls.map((args) => String((args[0] as { _id?: unknown })._id))).filter((id) => id.startsWith('d:')).sort();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  };
  // A case in the middle of the list by reference, changed: its segment is rewritten in place; that list's directory
  // (same ends, same counts) and the summary (same counts) are not.
  const middle = sorted('by:r', people)[150]!;
  const changed = { ...middle, v: 1, u: 5_000_000 };
  expect(await directoryWrites([{ list: 'by:r', remove: keyIn(middle, 'by:r'), put: changed }])).toEqual([]);
  // The same change moves it to the head of the list by last change: the head segment's first key changes, so that
  // directory is written; the counts do not, so the summary is not.
  expect(await directoryWrites([{ list: '', remove: keyIn(middle, ''), put: changed }])).toEqual([`d:${at}:`]);
  // A new case changes the counts.
  const added = { ...entry(5_000_001), o: at.slice(2) };
  expect(await directoryWrites([{ list: '', put: added }, { list: 'by:r', put: added }])).toEqual([`d:${at}`, `d:${at}:`, `d:${at}:by:r`]);
  const now = [...people.map((item) => (item.i === middle.i ? changed : item)), added];
  for (const list of ['', 'by:r']) expect((await readList(list, at)).entries).toEqual(sorted(list, now));
});
