// The segmented lists of case-list-store.ts against a plain sorted array: many entries put, moved and taken out, so
// that segments split, merge and disappear; after each step every list reads back in order, with the directory's
// counts and key ranges and the search texts matching the segments.
import type { Connection } from 'mongoose';
import { compareIn, keyIn, type CaseListEntry } from '../../server/src/modules/cases/lists/case-list-entry';
import { searchText } from '../../server/src/modules/cases/lists/case-list-search';
import {
  applyListOps,
  readDirectory,
  readSearchTexts,
  readSegments,
  SEGMENT_MAX,
  writeBoundaryLists,
  type ListOp,
} from '../../server/src/modules/cases/lists/case-list-store';
import { entryTrigrams, readIndex, searchCandidates } from '../../server/src/modules/cases/lists/case-list-search-index';
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

async function readList(list: string) {
  const directory = await readDirectory(db, boundary);
  const segments = directory[list] ?? [];
  const read = await readSegments(db, boundary, segments.map((segment) => segment.id));
  const texts = list === '' ? await readSearchTexts(db, boundary) : {};
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

/** The search index as it should be for these entries: per trigram of a reference or alias, the ids holding it. */
function expectedIndex(entries: readonly CaseListEntry[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const item of entries) for (const trigram of entryTrigrams(item)) index.set(trigram, [...(index.get(trigram) ?? []), item.i]);
  return new Map([...index].map(([trigram, ids]) => [trigram, ids.sort()]));
}

async function expectIndexOf(at: string, entries: readonly CaseListEntry[]) {
  const stored = await readIndex(db, 'case_lists', at);
  expect(new Map([...stored].sort())).toEqual(new Map([...expectedIndex(entries)].sort()));
}

const sorted = (list: string, entries: CaseListEntry[]) => [...entries].sort((a, b) => compareIn(list, keyIn(a, list), keyIn(b, list)));

it('keeps segmented lists in order through splits, merges and removals', async () => {
  let model = Array.from({ length: 700 }, (_, index) => entry(1_000_000 + ((index * 7919) % 700) * 1000));
  await applyListOps(db, boundary, model.map((put): ListOp => ({ list: '', put })));
  let read = await readList('');
  expect(read.entries).toEqual(sorted('', model));
  expect(read.segments).toBeGreaterThanOrEqual(Math.ceil(700 / SEGMENT_MAX));
  // The search index holds every case under every trigram of its reference and alias (700 under "hel": in buckets).
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
  // A search's candidates hold every match: here exactly the one case with that alias.
  const target = model.find((item) => item.a === 'Moved 7')!;
  expect(await searchCandidates(db, 'case_lists', boundary, 'moved 7', 1_000)).toContain(target.i);
  expect(await searchCandidates(db, 'case_lists', boundary, 'no such name', 1_000)).toEqual([]);
  // "hels" is in every reference: more candidates than asked for, so the caller reads the lists instead.
  expect(await searchCandidates(db, 'case_lists', boundary, 'hels', 100)).toBeNull();

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

it('narrows a search by trigrams from every word of the query, reading more while the candidates are too many', async () => {
  const at = 'o:65f0000000000000000000aa';
  const people: CaseListEntry[] = [];
  // 1,000 each of Anna and Mira; 460 Korhonens among them, half of each: every trigram of "korhonen" is rarer than
  // those of "anna", but together they leave 460 candidates, where "anna" beside one of them leaves 230.
  for (let index = 0; index < 2_000; index += 1) {
    const item = entry(1_000_000 + index);
    people.push({ ...item, o: '65f0000000000000000000aa', a: `${index % 2 ? 'Anna' : 'Mira'} ${index < 460 ? 'Korhonen' : `Other${index}`}` });
  }
  await writeBoundaryLists(db, at, people);
  const annas = people.filter((item) => item.a === 'Anna Korhonen').map((item) => item.i).sort();
  expect(annas).toHaveLength(230);
  expect((await searchCandidates(db, 'case_lists', at, 'anna korhonen', 300))?.sort()).toEqual(annas);
  expect((await searchCandidates(db, 'case_lists', at, 'na korhon', 300))?.sort()).toEqual(annas);
  // Too many whatever is read: the caller reads the lists.
  expect(await searchCandidates(db, 'case_lists', at, 'anna korhonen', 100)).toBeNull();
});
