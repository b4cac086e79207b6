import type { CaseListEntry } from './case-list-entry';

/*
 * Search by part of a reference or alias, as the case list's `q` asks (case-insensitive substring). Beside each
 * segment of a boundary's whole list, its entries' references and aliases are kept as one short text (about 30
 * bytes an entry), in SEARCH_CHUNKS documents per boundary (a segment's text goes to the chunk its id hashes to, so a
 * write rewrites one chunk). A search reads the chunks, finds the segments whose text holds the query, and reads only
 * those segments: a specific reference or name costs a few segment reads however many cases there are.
 */

export const SEARCH_CHUNKS = 16;
const FIELD = '\u0001';
const ENTRY = '\u0000';

export const foldCase = (text: string) => text.toLowerCase();

/**
 * The searchable text of a segment: per entry, the folded reference and alias, in text order rather than list order,
 * so that a change of a case that moves it within its segment (every write moves it by its update time) leaves the
 * text as it was and its chunk is not written again (case-list-store.ts). A search only asks whether it holds a query.
 */
export function searchText(entries: readonly CaseListEntry[]): string {
  return entries
    .map((entry) => `${foldCase(entry.r)}${FIELD}${foldCase(entry.a)}`)
    .sort()
    .join(ENTRY);
}

export function chunkOf(segmentId: string): number {
  let hash = 0;
  for (let index = 0; index < segmentId.length; index += 1) hash = (Math.imul(hash, 31) + segmentId.charCodeAt(index)) >>> 0;
  return hash % SEARCH_CHUNKS;
}

/**
 * Whether a segment's text can hold a match for `text` (folded): true when it holds it in a reference or an alias,
 * and when there is no text for the segment (a writer replaced it meanwhile; reading it decides).
 */
export function mayMatch(segmentText: string | undefined, text: string): boolean {
  if (segmentText === undefined) return true;
  if (text.includes(FIELD) || text.includes(ENTRY)) return true;
  return segmentText.includes(text);
}
