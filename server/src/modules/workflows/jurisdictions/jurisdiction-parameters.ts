import { isIsoDuration } from '../definition/duration.util';
import type { Jurisdiction } from './jurisdiction.schemas';

/** The values guards and durations see (`params.<name>`), without the provenance notes. */
export function jurisdictionParameterValues(jurisdiction: Jurisdiction): Record<string, unknown> {
  return Object.fromEntries(Object.entries(jurisdiction.parameters).map(([name, p]) => [name, p.value]));
}

/** Kind-specific checks the schema cannot express; returns the names of parameters whose value does not fit. */
export function invalidParameterValues(jurisdiction: Jurisdiction): string[] {
  return Object.entries(jurisdiction.parameters)
    .filter(([, p]) => {
      if (p.kind === 'duration') return !isIsoDuration(p.value);
      if (p.kind === 'money') {
        const v = p.value as { amount?: unknown; currency?: unknown } | null;
        return v !== null && (typeof v?.amount !== 'number' || typeof v.currency !== 'string' || !/^[A-Z]{3}$/.test(v.currency));
      }
      if (p.kind === 'boolean') return typeof p.value !== 'boolean';
      if (p.kind === 'number') return typeof p.value !== 'number';
      return typeof p.value !== 'string';
    })
    .map(([name]) => name);
}
