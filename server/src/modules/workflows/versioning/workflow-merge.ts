import { isDeepStrictEqual } from 'node:util';
import type { WorkflowDefinition } from '../definition/workflow-definition.schemas';
import { isPlainObject, joinPointer } from './json-pointer.util';

export interface MergeConflict {
  path: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

export interface MergeResult {
  merged: WorkflowDefinition;
  conflicts: MergeConflict[];
}

/** Keys that belong to the clone itself, not to the content being merged. */
const OWN_KEYS = new Set(['id', 'version', 'upstream']);

/**
 * Three-way merge of an upstream change (`base` → `theirs`) into a local clone (`ours`). Objects merge key by key;
 * arrays (transition lists, forms, deadlines) and scalars are taken whole. Where both sides changed the same value
 * differently, ours is kept and a conflict is reported: a local change is never silently overwritten. The merged
 * definition must be validated again before it is saved.
 */
export function mergeWorkflows(
  base: WorkflowDefinition,
  ours: WorkflowDefinition,
  theirs: WorkflowDefinition,
): MergeResult {
  const conflicts: MergeConflict[] = [];
  const merged = mergeValue(base, ours, theirs, '', conflicts, true) as WorkflowDefinition;
  return { merged, conflicts };
}

const ABSENT = Symbol('absent');
type Value = unknown;

function mergeValue(base: Value, ours: Value, theirs: Value, path: string, conflicts: MergeConflict[], root = false): Value {
  if (isDeepStrictEqual(ours, theirs)) return ours;
  if (isDeepStrictEqual(base, theirs)) return ours; // only we changed it
  if (isDeepStrictEqual(base, ours)) return theirs; // only upstream changed it
  if (isPlainObject(ours) && isPlainObject(theirs) && (isPlainObject(base) || base === ABSENT)) {
    const b = isPlainObject(base) ? base : {};
    const out: Record<string, unknown> = {};
    const keys = new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(b)]);
    for (const key of keys) {
      const o = key in ours ? ours[key] : ABSENT;
      if (root && OWN_KEYS.has(key)) {
        if (o !== ABSENT) out[key] = o;
        continue;
      }
      const value = mergeValue(key in b ? b[key] : ABSENT, o, key in theirs ? theirs[key] : ABSENT, joinPointer(path, key), conflicts);
      if (value !== ABSENT) out[key] = value;
    }
    return out;
  }
  conflicts.push({ path, base: visible(base), ours: visible(ours), theirs: visible(theirs) });
  return ours;
}

function visible(value: Value): unknown {
  return value === ABSENT ? undefined : value;
}
