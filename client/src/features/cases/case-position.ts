import type { CaseRecord, CaseSummary } from './case.types';

/** Where a case stands: its active stage paths, deepest first within each branch. */
export function activeStages(record: CaseRecord | CaseSummary): string[] {
  const paths = 'stages' in record && Array.isArray(record.stages) ? record.stages : ((record as CaseRecord).workflow?.activeStages ?? []);
  return paths;
}

/** Active leaf stages: paths no other active path extends (what a person reads as "where the case is"). */
export function leafStages(record: CaseRecord | CaseSummary): string[] {
  const paths = activeStages(record);
  return paths.filter((path) => !paths.some((other) => other.startsWith(`${path}/`)));
}

/** The top-level stage of each active path (what the dashboard counts). */
export function topStages(record: CaseRecord | CaseSummary): string[] {
  return [...new Set(activeStages(record).map((path) => path.split('/')[0]!))];
}
