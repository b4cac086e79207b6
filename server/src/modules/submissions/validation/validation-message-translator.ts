import type { FieldError } from '@formio/core';
import type { FormComponent } from '../../../contracts/forms/form.types';
import type { FormioErrorContext, FormioErrorDetail, Translate } from './formio-error-detail.types';

const NAMESPACE = 'validation';
// Message keys present in locales/<lng>/validation.json, named after @formio/core's error keys.
const KNOWN_KEYS = new Set([
  'required', 'unique', 'array', 'array_nonempty', 'nonarray', 'select', 'pattern', 'minLength', 'maxLength',
  'minWords', 'maxWords', 'min', 'max', 'maxDate', 'minDate', 'maxYear', 'minYear', 'minSelectedCount',
  'maxSelectedCount', 'invalid_email', 'invalid_url', 'invalid_regex', 'invalid_date', 'invalid_day', 'invalidDate',
  'invalidDay', 'invalidOption', 'invalidValueProperty', 'mask', 'time', 'number', 'requiredDayField',
  'requiredMonthField', 'requiredYearField', 'requiredDayEmpty', 'requiredSurvey', 'custom', 'jsonLogic', 'type',
]);
// Values from core's error context that the messages interpolate and clients may show.
const CONTEXT_VALUES = ['setting', 'min', 'max', 'length', 'pattern', 'minCount', 'maxCount', 'minDate', 'maxDate', 'minYear', 'maxYear', 'regex'] as const;

export function labelOf(component: FormComponent): string {
  const errorLabel = component.errorLabel;
  if (typeof errorLabel === 'string' && errorLabel !== '') return errorLabel;
  if (typeof component.label === 'string' && component.label !== '') return component.label;
  return component.key ?? '';
}

/** `household[0].name` -> `['household', 0, 'name']`, as @formio/js's getArrayFromComponentPath does. */
export function toPathArray(path: string): Array<string | number> {
  return path
    .split(/[.[\]]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function buildDetail(
  t: Translate,
  component: FormComponent,
  path: string,
  validator: string,
  messageKey: string,
  values: Record<string, string | number | boolean | undefined> = {},
): FormioErrorDetail {
  const label = labelOf(component);
  const key = KNOWN_KEYS.has(messageKey) ? messageKey : KNOWN_KEYS.has(validator) ? validator : 'invalid';
  const context: FormioErrorContext = { key: component.key ?? '', label, validator, path, ...values };
  return {
    message: t(`${NAMESPACE}:${key}`, { ...values, field: label }),
    level: 'error',
    path: toPathArray(path),
    context,
  };
}

/** Translates an error from @formio/core's validation into Form.io's detail shape. */
export function translateFieldError(t: Translate, error: FieldError): FormioErrorDetail {
  const context = error.context;
  const component = context.component as unknown as FormComponent;
  const values: Record<string, string | number | boolean | undefined> = {};
  for (const name of CONTEXT_VALUES) {
    const value: unknown = context[name];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[name] = value;
  }
  if (typeof context.index === 'number') values.index = context.index;
  return buildDetail(t, component, context.path ?? component.key ?? '', error.ruleName, error.errorKeyOrMessage, values);
}
