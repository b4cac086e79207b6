import type { CaseListQuery } from '../../../contracts/cases/case.schemas';
import { topStageOf } from '../../../contracts/workflows/stage-name.util';
import { type AppAbility, permittedFields, type ServiceContext } from '../../access';
import { organisationModel } from '../../tenants';
import { ascending, boundariesOf, dueTimeOf, inList, ORDERED_BY, topStages, subjectOf, type CaseListEntry } from './case-list-entry';
import { caseListsReady } from './case-list-migration';
import { mergedWindow } from './case-list-merge';
import { listPlanOf, type FieldReach, type ListField, type ListSource } from './case-list-plan';
import { foldCase, mayMatch } from './case-list-search';
import { searchEntries } from './case-list-search-index';
import { BoundaryDirectory, CASE_LISTS, readSearchTexts, readSegments, StaleDirectoryError, type SegmentRef } from './case-list-store';
import { walkLists, type ListWalk } from './case-list-walk';

/*
 * The case list, its CSV export and the dashboard's counts answered from the precomputed lists
 * (case-list-store.ts) instead of a permission-filtered query over every case document. Each source of the user's
 * list plan (case-list-plan.ts) is one list or the intersection of a few; a page of one list is read from the
 * segments that hold it (found by the directory's counts, however deep the page), a count is the directory's sum.
 * A page in another order, or of the overdue cases, walks the lists kept in that order until it is full
 * (case-list-walk.ts). What no list holds directly (two filters at once, a field group readable on some cases of a
 * source only, search, a walk that would read more than the matches) is read from the smallest list that contains
 * every match, checked entry by entry and sorted, with the permission layer deciding per entry exactly as it would on
 * the case. Answers equal those of the database query (test/integration/case-lists.test.ts compares them for every
 * demo role and filter; case-list-walk.test.ts pages 1,500 cases in every sort and filter).
 */

export interface CaseSummary {
  id: string;
  version: number;
  reference?: string;
  alias?: string;
  assignees?: string[];
  status?: string;
  stages?: string[];
  nextDueAt?: Date | null;
  overdue?: boolean;
  updatedAt: Date;
}

export interface CaseStats {
  total: number;
  mine: number;
  overdue: number;
  perStage: Record<string, number>;
  overdueByStage: Record<string, number>;
}

type Filters = Pick<CaseListQuery, 'stage' | 'overdue' | 'assignedToMe' | 'unassigned' | 'q' | 'sort'>;

interface Resolved extends ListSource {
  directory: BoundaryDirectory;
}

/** What every match of a source is: in all `lists`, and passing `check` (null: nothing else to check). */
interface Selection {
  lists: string[];
  check: ((entry: CaseListEntry) => boolean) | null;
  /** Whether `check` asks the permission layer about a field group readable on some entries only. */
  partial: boolean;
  overdue: boolean;
  search: string | null;
  /** Whether `check` picks the cases of a nested stage out of its top-level stage's list (no list is that stage's). */
  nestedStage: boolean;
  empty: boolean;
}

/**
 * The field groups a user may read on an entry, from the permission layer. Entries that agree on every field the
 * rules' conditions name get the same answer, so it is worked out once per such combination (a caseworker's rules
 * name only the organisation: once per request).
 */
class EntryFields {
  private readonly cache = new Map<string, Set<string>>();
  private readonly named: string[];
  constructor(private readonly ability: AppAbility) {
    const named = new Set<string>();
    for (const rule of ability.rulesFor('read', 'Case' as never)) for (const key of Object.keys(rule.conditions ?? {})) named.add(key);
    this.named = [...named].sort();
  }
  of(entry: CaseListEntry): Set<string> {
    const subject = subjectOf(entry) as Record<string, unknown>;
    const key = JSON.stringify(this.named.map((path) => path.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], subject)));
    let fields = this.cache.get(key);
    if (!fields) this.cache.set(key, (fields = new Set(permittedFields(this.ability, 'read', 'Case', subject))));
    return fields;
  }
}

