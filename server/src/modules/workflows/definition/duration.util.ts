import { checkWalkDepth } from '../../../core/json/json-depth';
import { Duration as LuxonDuration } from 'luxon';
import type { Duration } from '../../../contracts/workflows/workflow-definition.schemas';

export function isIsoDuration(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('P') && LuxonDuration.fromISO(value).isValid;
}

/** Collects every `{ parameter: name }` reference anywhere in a JSON value, with its pointer. */
export function collectParameterRefs(value: unknown, pointer: string, out: { name: string; pointer: string }[] = [], depth = 0) {
  checkWalkDepth(depth);
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectParameterRefs(v, `${pointer}/${i}`, out, depth + 1));
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === 'parameter' && typeof record.parameter === 'string') {
      out.push({ name: record.parameter, pointer });
    } else {
      for (const [k, v] of Object.entries(record)) collectParameterRefs(v, `${pointer}/${k}`, out, depth + 1);
    }
  }
  return out;
}

export class UnresolvedDurationError extends Error {
  constructor(readonly reference: string) {
    super(`unresolved duration ${reference}`);
  }
}

/** A jurisdiction parameter is stored as `{ value, ... }` or as a bare value; a duration must be ISO 8601. */
export function parameterValue(parameters: Record<string, unknown>, name: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(parameters, name)) return undefined;
  return parameters[name];
}

export function resolveDuration(duration: Duration, parameters: Record<string, unknown>): LuxonDuration {
  const text = typeof duration === 'string' ? duration : parameterValue(parameters, duration.parameter);
  if (!isIsoDuration(text)) {
    throw new UnresolvedDurationError(typeof duration === 'string' ? duration : duration.parameter);
  }
  return LuxonDuration.fromISO(text);
}
