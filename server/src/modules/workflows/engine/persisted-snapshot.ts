import { checkWalkDepth } from '../../../core/json/json-depth';
import type { StateValue } from 'xstate';
import type { WorkflowSnapshot } from '../../../contracts/workflows/workflow-snapshot.types';

/** What a case stores of its workflow's state: the contract's snapshot, which the client reads too. */
export type PersistedWorkflowSnapshot = WorkflowSnapshot;

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