const count = (segments: readonly SegmentRef[] | undefined) => (segments ?? []).reduce((sum, segment) => sum + segment.n, 0);

async function resolveSources(ctx: ServiceContext, sources: readonly ListSource[]): Promise<Resolved[]> {
  const expanded: ListSource[] = [];
  for (const source of sources) {
    if (source.boundary !== '*') {
      expanded.push(source);
      continue;
    }
    const orgs = await organisationModel(ctx.db).find({}, { _id: 1 }).lean();
    for (const org of orgs) expanded.push({ ...source, boundary: `o:${String(org._id)}` });
  }
  const directories = await Promise.all(expanded.map((source) => BoundaryDirectory.read(ctx.db, source.boundary)));
  return expanded.map((source, index) => ({ ...source, directory: directories[index]! }));
}

function selectionOf(source: Resolved, filters: Filters, me: string, now: number, fields: EntryFields): Selection {
  const lists = [...source.facets];
  const checks: Array<(entry: CaseListEntry) => boolean> = [];
  let empty = false;
  let partial = false;
  const need = (field: ListField, list?: string) => {
    const reach = source.fields[field];
    if (reach === 'none') empty = true;
    if (reach === 'partial') {
      partial = true;
      checks.push((entry) => fields.of(entry).has(field));
    }
    if (list && !lists.includes(list)) lists.push(list);
  };
  let nestedStage = false;
  if (filters.stage) {
    const stage = filters.stage;
    const top = topStageOf(stage);
    if (top === stage) need('workflow', `st:${stage}`);
    else {
      // A nested stage has no list of its own (case-list-entry.ts): its cases are those of its top-level stage's list
      // that are in it. A case can be under a top-level stage without being in it (`top:`); where the boundary has
      // such cases, every case of the boundary is a candidate.
      nestedStage = true;
      need('workflow', source.directory.count(`top:${top}`) === 0 ? `st:${top}` : undefined);
      checks.push((entry) => entry.st.includes(stage));
    }
  }
  const overdue = filters.overdue === 'true';
  if (overdue) {
    need('workflow');
    checks.push((entry) => entry.d !== null && entry.d <= now);
  }
  if (filters.assignedToMe === 'true') need('assignees', `a:${me}`);
  if (filters.unassigned === 'true') need('assignees', 'un');
  let search: string | null = null;
  if (filters.q) {
    search = foldCase(filters.q);
    const text = search;
    const matches = (reach: FieldReach, field: 'reference' | 'alias', value: (entry: CaseListEntry) => string) =>
      reach === 'none' ? null : (entry: CaseListEntry) => foldCase(value(entry)).includes(text) && (reach === 'all' || fields.of(entry).has(field));
    const byReference = matches(source.fields.reference, 'reference', (entry) => entry.r);
    const byAlias = matches(source.fields.alias, 'alias', (entry) => entry.a);
    if (!byReference && !byAlias) empty = true;
    else checks.push((entry) => Boolean(byReference?.(entry)) || Boolean(byAlias?.(entry)));
  }
  const check = checks.length ? (entry: CaseListEntry) => checks.every((test) => test(entry)) : null;
  return { lists, check, partial, overdue, search, nestedStage, empty };
}

/** How a source's matches are read: one list as it is, or candidates checked entry by entry. */
type Driver =
  | { kind: 'list'; list: string }
  | { kind: 'due'; segments: SegmentRef[] }
  | { kind: 'search'; segments: SegmentRef[] }
  | { kind: 'entries'; entries: CaseListEntry[] };

/** Search matches the index answers with at most: beyond this, reading the segments that hold matches is cheaper. */
const INDEX_CANDIDATES_MAX = 400;

