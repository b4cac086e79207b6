// Pages of long case lists in every sort and filter, against a plain sort of the same entries: the lists of one
// organisation hold 1,500 cases in segments of 150, so a page sorted another way than by last change, or the
// overdue cases in any order, is walked across many segments, forwards and backwards, from the start and deep in
// (case-list-walk.ts), or read whole and sorted when that is cheaper. Every answer must be the exact page.
import { CaseListQuerySchema } from '../../server/src/contracts/cases/case.schemas';
import type { ServiceContext } from '../../server/src/modules/access';
import { listFromLists, writeBoundaryLists, type CaseListEntry } from '../../server/src/modules/cases/testing';
import { contextOf, createCaseApp, login, type CaseApp } from '../helpers/case-app';

jest.setTimeout(300_000);

let t: CaseApp;
let entries: CaseListEntry[];
/**
 * The Helsinki caseworker (her own cases and those shared with her: two sources, each read from its start and merged)
 * and the police liaison (the cases with the police consent only: one source, whose pages are read from their depth).
 */
const USERS = ['worker@helsinki.demo.test', 'police@helsinki.demo.test'];
const users = new Map<string, ServiceContext>();
const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;

/** A fixed pseudo-random sequence, so that a failure can be reproduced. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

beforeAll(async () => {
  t = await createCaseApp('case_list_walk');
  for (const email of USERS) users.set(email, await contextOf(t.db, (await login(t.app, email)).token));
  const helsinki = users.get('worker@helsinki.demo.test')!;
  const org = helsinki.auth.org._id.toHexString();
  const me = helsinki.auth.user._id.toHexString();
  const next = sequence(15);
  // Stages from common to rare; a third without a deadline, a fifth overdue; some references and times shared, so
  // that ties are broken by id in every order.
  const stages = ['intake', 'intake', 'intake', 'identification', 'identification', 'recovery', 'recovery', 'recovery', 'recovery', 'closure'];
  entries = Array.from({ length: 1_500 }, (_, index) => {
    const roll = next();
    const due = roll < 0.33 ? null : roll < 0.53 ? NOW - Math.floor(next() * 40 * DAY) : NOW + Math.floor(next() * 60 * DAY);
    const assigned = next();
    return {
      i: (0x200000 + index).toString(16).padStart(24, '0'),
      v: 1,
      o: org,
      r: `HEL-2026-${String(Math.floor(next() * 1_400)).padStart(5, '0')}`,
      a: `Person ${index}`,
      as: assigned < 0.1 ? [] : assigned < 0.4 ? [me] : ['65f0000000000000000000aa'],
      sw: [],
      cg: next() < 0.6 ? ['police'] : [],
      st: stagesOf(index, stages[Math.floor(next() * stages.length)]!, next()),
      s: 'active',
      d: due,
      u: NOW - Math.floor(next() * 300) * DAY,
      c: NOW - 400 * DAY + Math.floor(next() * 90) * DAY,
    };
  });
  await writeBoundaryLists(t.db, `o:${org}`, entries);
});
afterAll(() => t.close());

/**
 * A case's active stage paths: a recovering case is also in one of two nested stages; a few closing ones are in a
 * nested stage without its top-level stage (as stored cases may be), so the filter cannot rely on that stage's list.
 */
function stagesOf(index: number, stage: string, roll: number): string[] {
  if (index % 97 === 0) return ['exit'];
  if (stage === 'recovery') return ['recovery', roll < 0.2 ? 'recovery/period/extended' : 'recovery/period/running'];
  if (stage === 'closure' && roll < 0.3) return ['closure/archived'];
  return [stage];
}

/** The page as a plain sort of every entry gives it (the database's order: null first, ties by id). */
function expected(filter: (entry: CaseListEntry) => boolean, sort: string, page: number, pageSize: number) {
  const direction = sort.startsWith('-') ? -1 : 1;
  const field = sort.replace(/^-/, '');
  const value = (entry: CaseListEntry) => (field === 'updatedAt' ? entry.u : field === 'createdAt' ? entry.c : field === 'reference' ? entry.r : entry.d);
  const compare = (a: unknown, b: unknown) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : (a as string) < (b as string) ? -1 : 1);
  const matches = entries.filter(filter).sort((a, b) => direction * (compare(value(a), value(b)) || compare(a.i, b.i)));
  return { total: matches.length, ids: matches.slice((page - 1) * pageSize, page * pageSize).map((entry) => entry.i) };
}

const SORTS = ['-updatedAt', 'updatedAt', 'reference', '-reference', 'createdAt', '-createdAt', 'nextDueAt', '-nextDueAt'];

async function expectPages(ctx: ServiceContext, filters: Array<[Record<string, string>, (entry: CaseListEntry) => boolean]>) {
  for (const sort of SORTS) {
    for (const [filter, test] of filters) {
      const total = entries.filter(test).length;
      for (const [page, pageSize] of [
        [1, 50],
        [3, 7],
        [Math.max(1, Math.ceil((total * 0.8) / 20)), 20],
        [Math.ceil(total / 13), 13],
        [Math.ceil(total / 13) + 1, 13],
      ] as Array<[number, number]>) {
        const query = CaseListQuerySchema.parse({ ...filter, sort, page: String(page), pageSize: String(pageSize) });
        const answer = await listFromLists(ctx, query, new Date(NOW));
        const want = expected(test, sort, page, pageSize);
        expect({ sort, filter, page, pageSize, total: answer?.total, ids: answer?.items.map((item) => item.id) }).toEqual({ sort, filter, page, pageSize, ...want });
      }
    }
  }
}

it('gives the caseworker the exact page of every sort and filter, first, middle and last', async () => {
  const me = users.get('worker@helsinki.demo.test')!.auth.user._id.toHexString();
  await expectPages(users.get('worker@helsinki.demo.test')!, [
    [{}, () => true],
    [{ stage: 'recovery' }, (entry) => entry.st.includes('recovery')],
    [{ stage: 'exit' }, (entry) => entry.st.includes('exit')],
    [{ unassigned: 'true' }, (entry) => entry.as.length === 0],
    [{ assignedToMe: 'true' }, (entry) => entry.as.includes(me)],
    [{ overdue: 'true' }, (entry) => entry.d !== null && entry.d <= NOW],
    [{ overdue: 'true', stage: 'intake' }, (entry) => entry.d !== null && entry.d <= NOW && entry.st.includes('intake')],
    // Nested stages, read from their top-level stage's list, or from every case where some are under it without being in it.
    [{ stage: 'recovery/period/extended' }, (entry) => entry.st.includes('recovery/period/extended')],
    [{ stage: 'closure/archived' }, (entry) => entry.st.includes('closure/archived')],
    [{ stage: 'closure' }, (entry) => entry.st.includes('closure')],
    [{ overdue: 'true', stage: 'recovery/period/running' }, (entry) => entry.d !== null && entry.d <= NOW && entry.st.includes('recovery/period/running')],
  ]);
});

it('gives the police liaison, who reads only the cases with the police consent, the exact page of every sort', async () => {
  await expectPages(users.get('police@helsinki.demo.test')!, [[{}, (entry) => entry.cg.includes('police')]]);
});
