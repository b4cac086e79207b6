import { topStageOf } from '../../../contracts/workflows/stage-name.util';
import type { CaseRecord } from '../storage/case.model';

/**
 * The slim list entry of a case: what a row of the case list shows, what the list filters and sorts by, and every
 * field the case rules' conditions may name (organisation, sharing, assignees, consents given), so that the
 * permission layer can decide on the entry exactly as on the case itself (`subjectOf`). About 300 bytes as JSON,
 * against about 5.7 KB for the case document with its timeline and workflow snapshot.
 */
export interface CaseListEntry {
  /** Case id (hex). */
  i: string;
  /** The case's version when the entry was made. */
  v: number;
  /** Owning organisation (hex). */
  o: string;
  r: string;
  a: string;
  as: string[];
  sw: string[];
  /** Consent keys whose `given` is true, as the case stores it (what `consents.<key>.given: true` matches). */
  cg: string[];
  /** `workflow.activeStages`. */
  st: string[];
  /** `workflow.snapshot.status`. */
  s: 'active' | 'done';
  /** `workflow.nextDueAt` in ms, or null. */
  d: number | null;
  u: number;
  c: number;
  /**
   * The open tasks, as `<organisation>:<workflow role>` (the organisation a receiver's task names, empty for the
   * case's own), so the inbox finds the cases with a task for a role from its list (`t:<role>`) instead of reading
   * every case. Absent in entries made before the inbox used the lists (version 4 rebuilt them).
   */
  tk?: string[];
}

const time = (value: Date | string | number) => new Date(value).getTime();

export function entryOf(record: CaseRecord): CaseListEntry {
  const consents = record.consents ?? {};
  return {
    i: record._id.toHexString(),
    v: record.version,
    o: String(record.orgId),
    r: record.reference,
    a: record.alias ?? '',
    as: [...(record.assignees ?? [])],
    sw: [...(record.sharedWith ?? [])],
    cg: Object.keys(consents).filter((key) => consents[key]?.given === true).sort(),
    st: [...(record.workflow.activeStages ?? [])],
    s: record.workflow.snapshot.status,
    d: record.workflow.nextDueAt === null || record.workflow.nextDueAt === undefined ? null : time(record.workflow.nextDueAt),
    u: time(record.updatedAt),
    c: time(record.createdAt),
    tk: [...new Set((record.workflow.tasks ?? []).filter((task) => task.status === 'open').map((task) => `${task.orgId ?? ''}:${task.role}`))].sort(),
  };
}

/** The workflow roles with an open task for staff of `orgId` (hex) on an active case (the rule of `taskIsFor`). */
export function openTaskRoles(entry: CaseListEntry, orgId: string): string[] {
  if (entry.s !== 'active') return [];
  const roles = new Set<string>();
  for (const key of entry.tk ?? []) {
    const colon = key.indexOf(':');
    const forOrg = key.slice(0, colon) || entry.o;
    if (forOrg === orgId) roles.add(key.slice(colon + 1));
  }
  return [...roles];
}

/** The entry as a record for the permission layer: the fields conditions name, with their stored shapes. */
export function subjectOf(entry: CaseListEntry): Record<string, unknown> {
  return {
    _id: entry.i,
    orgId: entry.o,
    sharedWith: entry.sw,
    assignees: entry.as,
    consents: Object.fromEntries(entry.cg.map((key) => [key, { given: true }])),
    reference: entry.r,
    alias: entry.a,
  };
}

/** The top-level stages of a case (a case in parallel tracks counts once per top-level stage). */
export const topStages = (entry: CaseListEntry) => [...new Set(entry.st.map(topStageOf))];

/*
 * Where an entry is listed. A boundary is the part of the organisation boundary a case lies in: `o:<org>` (its own
 * organisation) and `s:<org>` for each other organisation it is shared with. Each boundary has lists ("facets"):
 *   ''        every case of the boundary        a:<user>  assigned to the user     un   assigned to nobody
 *   c:<key>   consent <key> given                sw        own case shared with its own organisation (o: only)
 *   st:<stage> in that top-level stage           top:<stage> under that top-level stage without being in it
 *   due       with an open deadline, by the earliest one
 *   due:<top> with an open deadline, in that top-level stage
 *   t:<role>  an active case with an open task for that workflow role at the boundary's organisation (the inbox)
 *   by:r      every case, by reference          by:c      every case, by creation
 *   nd        without an open deadline, by id (before the due list, it is every case by deadline, as the database
 *             sorts: no deadline first)
 * The due lists, the `by:` lists and `nd` are ordered by their key, then id (ascending): a list sorted another way
 * than by last change is walked in the order it asks for (case-list-query.ts). All other lists are ordered by
 * updatedAt (newest first), then id (descending), as the case list sorts by default.
 */