async function driverOf(ctx: ServiceContext, source: Resolved, selection: Selection, now: number): Promise<{ driver: Driver; size: number }> {
  const options: Array<{ driver: Driver; size: number }> = [];
  for (const list of selection.lists.length ? selection.lists : ['']) {
    options.push({ driver: { kind: 'list', list }, size: source.directory.count(list) });
  }
  if (selection.overdue) {
    const segments = (await source.directory.segments('due')).filter((segment) => dueTimeOf(segment.first) <= now);
    options.push({ driver: { kind: 'due', segments }, size: count(segments) });
  }
  if (selection.search !== null) {
    // The search index first: the entries of the values holding the query, when there are few enough.
    const smallest = Math.min(...options.map((option) => option.size));
    const found = await searchEntries(ctx.db, CASE_LISTS, source.boundary, selection.search, Math.min(INDEX_CANDIDATES_MAX, smallest));
    if (found !== null) {
      const entries = found.filter((entry) => boundariesOf(entry).includes(source.boundary));
      return { driver: { kind: 'entries', entries }, size: entries.length };
    }
    const texts = await readSearchTexts(ctx.db, source.boundary);
    const segments = (await source.directory.segments('')).filter((segment) => mayMatch(texts[segment.id], selection.search!));
    options.push({ driver: { kind: 'search', segments }, size: count(segments) });
  }
  return options.reduce((best, option) => (option.size < best.size ? option : best));
}

/** Reads segments in order, `parallel` at a time. */
async function readAll(ctx: ServiceContext, boundary: string, segments: readonly SegmentRef[], parallel = 8): Promise<CaseListEntry[]> {
  const entries: CaseListEntry[] = [];
  for (let start = 0; start < segments.length; start += parallel) {
    const chunk = segments.slice(start, start + parallel);
    const read = await readSegments(ctx.db, boundary, chunk.map((segment) => segment.id));
    for (const segment of chunk) entries.push(...read.get(segment.id)!);
  }
  return entries;
}

/** The lists' own order of values (`ascending`), with null first as BSON orders it; pages sorted here and walked agree. */
function compareValues(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return ascending(a, b);
}

/** The case list's sort (`sort({ [field]: direction, _id: direction })`) over entries. */
function sortOf(sort: CaseListQuery['sort']): (a: CaseListEntry, b: CaseListEntry) => number {
  const direction = sort.startsWith('-') ? -1 : 1;
  const field = sort.replace(/^-/, '');
  const value = (entry: CaseListEntry) => (field === 'updatedAt' ? entry.u : field === 'createdAt' ? entry.c : field === 'reference' ? entry.r : entry.d);
  return (a, b) => direction * (compareValues(value(a), value(b)) || compareValues(a.i, b.i));
}

interface Collected {
  total: number;
  /** Matches in the requested order, from position `from` on: the window asked for, or every match. */
  entries: CaseListEntry[];
  from: number;
}

type SortField = 'updatedAt' | 'createdAt' | 'reference' | 'nextDueAt';

/**
 * The lists holding every case of `within` (a list of the boundary in updatedAt order) in the order of a sort, and
 * whether each entry walked is in `within`.
 */
function orderedWalk(directory: BoundaryDirectory, sort: CaseListQuery['sort'], within: string): { walk: ListWalk; everyEntry: boolean; size: number } {
  const descending = sort.startsWith('-');
  const field = sort.replace(/^-/, '') as SortField;
  const whole = (list: string) => ({ list, from: 0, to: Infinity });
  const lists = field === 'updatedAt' ? [within] : field === 'nextDueAt' ? ['nd', 'due'] : [ORDERED_BY[field]];
  return {
    // The updatedAt lists are newest first; the others ascending.
    walk: { ranges: lists.map(whole), backward: field === 'updatedAt' ? !descending : descending },
    everyEntry: field === 'updatedAt' || within === '',
    size: lists.reduce((sum, list) => sum + directory.count(list), 0),
  };
}

/**
 * A source's matches in positions `from`..`to` by walking lists already in the order asked for (case-list-walk.ts):
 * when the number of matches is known without reading them (one list, or the overdue cases, which are the start of
 * the due list) and the walk is expected to read fewer entries than the smallest list holding every match, which the
 * caller would otherwise read whole and sort. Null when that does not apply.
 */
