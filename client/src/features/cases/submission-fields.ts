import { walkComponents } from '@contracts/forms/component-walker';
import type { FormComponent } from '@contracts/forms/form.types';

const NESTED_ROWS = new Set(['datagrid', 'editgrid']);

/**
 * The value-holding components of one data object, keyed by their data key: layout looked through, as the server
 * decides where a value sits (the contract's component walker).
 */
export function dataComponents(components: unknown): Map<string, FormComponent> {
  const found = new Map<string, FormComponent>();
  for (const { component, scopePath, hasValue } of walkComponents(components)) {
    if (scopePath === '' && hasValue && component.key) found.set(component.key, component);
  }
  return found;
}

export const hasRows = (component: FormComponent) => NESTED_ROWS.has(component.type ?? '');
export const isContainer = (component: FormComponent) => component.type === 'container';

/** The option a select, radio or select-boxes value stands for, as the form labels it. */
export function optionLabel(component: FormComponent, value: unknown): string | undefined {
  const lists = [component.values, (component.data as { values?: unknown } | undefined)?.values];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    const option = (list as Array<{ label?: unknown; value?: unknown }>).find((item) => item.value === value);
    if (option && typeof option.label === 'string') return option.label;
  }
  return undefined;
}
