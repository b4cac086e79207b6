import type { CaseFilter } from './cases.api';
import { overdueDeadlines, topStages } from './case-position';
import type { CaseRecord } from './case.types';

/** The same filters applied in the browser too, so that the list is right even if the server ignores a parameter. */
export function filterCases(items: CaseRecord[], filter: CaseFilter, userId: string): CaseRecord[] {
  const text = filter.q.trim().toLowerCase();
  return items.filter((record) => {
    if (filter.scope === 'mine' && record.assignees && !record.assignees.includes(userId)) return false;
    if (filter.stage && !topStages(record).includes(filter.stage)) return false;
    if (filter.overdue && overdueDeadlines(record).length === 0) return false;
    if (filter.assigned === 'me' && !record.assignees?.includes(userId)) return false;
    if (filter.assigned === 'unassigned' && (record.assignees?.length ?? 0) > 0) return false;
    if (text && ![record.reference, record.alias].some((value) => typeof value === 'string' && value.toLowerCase().includes(text))) return false;
    return true;
  });
}
