import { compareIn, keyIn, type CaseListEntry } from './case-list-entry';
import { mergedWindow } from './case-list-merge';
import type { SegmentRef } from './case-list-store';

/** Entries with distinct ids and updatedAt values, some equal (the id then decides). */
function entries(count: number, seed: number): CaseListEntry[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: count }, (_, index) => ({
    i: `${seed.toString(16)}${index.toString(16).padStart(8, '0')}`.padStart(24, '0'),
    v: 0, o: 'o', r: `R-${index}`, a: '', as: [], sw: [], cg: [], st: [], s: 'active' as const, d: null,
    u: 1_700_000_000_000 + (next() % 5_000) * 1000, c: 0,
  }));
}

const ordered = (items: CaseListEntry[]) => [...items].sort((a, b) => compareIn('', keyIn(a, ''), keyIn(b, '')));

function segmented(items: CaseListEntry[], size: number) {
  const segments: SegmentRef[] = [];
  const stored = new Map<string, CaseListEntry[]>();
  for (let start = 0; start < items.length; start += size) {
    const chunk = items.slice(start, start + size);
    const id = `seg${start}`;
    stored.set(id, chunk);
    segments.push({ id, first: keyIn(chunk[0]!, ''), last: keyIn(chunk[chunk.length - 1]!, ''), n: chunk.length });
  }
  return { segments, stored };
}

it.each([
  [2_000, 40, 37, 'a few others spread over a long list'],
  [2_000, 0, 150, 'no others'],
  [300, 500, 33, 'more others than entries of the largest list'],
  [0, 60, 10, 'an empty largest list'],
])('pages through %i entries merged with %i others in segments of %i (%s) exactly, reading only what the window needs', async (size, otherCount, segmentSize) => {
  const big = ordered(entries(size, 7));
  const others = ordered(entries(otherCount, 11));
  const all = ordered([...big, ...others]);
  const { segments, stored } = segmented(big, segmentSize);
  for (const [from, to] of [[0, 50], [50, 100], [Math.floor(all.length * 0.8), Math.floor(all.length * 0.8) + 50], [all.length - 10, all.length + 40], [all.length + 5, all.length + 55], [17, 18]] as const) {
    const reads: string[] = [];
    const window = await mergedWindow('', segments, async (ids) => {
      reads.push(...ids);
      return new Map(ids.map((id) => [id, stored.get(id)!]));
    }, others, from, to);
    expect({ from, to, ids: window.map((entry) => entry.i) }).toEqual({ from, to, ids: all.slice(from, to).map((entry) => entry.i) });
    // A window of 50 entries falls in a few segments whatever its depth.
    expect(reads.length).toBeLessThanOrEqual(Math.ceil((to - from) / Math.max(segmentSize, 1)) + 2 + (otherCount > size ? segments.length : 0));
  }
});
