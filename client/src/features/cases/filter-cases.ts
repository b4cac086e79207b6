import type { CaseFilter } from './cases.api';
import { topStages } from './case-position';
import type { CaseSummary } from './case.types';

/** The same filters applied in the browser too, so that the list is right even if the server ignores a parameter. */
export function filterCases(items: CaseSummary[], filter: CaseFilter, userId: string): CaseSummary[] {
  const text = filter.q.trim().toLowerCase();
  return items.filter((record) => {
    if (filter.scope === 'mine' && record.assignees && !record.assignees.includes(userId)) return false;
    if (filter.stage && !topStages(record).includes(filter.stage)) return false;
    if (filter.overdue && !record.overdue) return false;
    if (filter.assigned === 'me' && !record.assignees?.includes(userId)) return false;
    if (filter.assigned === 'unassigned' && (record.assignees?.length ?? 0) > 0) return false;
    if (text && ![record.reference, record.alias].some((value) => typeof value === 'string' && value.toLowerCase().includes(text))) return false;
    return true;
  });
}
