// Form definitions and submissions arrive as untyped JSON; these guards keep the rest of the module free of `any`.

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** A deep copy of JSON data; @formio/core mutates both the components and the data it processes. */
export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}
