import { checkWalkDepth } from '../../../core/json/json-depth';
import type { StateValue } from 'xstate';

/**
 * What a case stores. Stage ids are document-key safe and entry times are keyed by stage path joined with `/`, so
 * the snapshot has no `.` keys and no `$` keys (MongoDB and FerretDB can store it as is).
 */
export interface PersistedWorkflowSnapshot {
  status: 'active' | 'done';
  value: StateValue;
  /** ISO time each active stage was entered, by stage path (`assistance/plan/approved`). */
  stageEntries: Record<string, string>;
}

export class UnstorableSnapshotError extends Error {
  constructor(readonly key: string) {
    super(`snapshot key not storable: ${key}`);
  }
}

/** Throws when any key anywhere contains `.` or starts with `$`. */
export function assertStorable(value: unknown, depth = 0): void {
  checkWalkDepth(depth);
  if (Array.isArray(value)) {
    value.forEach((item: unknown) => assertStorable(item, depth + 1));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('.') || key.startsWith('$')) throw new UnstorableSnapshotError(key);
      assertStorable(child, depth + 1);
    }
  }
}

/** Leaf stage paths of a state value, e.g. `{ a: { b: 'c', d: 'e' } }` → `a/b/c`, `a/d/e`. */
export function activeLeafPaths(value: StateValue, prefix = '', depth = 0): string[] {
  checkWalkDepth(depth);
  if (typeof value === 'string') return [prefix ? `${prefix}/${value}` : value];
  return Object.entries(value).flatMap(([key, child]) =>
    child === undefined ? [] : activeLeafPaths(child, prefix ? `${prefix}/${key}` : key, depth + 1),
  );
}
