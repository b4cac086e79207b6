import { apiSend, itemsOf } from '../../api/http';
import type { CaseRecord } from './case.types';

export interface CaseFilter {
  scope: 'mine' | 'all';
  stage: string;
  overdue: boolean;
  assigned: '' | 'me' | 'unassigned';
  q: string;
}

export const EMPTY_FILTER: CaseFilter = { scope: 'mine', stage: '', overdue: false, assigned: '', q: '' };

/** `GET /api/cases?scope&stage&overdue&assigned&q` (expected shape: `{ items, total }` or an array). */
export function casesUrl(filter: Partial<CaseFilter>): string {
  const params = new URLSearchParams();
  if (filter.scope) params.set('scope', filter.scope);
  if (filter.stage) params.set('stage', filter.stage);
  if (filter.overdue) params.set('overdue', 'true');
  if (filter.assigned) params.set('assigned', filter.assigned);
  if (filter.q) params.set('q', filter.q);
  return `/api/cases?${params.toString()}`;
}

export const caseItems = (body: CaseRecord[] | { items: CaseRecord[] } | undefined) => itemsOf(body);

export function fireEvent(caseId: string, type: string): Promise<CaseRecord> {
  return apiSend<CaseRecord>('POST', `/api/cases/${encodeURIComponent(caseId)}/events`, { type });
}
