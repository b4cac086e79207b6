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

/** Segments to read at once after the first batch. */
const WALK_BATCH = 8;
/** The first batch never reads more than this many segments on an estimate. */
const FIRST_BATCH_MAX = 16;

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
  const segments = perList.flat();
  const average = Math.max(1, segments.reduce((sum, segment) => sum + segment.n, 0) / Math.max(1, segments.length));
  const found: CaseListEntry[] = [];
  const wanted = skip + take;
  let batch = Math.min(FIRST_BATCH_MAX, Math.max(1, Math.ceil(request.expected / average)));
  for (let at = 0; at < spans.length && found.length < wanted; at += batch, batch = WALK_BATCH) {
    const chunk = spans.slice(at, at + batch);
    const read = await readSegments(db, directory.boundary, [...new Set(chunk.map((span) => span.id))]);
    for (const span of chunk) {
      const entries = read.get(span.id)!.slice(span.skip, span.skip + span.take);
      if (walk.backward) entries.reverse();
      for (const entry of entries) {
        if (accept !== null && !accept(entry)) continue;
        found.push(entry);
        if (found.length >= wanted) break;
      }
      if (found.length >= wanted) break;
    }
  }
  return found.slice(skip, wanted);
}
