import type { Connection } from 'mongoose';
import type { CaseListEntry } from './case-list-entry';
import { readSegments, type BoundaryDirectory, type SegmentRef } from './case-list-store';

/*
 * Walking a boundary's lists in the order a page asks for, reading a few segments at a time and stopping once the
 * page is full, instead of reading every candidate and sorting it. Cheap when matches are dense in the walked lists
 * (a stage holding a fifth of the cases, sorted by reference: about five entries read per row shown) or when every
 * entry walked is a match (the overdue cases by deadline are the start of the due list); the caller weighs it
 * against reading the smallest list that holds every match (case-list-query.ts).
 */

/** Positions `from`..`to` (end excluded) of one list. */
export interface ListRange {
  list: string;
  from: number;
  to: number;
}

/** Ranges of lists that, one after the other, hold every candidate in the order asked for (or its reverse). */
export interface ListWalk {
  ranges: ListRange[];
  backward: boolean;
}

/** At most this many segments are read at once, on an estimate of how many the page needs. */
const BATCH_MAX = 16;
/** Room on the estimate of a filtered walk, so that a slightly sparser stretch does not cost another round trip. */
const MARGIN = 1.25;

/** Part of one segment: its entries `skip`..`skip + take` in list order. */
interface Span {
  id: string;
  skip: number;
  take: number;
}

function spansOf(segments: readonly SegmentRef[], range: ListRange): Span[] {
  const spans: Span[] = [];
  let position = 0;
  for (const segment of segments) {
    const end = position + segment.n;
    if (end > range.from && position < range.to) {
      const start = Math.max(position, range.from);
      spans.push({ id: segment.id, skip: start - position, take: Math.min(end, range.to) - start });
    }
    position = end;
    if (position >= range.to) break;
  }
  return spans;
}

/** How many spans from `at` on hold `entries` positions (at least one, at most BATCH_MAX). */
function spansFor(spans: readonly Span[], at: number, entries: number): number {
  let covered = 0;
  let count = 0;
  while (at + count < spans.length && count < BATCH_MAX && (count === 0 || covered < entries)) {
    covered += spans[at + count]!.take;
    count += 1;
  }
  return count;
}

/** Drops the first `count` positions of spans in walk order, without reading them. */
function dropLeading(spans: Span[], count: number, backward: boolean): Span[] {
  let left = count;
  const kept: Span[] = [];
  for (const span of spans) {
    if (left >= span.take) {
      left -= span.take;
      continue;
    }
    kept.push(backward ? { ...span, take: span.take - left } : { ...span, skip: span.skip + left, take: span.take - left });
    left = 0;
  }
  return kept;
}

export interface WalkRequest {
  walk: ListWalk;
  /** Whether an entry walked is a match; null when every entry of the ranges is one (positions can then be skipped). */
  accept: ((entry: CaseListEntry) => boolean) | null;
  /** Matches to skip, then matches to return. */
  skip: number;
  take: number;
  /** How many entries the walk is expected to read (sizes the first batch). */
  expected: number;
}

/** Matches `skip`..`skip + take` in walk order. */
export async function walkLists(db: Connection, directory: BoundaryDirectory, request: WalkRequest): Promise<CaseListEntry[]> {
  const { walk, accept, take } = request;
  const perList = await Promise.all(walk.ranges.map((range) => directory.segments(range.list)));
  let spans = walk.ranges.flatMap((range, index) => spansOf(perList[index]!, range));
  if (walk.backward) spans.reverse();
  let skip = request.skip;
  if (accept === null) {
    spans = dropLeading(spans, skip, walk.backward);
    skip = 0;
  }
  const found: CaseListEntry[] = [];
  const wanted = skip + take;
  // Each batch reads the spans expected to hold the matches still missing: from the caller's estimate at first, then
  // from the share of matches among the entries read so far.
  let read = 0;
  for (let at = 0; at < spans.length && found.length < wanted; ) {
    const perMatch = read === 0 ? request.expected / Math.max(1, wanted) : read / Math.max(1, found.length);
    const batch = spansFor(spans, at, Math.ceil((wanted - found.length) * perMatch * (accept === null ? 1 : MARGIN)));
    const chunk = spans.slice(at, at + batch);
    at += batch;
    const segments = await readSegments(db, directory.boundary, [...new Set(chunk.map((span) => span.id))]);
    for (const span of chunk) {
      const entries = segments.get(span.id)!.slice(span.skip, span.skip + span.take);
      if (walk.backward) entries.reverse();
      for (const entry of entries) {
        read += 1;
        if (accept !== null && !accept(entry)) continue;
        found.push(entry);
        if (found.length >= wanted) break;
      }
      if (found.length >= wanted) break;
    }
  }
  return found.slice(skip, wanted);
}
