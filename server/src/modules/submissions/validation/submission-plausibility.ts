import { dateRangeOf, EARLIEST_DATE, isCalendarDate, maxLengthOf } from '../../../contracts/forms/field-limits';
import type { FormComponent } from '../../../contracts/forms/form.types';
import type { JsonRecord } from '../../../core/json/json-guards';
import { walkData } from './data-walker';
import type { FormioErrorDetail, Translate } from './formio-error-detail.types';
import { buildDetail } from './validation-message-translator';

/** What plausibility is judged against: today's date and, for a case's form, the day the case was opened. */
export interface SubmissionFacts {
  /** `YYYY-MM-DD`; defaults to the server's date (UTC). */
  today?: string;
  /** `YYYY-MM-DD`; without it, `notBeforeCase` dates may be at most five years old. */
  caseOpenedOn?: string;
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Rules that hold for every form, on top of what the form itself says (field-limits.ts): dates that exist in the
 * calendar and fit their field, amounts (currency fields) that are not negative, text no longer than its limit.
 * Runs on the cleaned data, so conditionally hidden values are not judged.
 */
export function checkPlausibility(components: unknown, data: JsonRecord, t: Translate, facts: SubmissionFacts = {}): FormioErrorDetail[] {
  const today = facts.today ?? new Date().toISOString().slice(0, 10);
  // A person a few hours ahead of UTC may already be in tomorrow.
  const latestPast = addDays(today, 1);
  const earliestForCase = facts.caseOpenedOn ?? addDays(today, -5 * 366);
  const details: FormioErrorDetail[] = [];
  walkData(components, data, ({ component, holder, key, path }) => {
    const values: unknown[] = component.multiple === true && Array.isArray(holder[key]) ? (holder[key] as unknown[]) : [holder[key]];
    for (const value of values) {
      const problem = problemOf(component, value, { latestPast, today, earliestForCase });
      if (problem) details.push(buildDetail(t, component, path, problem.validator, problem.validator, problem.values));
    }
  });
  return details;
}

function problemOf(
  component: FormComponent,
  value: unknown,
  bounds: { latestPast: string; today: string; earliestForCase: string },
): { validator: string; values?: Record<string, string | number> } | undefined {
  if (component.type === 'datetime' && typeof value === 'string' && value !== '') {
    if (!isCalendarDate(value)) return { validator: 'invalid_date' };
    const day = value.slice(0, 10);
    if (day < EARLIEST_DATE) return { validator: 'minDate', values: { minDate: EARLIEST_DATE } };
    const range = dateRangeOf(component);
    if (range === 'past' && day > bounds.latestPast) return { validator: 'maxDate', values: { maxDate: bounds.today } };
    if (range === 'notBeforeCase' && day < bounds.earliestForCase) return { validator: 'minDate', values: { minDate: bounds.earliestForCase } };
  }
  if (component.type === 'currency' && typeof value === 'number' && value < 0) {
    const own = (component.validate as { min?: unknown } | undefined)?.min;
    if (own === undefined || own === '' || own === null) return { validator: 'min', values: { min: 0 } };
  }
  if (typeof value === 'string') {
    const limit = maxLengthOf(component);
    if (limit !== undefined && [...value].length > limit) return { validator: 'maxLength', values: { length: limit } };
  }
  return undefined;
}
