import { assertJsonDepth, checkWalkDepth } from '../../../core/json/json-depth';
import { isDeepStrictEqual } from 'node:util';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
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
 * Three-way merge of an upstream change (`base` → `theirs`) into a local clone (`ours`). Objects merge key by key,
 * lists of items with an `id` (deadlines) item by item; other arrays (transition lists, forms) and scalars are taken
 * whole. Where both sides changed the same value
 * differently, ours is kept and a conflict is reported: a local change is never silently overwritten. The merged
 * definition must be validated again before it is saved.
 */
export function mergeWorkflows(
  base: WorkflowDefinition,
  ours: WorkflowDefinition,
  theirs: WorkflowDefinition,
): MergeResult {
  // mergeValue is bounded, but Node's isDeepStrictEqual, which it calls on whole values, recurses without a bound.
  for (const definition of [base, ours, theirs]) assertJsonDepth(definition);
  const conflicts: MergeConflict[] = [];
  const merged = mergeValue(base, ours, theirs, '', conflicts, 0, true) as WorkflowDefinition;
  return { merged, conflicts };
}

const ABSENT = Symbol('absent');
type Value = unknown;

function mergeValue(base: Value, ours: Value, theirs: Value, path: string, conflicts: MergeConflict[], depth: number, root = false): Value {
  checkWalkDepth(depth);
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
      const value = mergeValue(key in b ? b[key] : ABSENT, o, key in theirs ? theirs[key] : ABSENT, joinPointer(path, key), conflicts, depth + 1);
      if (value !== ABSENT) out[key] = value;
    }
    return out;
  }
  if (isIdList(ours) && isIdList(theirs) && (base === ABSENT || isIdList(base))) {
    return mergeIdLists(base === ABSENT ? [] : (base as IdItem[]), ours, theirs, path, conflicts, depth + 1);
  }
  conflicts.push({ path, base: visible(base), ours: visible(ours), theirs: visible(theirs) });
  return ours;
}

type IdItem = Record<string, unknown> & { id: string };

/** Lists whose items carry a unique `id` (deadlines) merge item by item, so two edits to different items both land. */
function isIdList(value: Value): value is IdItem[] {
  if (!Array.isArray(value)) return false;
  const ids = value.map((item) => (isPlainObject(item) && typeof item.id === 'string' ? item.id : null));
  return ids.every((id) => id !== null) && new Set(ids).size === ids.length;
}

function mergeIdLists(base: IdItem[], ours: IdItem[], theirs: IdItem[], path: string, conflicts: MergeConflict[], depth: number): Value {
  const byId = (list: IdItem[]) => new Map(list.map((item) => [item.id, item]));
  const b = byId(base);
  const t = byId(theirs);
  const out: IdItem[] = [];
  ours.forEach((item, i) => {
    const merged = mergeValue(b.get(item.id) ?? ABSENT, item, t.get(item.id) ?? ABSENT, joinPointer(path, i), conflicts, depth + 1);
    if (merged !== ABSENT) out.push(merged as IdItem);
  });
  const oursIds = new Set(ours.map((item) => item.id));
  for (const item of theirs) {
    if (oursIds.has(item.id)) continue;
    // Added upstream, or removed by us: keep our removal unless upstream also changed the item.
    const merged = mergeValue(b.get(item.id) ?? ABSENT, ABSENT, item, joinPointer(path, out.length), conflicts, depth + 1);
    if (merged !== ABSENT) out.push(merged as IdItem);
  }
  return out;
}

function visible(value: Value): unknown {
  return value === ABSENT ? undefined : value;
}
