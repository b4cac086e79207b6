import type { JsonRecord } from '../../../core/json/json-guards';
import type { FormComponent } from '../../../contracts/forms/form.types';
import { walkData } from './data-walker';
import { expectedTypeOf, hasUnsafeKeys, matchesType, type ExpectedType } from './value-type-rules';

export interface TypeProblem {
  component: FormComponent;
  path: string;
  expected: ExpectedType | 'safeKeys';
}

/** Every value whose shape does not fit its component. Missing and null values are left to `required`. */
export function checkSubmissionTypes(components: unknown, data: JsonRecord): TypeProblem[] {
  const problems: TypeProblem[] = [];
  walkData(components, data, ({ component, holder, key, path }) => {
    const value = holder[key];
    if (value === undefined || value === null) return;
    const expected = expectedTypeOf(component);
    const multiple = component.multiple === true && expected !== 'rows' && expected !== 'any';
    const fits = multiple
      ? Array.isArray(value) && value.every((item: unknown) => item === null || matchesType(item, expected))
      : matchesType(value, expected);
    if (!fits) {
      problems.push({ component, path, expected });
      return false;
    }
    if (hasUnsafeKeys(value) && expected !== 'rows' && expected !== 'object') {
      problems.push({ component, path, expected: 'safeKeys' });
      return false;
    }
    return true;
  });
  return problems;
}
