import type { CaseListQuery } from '../../../contracts/cases/case.schemas';
import type { ServiceContext } from '../../access';
import { exportFromLists } from '../lists/case-list-query';
import type { CaseRuntime } from './case-runtime';
import { listCases } from './case.service';

const PAGE = 100;

/**
 * `GET /api/cases/all`: every case the list's filters match, in the list's order, as the same summaries, for the
 * CSV export of a whole list (the client no longer pages through it). From the precomputed lists in one pass where
 * they can answer; otherwise page by page from the database query. The items are an iterable, written out as they
 * come (core/http/json-items-stream.ts).
 */
export async function allCases(rt: CaseRuntime, ctx: ServiceContext, query: CaseListQuery): Promise<{ total: number; items: Iterable<unknown> }> {
  const listed = await exportFromLists(ctx, query, rt.clock.now());
  if (listed) return listed;
  const items: unknown[] = [];
  for (let page = 1; ; page += 1) {
    const body = await listCases(rt, ctx, { ...query, page, pageSize: PAGE });
    items.push(...body.items);
    if (body.items.length < PAGE || items.length >= body.total) return { items, total: items.length };
  }
}
