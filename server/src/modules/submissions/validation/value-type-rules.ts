import { checkWalkDepth } from '../../../core/json/json-depth';
import { isRecord } from '../../../core/json/json-guards';
import type { FormComponent } from '../../../contracts/forms/form.types';
import { modelTypeOf } from './data-walker';

/**
 * What a component's value must look like, by Form.io component type. @formio/core accepts `{"$gt": ""}` in a
 * text field and coerces or ignores other wrong types, and such values would reach the database and its query
 * operators, so the shape is checked before core sees the data. `expected` goes into the error context.
 */
export type ExpectedType = 'string' | 'number' | 'boolean' | 'scalar' | 'datetime' | 'object' | 'rows' | 'booleanMap' | 'stringMap' | 'any';

const STRING_TYPES = new Set(['textfield', 'textarea', 'email', 'url', 'phoneNumber', 'password', 'time', 'signature', 'day']);
const NUMBER_TYPES = new Set(['number', 'currency']);
// An ISO 8601 date or date-time, which is what the datetime component submits.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function expectedTypeOf(component: FormComponent): ExpectedType {
  const type = component.type ?? '';
  if (type === 'textarea' && component.as === 'json') return 'any';
  if (STRING_TYPES.has(type)) return 'string';
  if (NUMBER_TYPES.has(type)) return 'number';
  if (type === 'datetime') return 'datetime';
  if (type === 'checkbox') return component.inputType === 'radio' ? 'scalar' : 'boolean';
  if (type === 'radio') return 'scalar';
  if (type === 'select') {
    const remote = component.dataSrc === 'url' || component.dataSrc === 'resource' || component.dataSrc === 'json';
    return remote && !component.valueProperty ? 'any' : 'scalar';
  }
  if (type === 'selectboxes') return 'booleanMap';
  if (type === 'survey') return 'stringMap';
  const modelType = modelTypeOf(component);
  if (modelType === 'nestedArray') return 'rows';
  if (modelType === 'object' && type === 'container') return 'object';
  return 'any';
}

/** Whether one value (one element, for `multiple` components) has the expected type. */
export function matchesType(value: unknown, expected: ExpectedType): boolean {
  switch (expected) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'scalar':
      return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    case 'datetime':
      return typeof value === 'string' && (value === '' || (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))));
    case 'object':
      return isRecord(value);
    case 'rows':
      return Array.isArray(value) && value.every((row: unknown) => isRecord(row));
    case 'booleanMap':
      return isRecord(value) && Object.values(value).every((item) => typeof item === 'boolean');
    case 'stringMap':
      return isRecord(value) && Object.values(value).every((item) => typeof item === 'string');
    case 'any':
      return true;
  }
}

// MongoDB/FerretDB reject or interpret these in field names; refuse them anywhere inside a value.
export function hasUnsafeKeys(value: unknown, depth = 0): boolean {
  checkWalkDepth(depth);
  if (Array.isArray(value)) return value.some((item) => hasUnsafeKeys(item, depth + 1));
  if (!isRecord(value)) return false;
  return Object.entries(value).some(
    ([key, child]) => key.startsWith('$') || key.includes('.') || key === '__proto__' || hasUnsafeKeys(child, depth + 1),
  );
}
