import type { CaseRecord } from './case.types';

/** Leaf stage paths of an XState state value, e.g. `{ a: { b: 'c' } }` → `a/b/c`. */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}/${value}` : value];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}/${key}` : key));
}

/** Where a case stands: its active leaf stages. */
export function activeStages(record: CaseRecord): string[] {
  if (record.workflow?.stages?.length) return record.workflow.stages;
  return leafPaths(record.workflow?.snapshot?.value);
}

/** The top-level stage of each active path (what the dashboard counts). */
export function topStages(record: CaseRecord): string[] {
  return [...new Set(activeStages(record).map((path) => path.split('/')[0]!))];
}

export function overdueDeadlines(record: CaseRecord, now = Date.now()) {
  return (record.workflow?.deadlines ?? []).filter((deadline) => !deadline.done && new Date(deadline.dueAt).getTime() < now);
}
