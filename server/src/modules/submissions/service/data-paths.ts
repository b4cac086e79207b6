import { checkWalkDepth } from '../../../core/json/json-depth';
import { isRecord, type JsonRecord } from '../../../core/json/json-guards';

// Sensitive fields are addressed by dotted data paths without row indexes (`members.name`): a datagrid row is
// an array element, so each step walks into every row. Every walk counts its depth (checkWalkDepth): rows nested in
// rows do not use up the path, so the data's own nesting bounds them.

function split(dataPath: string): string[] {
  return dataPath.split('.').filter((part) => part !== '');
}

/** Removes the value at the path (in every row), in place. */
export function removeDataPath(data: unknown, dataPath: string): void {
  const walk = (holder: unknown, parts: string[], depth: number): void => {
    checkWalkDepth(depth);
    if (Array.isArray(holder)) {
      for (const row of holder) walk(row, parts, depth + 1);
      return;
    }
    if (!isRecord(holder) || parts.length === 0) return;
    const [head, ...rest] = parts as [string, ...string[]];
    if (rest.length === 0) delete holder[head];
    else walk(holder[head], rest, depth + 1);
  };
  walk(data, split(dataPath), 0);
}

/** True when the path holds a value someone entered (not undefined, null, '' or an empty list/object). */
export function hasDataAt(data: unknown, dataPath: string): boolean {
  const walk = (holder: unknown, parts: string[], depth: number): boolean => {
    checkWalkDepth(depth);
    if (Array.isArray(holder)) return holder.some((row) => walk(row, parts, depth + 1));
    if (parts.length === 0) return isFilled(holder, depth);
    if (!isRecord(holder)) return false;
    const [head, ...rest] = parts as [string, ...string[]];
    return walk(holder[head], rest, depth + 1);
  };
  return walk(data, split(dataPath), 0);
}

function isFilled(value: unknown, depth: number): boolean {
  checkWalkDepth(depth);
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.some((item) => isFilled(item, depth + 1));
  if (isRecord(value)) return Object.values(value).some((item) => isFilled(item, depth + 1));
  return true;
}

/**
 * Copies the value at a top-level-or-nested path from `source` into `target` (no row-wise merge: a value inside
 * datagrid rows is carried over only when the rows line up one to one).
 */
export function copyDataPath(source: JsonRecord, target: JsonRecord, dataPath: string): void {
  const walk = (from: unknown, to: unknown, parts: string[], depth: number): void => {
    checkWalkDepth(depth);
    if (Array.isArray(from) && Array.isArray(to)) {
      from.forEach((row, index) => walk(row, to[index], parts, depth + 1));
      return;
    }
    if (!isRecord(from) || !isRecord(to) || parts.length === 0) return;
    const [head, ...rest] = parts as [string, ...string[]];
    if (rest.length === 0) {
      if (head in from) to[head] = structuredClone(from[head]);
      else delete to[head];
      return;
    }
    if (!(head in to) && isRecord(from[head])) to[head] = {};
    walk(from[head], to[head], rest, depth + 1);
  };
  walk(source, target, split(dataPath), 0);
}

/** Keys whose names the database cannot store (`.` anywhere, `$` first), with their paths. */
export function unstorableKeys(value: unknown): string[] {
  // Almost every submission has none: look first, and build the paths only when there is one to report.
  return hasUnstorableKey(value, 0) ? unstorableKeysAt(value, '', 0) : [];
}

const isUnstorable = (key: string) => key.includes('.') || key.startsWith('$');

function hasUnstorableKey(value: unknown, depth: number): boolean {
  checkWalkDepth(depth);
  if (Array.isArray(value)) return value.some((item) => hasUnstorableKey(item, depth + 1));
  if (!isRecord(value)) return false;
  for (const key in value) {
    if (Object.hasOwn(value, key) && (isUnstorable(key) || hasUnstorableKey(value[key], depth + 1))) return true;
  }
  return false;
}

function unstorableKeysAt(value: unknown, path: string, depth: number): string[] {
  checkWalkDepth(depth);
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableKeysAt(item, `${path}[${index}]`, depth + 1));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = path ? `${path}.${key}` : key;
    return [...(isUnstorable(key) ? [here] : []), ...unstorableKeysAt(inner, here, depth + 1)];
  });
}

/** Every value at the path, row by row, for comparing what a client sent with what is stored. */
export function valuesAt(data: unknown, dataPath: string): unknown[] {
  const walk = (holder: unknown, parts: string[], depth: number): unknown[] => {
    checkWalkDepth(depth);
    if (Array.isArray(holder)) return holder.flatMap((row) => walk(row, parts, depth + 1));
    if (parts.length === 0) return [holder ?? null];
    if (!isRecord(holder)) return [];
    const [head, ...rest] = parts as [string, ...string[]];
    return walk(holder[head], rest, depth + 1);
  };
  return walk(data, split(dataPath), 0);
}
