import { isRecord, type JsonRecord } from '../shared/json-guards';

// Sensitive fields are addressed by dotted data paths without row indexes (`members.name`): a datagrid row is
// an array element, so each step walks into every row.

function split(dataPath: string): string[] {
  return dataPath.split('.').filter((part) => part !== '');
}

/** Removes the value at the path (in every row), in place. */
export function removeDataPath(data: unknown, dataPath: string): void {
  const walk = (holder: unknown, parts: string[]): void => {
    if (Array.isArray(holder)) {
      for (const row of holder) walk(row, parts);
      return;
    }
    if (!isRecord(holder) || parts.length === 0) return;
    const [head, ...rest] = parts as [string, ...string[]];
    if (rest.length === 0) delete holder[head];
    else walk(holder[head], rest);
  };
  walk(data, split(dataPath));
}

/** True when the path holds a value someone entered (not undefined, null, '' or an empty list/object). */
export function hasDataAt(data: unknown, dataPath: string): boolean {
  const walk = (holder: unknown, parts: string[]): boolean => {
    if (Array.isArray(holder)) return holder.some((row) => walk(row, parts));
    if (parts.length === 0) return isFilled(holder);
    if (!isRecord(holder)) return false;
    const [head, ...rest] = parts as [string, ...string[]];
    return walk(holder[head], rest);
  };
  return walk(data, split(dataPath));
}

function isFilled(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.some(isFilled);
  if (isRecord(value)) return Object.values(value).some(isFilled);
  return true;
}

/**
 * Copies the value at a top-level-or-nested path from `source` into `target` (no row-wise merge: a value inside
 * datagrid rows is carried over only when the rows line up one to one).
 */
export function copyDataPath(source: JsonRecord, target: JsonRecord, dataPath: string): void {
  const walk = (from: unknown, to: unknown, parts: string[]): void => {
    if (Array.isArray(from) && Array.isArray(to)) {
      from.forEach((row, index) => walk(row, to[index], parts));
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
    walk(from[head], to[head], rest);
  };
  walk(source, target, split(dataPath));
}

/** Keys whose names the database cannot store (`.` anywhere, `$` first), with their paths. */
export function unstorableKeys(value: unknown): string[] {
  // Almost every submission has none: look first, and build the paths only when there is one to report.
  return hasUnstorableKey(value) ? unstorableKeysAt(value, '') : [];
}

const isUnstorable = (key: string) => key.includes('.') || key.startsWith('$');

function hasUnstorableKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasUnstorableKey);
  if (!isRecord(value)) return false;
  for (const key in value) {
    if (Object.hasOwn(value, key) && (isUnstorable(key) || hasUnstorableKey(value[key]))) return true;
  }
  return false;
}

function unstorableKeysAt(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableKeysAt(item, `${path}[${index}]`));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = path ? `${path}.${key}` : key;
    return [...(isUnstorable(key) ? [here] : []), ...unstorableKeysAt(inner, here)];
  });
}

/** Every value at the path, row by row, for comparing what a client sent with what is stored. */
export function valuesAt(data: unknown, dataPath: string): unknown[] {
  const walk = (holder: unknown, parts: string[]): unknown[] => {
    if (Array.isArray(holder)) return holder.flatMap((row) => walk(row, parts));
    if (parts.length === 0) return [holder ?? null];
    if (!isRecord(holder)) return [];
    const [head, ...rest] = parts as [string, ...string[]];
    return walk(holder[head], rest);
  };
  return walk(data, split(dataPath));
}