export const isDueList = (list: string) => list === 'due' || list.startsWith('due:');
const isAscending = (list: string) => isDueList(list) || list === 'nd' || list.startsWith('by:');

/** The list holding every case of a boundary in the order of a sort key other than the last change. */
export const ORDERED_BY = { reference: 'by:r', createdAt: 'by:c' } as const;

export function boundariesOf(entry: CaseListEntry): string[] {
  return [`o:${entry.o}`, ...[...new Set(entry.sw)].filter((org) => org !== entry.o).map((org) => `s:${org}`)];
}

export function listsOf(entry: CaseListEntry, boundary: string): string[] {
  const lists = [''];
  for (const user of new Set(entry.as)) lists.push(`a:${user}`);
  if (entry.as.length === 0) lists.push('un');
  for (const key of entry.cg) lists.push(`c:${key}`);
  if (boundary.startsWith('o:') && entry.sw.includes(entry.o)) lists.push('sw');
  // Top-level stages only: a case in parallel tracks is in dozens of nested stages at once (54 for a person in the
  // Finnish municipality's assistance, one per service and its state), and every change of the case moves it in each
  // of its lists. A filter on a nested stage reads its top-level stage's list (case-list-query.ts).
  for (const top of topStages(entry)) lists.push(entry.st.includes(top) ? `st:${top}` : `top:${top}`);
  if (entry.d !== null) {
    lists.push('due');
    for (const top of topStages(entry)) lists.push(`due:${top}`);
  } else lists.push('nd');
  lists.push(ORDERED_BY.reference, ORDERED_BY.createdAt);
  for (const role of openTaskRoles(entry, boundary.slice(2))) lists.push(`t:${role}`);
  return lists;
}

/** Whether an entry belongs to a list, from its fields alone (the same rule `listsOf` follows). */
export function inList(entry: CaseListEntry, boundary: string, list: string): boolean {
  if (list === '' || list.startsWith('by:')) return true;
  if (list === 'nd') return entry.d === null;
  if (list === 'un') return entry.as.length === 0;
  if (list === 'sw') return boundary.startsWith('o:') && entry.sw.includes(entry.o);
  if (list === 'due') return entry.d !== null;
  const colon = list.indexOf(':');
  const kind = list.slice(0, colon);
  const value = list.slice(colon + 1);
  if (kind === 'a') return entry.as.includes(value);
  if (kind === 'c') return entry.cg.includes(value);
  if (kind === 'st') return entry.st.includes(value);
  if (kind === 'top') return !entry.st.includes(value) && topStages(entry).includes(value);
  if (kind === 'due') return entry.d !== null && topStages(entry).includes(value);
  if (kind === 't') return openTaskRoles(entry, boundary.slice(2)).includes(value);
  return false;
}

/** Position of an entry in a list: the sort value (a time in ms; the reference in `by:r`), then the id. */
export interface ListKey {
  k: number | string;
  i: string;
}

function sortValueIn(entry: CaseListEntry, list: string): number | string {
  if (isDueList(list)) return entry.d!;
  if (list === ORDERED_BY.reference) return entry.r;
  if (list === ORDERED_BY.createdAt) return entry.c;
  if (list === 'nd') return 0;
  return entry.u;
}

export const keyIn = (entry: CaseListEntry, list: string): ListKey => ({ k: sortValueIn(entry, list), i: entry.i });

/** The time a key of a due list holds (ms). */
export const dueTimeOf = (key: ListKey) => key.k as number;

/** Ascending order of two sort values or ids, as the database compares numbers and strings (and the list's sorts). */
export const ascending = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

/** Negative when `a` comes first in `list`. */
export function compareIn(list: string, a: ListKey, b: ListKey): number {
  const order = ascending(a.k, b.k) || ascending(a.i, b.i);
  return isAscending(list) ? order : -order;
}

export function sameEntry(a: CaseListEntry | null, b: CaseListEntry | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