async function walkInOrder(ctx: ServiceContext, source: Resolved, selection: Selection, sort: CaseListQuery['sort'], now: number, from: number, to: number): Promise<Collected | null> {
  if (selection.search !== null || selection.partial || selection.nestedStage || selection.lists.length > 1) return null;
  if (selection.overdue && selection.lists.length > 0) return null;
  const { directory, boundary } = source;
  const within = selection.lists[0] ?? '';
  let total: number;
  let plan: { walk: ListWalk; everyEntry: boolean; size: number };
  if (selection.overdue) {
    total = await dueCount(ctx, boundary, await directory.segments('due'), now);
    plan =
      sort === 'nextDueAt' || sort === '-nextDueAt'
        ? { walk: { ranges: [{ list: 'due', from: 0, to: total }], backward: sort === '-nextDueAt' }, everyEntry: true, size: total }
        : { ...orderedWalk(directory, sort, ''), everyEntry: false };
  } else {
    plan = orderedWalk(directory, sort, within);
    // Walking the list itself, count what its directory holds (the page is found from that directory too); walking
    // another, the summary's count spares reading this list's directory.
    total = plan.walk.ranges[0]!.list === within ? count(await directory.segments(within)) : directory.count(within);
  }
  const end = Math.min(to, total);
  if (from >= end) return { total, entries: [], from };
  // Entries the walk reads: the page itself when every entry is a match, else in proportion to how rare matches are.
  const expected = plan.everyEntry ? end - from : Math.ceil((end * plan.size) / total);
  if (!plan.everyEntry && expected > total) return null;
  const accept = plan.everyEntry ? null : (entry: CaseListEntry) => inList(entry, boundary, within) && (selection.check === null || selection.check(entry));
  const entries = await walkLists(ctx.db, directory, { walk: plan.walk, accept, skip: from, take: end - from, expected });
  return { total, entries, from };
}

/**
 * The matches of one source in positions `from`..`to` of the requested order. A source that is one list as it is
 * reads only the segments holding that window; any other reads its candidates and returns every match.
 */
async function collect(ctx: ServiceContext, source: Resolved, selection: Selection, filters: Filters, now: number, from: number, to: number): Promise<Collected> {
  if (selection.empty) return { total: 0, entries: [], from: 0 };
  const walked = await walkInOrder(ctx, source, selection, filters.sort, now, from, to);
  if (walked) return walked;
  const { driver } = await driverOf(ctx, source, selection, now);
  const others = selection.lists.filter((list) => driver.kind !== 'list' || list !== driver.list);
  const candidates =
    driver.kind === 'entries'
      ? driver.entries
      : await readAll(ctx, source.boundary, driver.kind === 'list' ? await source.directory.segments(driver.list) : driver.segments);
  const matches = candidates.filter((entry) => others.every((list) => inList(entry, source.boundary, list)) && (selection.check === null || selection.check(entry)));
  return { total: matches.length, entries: matches.sort(sortOf(filters.sort)), from: 0 };
}

/** Retries a read that met a segment replaced under it (a concurrent writer), with a fresh directory. */
async function consistent<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof StaleDirectoryError) || attempt >= 4) throw error;
    }
  }
}

function presentEntry(fields: EntryFields, entry: CaseListEntry, now: number): CaseSummary {
  const readable = fields.of(entry);
  return {
    id: entry.i,
    version: entry.v,
    reference: readable.has('reference') ? entry.r : undefined,
    alias: readable.has('alias') ? entry.a : undefined,
    assignees: readable.has('assignees') ? entry.as : undefined,
    ...(readable.has('workflow')
      ? { status: entry.s, stages: entry.st, nextDueAt: entry.d === null ? null : new Date(entry.d), overdue: entry.d !== null && entry.d <= now }
      : {}),
    updatedAt: new Date(entry.u),
  };
}

/** The plan of this request, or null when the lists cannot answer it (the caller then asks the database). */
async function planFor(ctx: ServiceContext) {
  const plan = listPlanOf(ctx.auth.ability);
  if (!plan || !(await caseListsReady(ctx.db))) return null;
  return plan;
}

