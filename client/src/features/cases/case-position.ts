import type { CaseSummary, CaseView } from '@contracts/cases/case-view.types';

/** Where a case stands: its active stage paths, deepest first within each branch. */
export function activeStages(record: CaseView | CaseSummary): string[] {
  return 'workflow' in record ? (record.workflow?.activeStages ?? []) : ((record as CaseSummary).stages ?? []);
}

/** The top-level stage of each active path (what the dashboard counts). */
export function topStages(record: CaseView | CaseSummary): string[] {
  return [...new Set(activeStages(record).map((path) => path.split('/')[0]!))];
}

/**
 * The stages of a timeline step worth naming: the top-level stages it entered, or, for a step inside one stage (a
 * service track moving on), the deepest stages it entered.
 */
export function shownStages(paths: string[]): string[] {
  const top = paths.filter((path) => !path.includes('/'));
  if (top.length > 0) return top;
  return paths.filter((path) => !paths.some((other) => other.startsWith(`${path}/`)));
}
