import type { CaseEventInput, CaseListQuery } from '@contracts/cases/case.schemas';
import type { CaseDetail, CaseList, CaseSummary } from '@contracts/cases/case-view.types';
import { apiGet, apiSend, itemsOf } from '../../api/http';

export interface CaseFilter {
  scope: 'mine' | 'all';
  stage: string;
  overdue: boolean;
  assigned: '' | 'me' | 'unassigned';
  q: string;
  sort: CaseListSort;
}

/**
 * The orders the list offers. By deadline is left out: the server sorts as the database does, cases without a
 * deadline first, which is not what anyone choosing "earliest deadline" wants to see.
 */
export const CASE_LIST_SORTS = ['-updatedAt', '-createdAt', 'createdAt', 'reference'] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number] & CaseListQuery['sort'];

export const EMPTY_FILTER: CaseFilter = { scope: 'mine', stage: '', overdue: false, assigned: '', q: '', sort: '-updatedAt' };

export const CASE_PAGE_SIZE = 50;

/**
 * `GET /api/cases` with every filter applied by the server (server/src/modules/cases/case.schemas.ts), one page at a
 * time, so the list is right however many cases there are; the server applies a filter on a field group only where
 * the user may read that group.
 */
export function casesUrl(filter: Partial<CaseFilter>, page = 1, pageSize = CASE_PAGE_SIZE): string {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (filter.scope === 'mine' || filter.assigned === 'me') params.set('assignedToMe', 'true');
  if (filter.assigned === 'unassigned') params.set('unassigned', 'true');
  if (filter.stage) params.set('stage', filter.stage);
  if (filter.overdue) params.set('overdue', 'true');
  if (filter.q?.trim()) params.set('q', filter.q.trim().slice(0, 60));
  if (filter.sort && filter.sort !== EMPTY_FILTER.sort) params.set('sort', filter.sort);
  return `/api/cases?${params.toString()}`;
}

/** Every case matching the filter in one request (`GET /api/cases/all`), for the CSV export of the whole list. */
export async function allCases(filter: CaseFilter): Promise<CaseSummary[]> {
  return (await apiGet<CaseList>(casesUrl(filter).replace(/^\/api\/cases\?/, '/api/cases/all?'))).items;
}

export const caseItems = (body: CaseList | undefined) => itemsOf(body);

export function fireEvent(caseId: string, type: string, data: CaseEventInput['data'] = {}): Promise<CaseDetail> {
  const event: CaseEventInput = { type, data };
  return apiSend<CaseDetail>('POST', `/api/cases/${encodeURIComponent(caseId)}/events`, event);
}