/** `GET /api/cases` from the lists; null when they cannot answer for this user. */
export async function listFromLists(ctx: ServiceContext, query: CaseListQuery, now: Date) {
  const plan = await planFor(ctx);
  if (!plan) return null;
  const me = ctx.auth.user._id.toHexString();
  const at = now.getTime();
  const fields = new EntryFields(ctx.auth.ability);
  const offset = (query.page - 1) * query.pageSize;
  return consistent(async () => {
    const sources = await resolveSources(ctx, plan.sources);
    const merged = sources.length > 1 ? await mergedPage(ctx, sources, query, me, at, fields, offset, offset + query.pageSize) : null;
    if (merged) return { items: merged.entries.map((entry) => presentEntry(fields, entry, at)), total: merged.total, page: query.page, pageSize: query.pageSize };
    // One source: just the page. Several: each source's first offset + pageSize matches, merged.
    const from = sources.length === 1 ? offset : 0;
    const collected = await Promise.all(
      sources.map((source) => collect(ctx, source, selectionOf(source, query, me, at, fields), query, at, from, offset + query.pageSize)),
    );
    const page =
      sources.length === 1
        ? collected[0]!.entries.slice(offset - collected[0]!.from, offset - collected[0]!.from + query.pageSize)
        : collected.flatMap((part) => part.entries).sort(sortOf(query.sort)).slice(offset, offset + query.pageSize);
    return { items: page.map((entry) => presentEntry(fields, entry, at)), total: collected.reduce((sum, part) => sum + part.total, 0), page: query.page, pageSize: query.pageSize };
  });
}

/**
 * A page of several sources in the default order when the largest source is one list as it is (an organisation's
 * own cases, beside the few shared with it): the others' matches up to the page's end are read, and of the largest
 * list only the segments the page falls in (case-list-merge.ts). Null when that does not apply.
 */
async function mergedPage(ctx: ServiceContext, sources: Resolved[], query: CaseListQuery, me: string, at: number, fields: EntryFields, from: number, to: number) {
  if (query.sort !== '-updatedAt') return null;
  const selections = sources.map((source) => selectionOf(source, query, me, at, fields));
  const listOf = (index: number) => {
    const selection = selections[index]!;
    const plain = !selection.empty && selection.lists.length <= 1 && selection.check === null && !selection.overdue && selection.search === null;
    return plain ? (selection.lists[0] ?? '') : null;
  };
  let largest = -1;
  sources.forEach((source, index) => {
    const list = listOf(index);
    if (list !== null && (largest < 0 || source.directory.count(list) > sources[largest]!.directory.count(listOf(largest)!))) largest = index;
  });
  if (largest < 0) return null;
  const big = sources[largest]!;
  const list = listOf(largest)!;
  const others = await Promise.all(sources.map((source, index) => (index === largest ? null : collect(ctx, source, selections[index]!, query, at, 0, to))));
  const segments = await big.directory.segments(list);
  const rest = others.flatMap((part) => part?.entries ?? []).sort(sortOf(query.sort)).slice(0, to);
  const entries = await mergedWindow(list, segments, async (ids) => readSegments(ctx.db, big.boundary, ids), rest, from, to);
  return { entries, total: count(segments) + others.reduce((sum, part) => sum + (part?.total ?? 0), 0) };
}

/** Every match of the list's filters in the list's order, for the CSV export; null when the lists cannot answer. */
export async function exportFromLists(ctx: ServiceContext, query: Filters, now: Date): Promise<{ total: number; items: Iterable<CaseSummary> } | null> {
  const plan = await planFor(ctx);
  if (!plan) return null;
  const me = ctx.auth.user._id.toHexString();
  const at = now.getTime();
  const fields = new EntryFields(ctx.auth.ability);
  return consistent(async () => {
    const sources = await resolveSources(ctx, plan.sources);
    const collected = await Promise.all(sources.map((source) => collect(ctx, source, selectionOf(source, query, me, at, fields), query, at, 0, Infinity)));
    const all = sources.length === 1 ? collected[0]!.entries : collected.flatMap((part) => part.entries).sort(sortOf(query.sort));
    return { total: all.length, items: presentedOneByOne(fields, all, at) };
  });
}

