/*
 * Limits every form field has, whatever its form says: the server refuses values beyond them (submission
 * plausibility) and the browser shows them while the person types. A field's own `validate.maxLength` or
 * `validate.min` wins; a date field says in `properties.dateRange` which dates are plausible for it.
 */

/** Most characters a text field takes when its form sets no `validate.maxLength`. */
export const DEFAULT_MAX_LENGTH: Readonly<Record<string, number>> = { textfield: 500, textarea: 10_000 };

/**
 * `past`: not after today (an assessment, an interview, a date of birth); `notBeforeCase`: not before the case was
 * opened (a due date, a review date).
 */
export const DATE_RANGES = ['past', 'notBeforeCase'] as const;
export type DateRange = (typeof DATE_RANGES)[number];

/** No date in any field before this one. */
export const EARLIEST_DATE = '1900-01-01';

/** The most characters `component` takes, or undefined when it is no text field. */
export function maxLengthOf(component: { type?: unknown; validate?: unknown }): number | undefined {
  const own = (component.validate as { maxLength?: unknown } | undefined)?.maxLength;
  if (typeof own === 'number' && own > 0) return own;
  if (typeof own === 'string' && /^\d+$/.test(own) && Number(own) > 0) return Number(own);
  return typeof component.type === 'string' ? DEFAULT_MAX_LENGTH[component.type] : undefined;
}

export function dateRangeOf(component: { properties?: unknown }): DateRange | undefined {
  const range = (component.properties as { dateRange?: unknown } | undefined)?.dateRange;
  return DATE_RANGES.find((known) => known === range);
}

/** Whether `value` starts with a date that exists in the calendar (`1900-02-30` does not). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
