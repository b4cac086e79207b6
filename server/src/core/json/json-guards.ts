// Form definitions and submissions arrive as untyped JSON; these guards keep the rest of the module free of `any`.

import { checkWalkDepth } from './json-depth';
import type { JsonRecord } from '../../contracts/json/json-guards';

// The type guards are the shared contract's (the client reads the same JSON).
export { isNonEmptyString, isRecord, type JsonRecord } from '../../contracts/json/json-guards';

/**
 * A deep copy of JSON data (as JSON.parse or a lean database read gives it: no Dates, Maps or cycles); @formio/core
 * mutates both the components and the data it processes. Measured on the 60-field form's components: 15 µs, against
 * 53 µs for JSON.parse of the same text and 110 µs for structuredClone. Deeper than any accepted JSON is a 400.
 */
export function cloneJson<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== 'object') return value;
  checkWalkDepth(depth);
  if (Array.isArray(value)) return value.map((item: unknown) => cloneJson(item, depth + 1)) as T;
  const copy: JsonRecord = {};
  for (const key of Object.keys(value)) {
    const item = cloneJson((value as JsonRecord)[key], depth + 1);
    // A JSON key "__proto__" is an own property; assigning it would set the copy's prototype instead.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy as T;
}