/** Rows made as the answer is written (core/http/json-items-stream.ts): the entries are kept, not a copy of every row. */
function* presentedOneByOne(fields: EntryFields, entries: readonly CaseListEntry[], now: number): Generator<CaseSummary> {
  for (const entry of entries) yield presentEntry(fields, entry, now);
}

/** How many entries of a due list fall due at or before `now`: whole segments from the directory, one read. */
async function dueCount(ctx: ServiceContext, boundary: string, segments: readonly SegmentRef[] | undefined, now: number): Promise<number> {
  let total = 0;
  for (const segment of segments ?? []) {
    if (dueTimeOf(segment.last) <= now) total += segment.n;
    else {
      if (dueTimeOf(segment.first) <= now) total += (await readAll(ctx, boundary, [segment])).filter((entry) => entry.d !== null && entry.d <= now).length;
      break;
    }
  }
  return total;
}

const add = (counts: Record<string, number>, key: string, value: number) => {
  if (value > 0) counts[key] = (counts[key] ?? 0) + value;
};

/**
 * The dashboard's figures from the lists; null when they cannot answer. As in the list, positions and assignees
 * count only where the user may read those field groups on that case.
 */
export async function statsFromLists(ctx: ServiceContext, now: Date): Promise<CaseStats | null> {
  const plan = await planFor(ctx);
  if (!plan) return null;
  const me = ctx.auth.user._id.toHexString();
  const at = now.getTime();
  const fields = new EntryFields(ctx.auth.ability);
  return consistent(async () => {
    const stats: CaseStats = { total: 0, mine: 0, overdue: 0, perStage: {}, overdueByStage: {} };
    const sources = await resolveSources(ctx, plan.sources);
    for (const source of sources) {
      const { directory, boundary } = source;
      const whole = source.facets.length === 0;
      if (source.facets.length <= 1) {
        stats.total += directory.count(source.facets[0] ?? '');
      }
      // From the directory alone: a whole boundary, or a narrower list whose positions and assignees are not read.
      const blind = source.fields.assignees === 'none' && source.fields.workflow === 'none';
      const direct = (whole || (blind && source.facets.length === 1)) && source.fields.assignees !== 'partial' && source.fields.workflow !== 'partial';
      if (direct) {
        if (source.fields.assignees === 'all') stats.mine += directory.count(`a:${me}`);
        if (source.fields.workflow === 'all') {
          for (const list of directory.lists()) {
            if (/^st:[^/]+$/.test(list)) add(stats.perStage, list.slice(3), directory.count(list));
            if (list.startsWith('top:')) add(stats.perStage, list.slice(4), directory.count(list));
          }
          const due = directory.lists().filter((list) => list.startsWith('due:'));
          const [overdue, ...byStage] = await Promise.all([
            directory.segments('due').then((segments) => dueCount(ctx, boundary, segments, at)),
            ...due.map((list) => directory.segments(list).then((segments) => dueCount(ctx, boundary, segments, at))),
          ]);
          stats.overdue += overdue!;
          due.forEach((list, index) => add(stats.overdueByStage, list.slice(4), byStage[index]!));
        }
        continue;
      }
      // Narrower sources (a user's own cases) and partly readable groups: the source's entries, one by one.
      const smallest = (source.facets.length ? source.facets : ['']).reduce((best, list) => (directory.count(list) < directory.count(best) ? list : best));
      const entries = (await readAll(ctx, boundary, await directory.segments(smallest))).filter((entry) => source.facets.every((list) => inList(entry, boundary, list)));
      if (source.facets.length > 1) stats.total += entries.length;
      for (const entry of entries) {
        const readable = fields.of(entry);
        if (readable.has('assignees') && entry.as.includes(me)) stats.mine += 1;
        if (!readable.has('workflow')) continue;
        const overdue = entry.d !== null && entry.d <= at;
        if (overdue) stats.overdue += 1;
        for (const stage of topStages(entry)) {
          add(stats.perStage, stage, 1);
          if (overdue) add(stats.overdueByStage, stage, 1);
        }
      }
    }
    return stats;
  });
}
