import { compareIn, keyIn, type CaseListEntry, type ListKey } from './case-list-entry';
import type { SegmentRef } from './case-list-store';

/*
 * A page of several sources merged in list order, without reading the largest source up to the page's depth. A user
 * whose list has several sources (an organisation's own cases and the few others share with it) used to have every
 * source read from its start to the end of the page: at 100,000 cases a page 80% of the way down read some 28,000
 * entries (1.4 s). The other sources' first `to` matches are few and read whole; of the largest list only the
 * segments the window can fall in are read, found from the directory's keys and counts:
 *
 *   the global position of the largest list's j-th entry is j + (how many of the others' entries come before it),
 *   and for an entry of segment k that number lies between those counted at the segment's first and last keys;
 *   the global position of another source's t-th entry is t + (how many of the largest list's entries come before
 *   it), exact when it falls between two segments, bounded by the segment it falls in otherwise.
 *
 * Every segment whose entries may fall in the window, or whose key range holds another source's entry that may, is
 * read; every position is then exact.
 */

/** How many of `keys` (in list order) come before `key`. */
function countBefore(list: string, keys: readonly ListKey[], key: ListKey): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareIn(list, keys[middle]!, key) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Entries at positions `from`..`to` of the merge of one list (`segments`, read with `read`) and `others` (matches of
 * the other sources, in `list` order, at least their first `to`). The sources hold no case twice.
 */
export async function mergedWindow(
  list: string,
  segments: readonly SegmentRef[],
  read: (ids: string[]) => Promise<Map<string, CaseListEntry[]>>,
  others: readonly CaseListEntry[],
  from: number,
  to: number,
): Promise<CaseListEntry[]> {
  if (from >= to) return [];
  const otherKeys = others.map((entry) => keyIn(entry, list));
  const starts: number[] = [];
  let total = 0;
  for (const segment of segments) {
    starts.push(total);
    total += segment.n;
  }
  const wanted = new Set<number>();
  segments.forEach((segment, k) => {
    const lowest = starts[k]! + countBefore(list, otherKeys, segment.first);
    const highest = starts[k]! + segment.n - 1 + countBefore(list, otherKeys, segment.last);
    if (lowest < to && highest >= from) wanted.add(k);
  });
  // Where each other entry falls: the first segment whose last key is not before it.
  const placeOf = (key: ListKey) => {
    let low = 0;
    let high = segments.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareIn(list, segments[middle]!.last, key) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const places = otherKeys.map((key, t) => {
    const k = placeOf(key);
    const inside = k < segments.length && compareIn(list, key, segments[k]!.first) > 0;
    if (inside && !wanted.has(k) && t + starts[k]! < to && t + starts[k]! + segments[k]!.n >= from) wanted.add(k);
    return { k, inside };
  });
  const ids = [...wanted].sort((a, b) => a - b).map((k) => segments[k]!.id);
  const loaded = ids.length > 0 ? await read(ids) : new Map<string, CaseListEntry[]>();
  const window: Array<{ at: number; entry: CaseListEntry }> = [];
  for (const k of wanted) {
    const entries = loaded.get(segments[k]!.id)!;
    entries.forEach((entry, x) => {
      const at = starts[k]! + x + countBefore(list, otherKeys, keyIn(entry, list));
      if (at >= from && at < to) window.push({ at, entry });
    });
  }
  others.forEach((entry, t) => {
    const { k, inside } = places[t]!;
    let before: number;
    if (k >= segments.length) before = total;
    else if (!inside) before = starts[k]!;
    else if (wanted.has(k)) before = starts[k]! + countBefore(list, loaded.get(segments[k]!.id)!.map((item) => keyIn(item, list)), otherKeys[t]!);
    else return; // In a segment not read: by its bounds, outside the window.
    const at = t + before;
    if (at >= from && at < to) window.push({ at, entry });
  });
  return window.sort((a, b) => a.at - b.at).map((item) => item.entry);
}
