import { apiSend, itemsOf } from '../../api/http';
import type { CaseRecord, CaseSummary } from './case.types';

export interface CaseFilter {
  scope: 'mine' | 'all';
  stage: string;
  overdue: boolean;
  assigned: '' | 'me' | 'unassigned';
  q: string;
}

export const EMPTY_FILTER: CaseFilter = { scope: 'mine', stage: '', overdue: false, assigned: '', q: '' };

/** `GET /api/cases?stage&overdue&assignedToMe&q&pageSize` (server/src/modules/cases/case.schemas.ts). */
export function casesUrl(filter: Partial<CaseFilter>): string {
  const params = new URLSearchParams({ pageSize: '100' });
  if (filter.scope === 'mine' || filter.assigned === 'me') params.set('assignedToMe', 'true');
  if (filter.stage) params.set('stage', filter.stage);
  if (filter.overdue) params.set('overdue', 'true');
  if (filter.q) params.set('q', filter.q.slice(0, 60));
  return `/api/cases?${params.toString()}`;
}

export const caseItems = (body: { items: CaseSummary[] } | undefined) => itemsOf(body);

export function fireEvent(caseId: string, type: string): Promise<CaseRecord> {
  return apiSend<CaseRecord>('POST', `/api/cases/${encodeURIComponent(caseId)}/events`, { type });
}
