import type { FormComponent } from './form.types';

/** Every component with its key path, layout containers included. */
export function walk(components: FormComponent[] | undefined, prefix = ''): Array<{ path: string; component: FormComponent }> {
  const out: Array<{ path: string; component: FormComponent }> = [];
  for (const component of components ?? []) {
    const path = component.key ? (prefix ? `${prefix}.${component.key}` : component.key) : prefix;
    out.push({ path, component });
    out.push(...walk(component.components, path));
    for (const column of component.columns ?? []) out.push(...walk(column.components, path));
    // A table's rows hold cells; a text area's `rows` is its height.
    if (Array.isArray(component.rows)) for (const row of component.rows) for (const cell of row ?? []) out.push(...walk(cell?.components, path));
  }
  return out;
}

const TEXT = ['label', 'description', 'placeholder', 'tooltip', 'prefix', 'suffix', 'title', 'legend', 'content', 'html'] as const;
const NO_LABEL = new Set(['panel', 'fieldset', 'columns', 'well', 'table', 'htmlelement', 'content', 'hidden']);

/** The strings a translator translates, each once (mirrors the server's translatable-strings collector). */
export function translatableStrings(components: FormComponent[]): string[] {
  const strings = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.trim()) strings.add(value);
  };
  for (const { component } of walk(components)) {
    for (const property of TEXT) if (!(property === 'label' && NO_LABEL.has(component.type ?? ''))) add(component[property]);
    for (const list of [component.values, (component.data as { values?: unknown } | undefined)?.values]) {
      if (Array.isArray(list)) for (const option of list) add((option as { label?: unknown }).label);
    }
    const validate = component.validate as { customMessage?: unknown } | undefined;
    add(validate?.customMessage);
  }
  return [...strings];
}

export interface FormDiff {
  added: string[];
  removed: string[];
  changed: Array<{ path: string; properties: string[] }>;
}

/** What changed between two revisions, by component key path and property. */
export function diffForms(before: FormComponent[], after: FormComponent[]): FormDiff {
  const strip = (component: FormComponent) => {
    const { components: _c, columns: _col, rows: _r, ...rest } = component;
    return rest;
  };
  const a = new Map(walk(before).filter((item) => item.component.key).map((item) => [item.path, strip(item.component)]));
  const b = new Map(walk(after).filter((item) => item.component.key).map((item) => [item.path, strip(item.component)]));
  const changed: FormDiff['changed'] = [];
  for (const [path, component] of b) {
    const old = a.get(path);
    if (!old) continue;
    const keys = new Set([...Object.keys(old), ...Object.keys(component)]);
    const properties = [...keys].filter((key) => JSON.stringify(old[key]) !== JSON.stringify(component[key]));
    if (properties.length) changed.push({ path, properties });
  }
  return {
    added: [...b.keys()].filter((path) => !a.has(path)),
    removed: [...a.keys()].filter((path) => !b.has(path)),
    changed,
  };
}
