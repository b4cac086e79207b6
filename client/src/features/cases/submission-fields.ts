import type { FormComponent } from '../forms/form.types';

/** Components that only lay out others: their children's values sit in the same data object. */
const LAYOUT = new Set(['panel', 'fieldset', 'columns', 'well', 'table', 'tabs', 'htmlelement', 'content', 'button']);
const NESTED_ROWS = new Set(['datagrid', 'editgrid']);

/** The value-holding components of one data object, keyed by their data key (layout looked through). */
export function dataComponents(components: FormComponent[] | undefined): Map<string, FormComponent> {
  const found = new Map<string, FormComponent>();
  const visit = (list: FormComponent[] | undefined) => {
    for (const component of list ?? []) {
      if (LAYOUT.has(component.type ?? '') || component.input === false) {
        visit(component.components);
        for (const column of component.columns ?? []) visit(column.components);
        if (Array.isArray(component.rows)) for (const row of component.rows) for (const cell of row ?? []) visit(cell?.components);
        continue;
      }
      if (component.key) found.set(component.key, component);
    }
  };
  visit(components);
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
