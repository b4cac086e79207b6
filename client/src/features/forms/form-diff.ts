import { walkComponents } from '@contracts/forms/component-walker';
import type { FormComponent } from '@contracts/forms/form.types';
import { isRecord as isPlainObject } from '@contracts/json/json-guards';

export interface FormDiff {
  added: string[];
  removed: string[];
  changed: Array<{ path: string; properties: string[] }>;
}

/** A component type's default properties (Form.io's schema), when known. */
export type DefaultsOf = (type: string | undefined) => Record<string, unknown> | undefined;

/** Deep equality of JSON values, whatever the order of object keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => sameValue(a[key], b[key]));
}

/**
 * The value without empty properties, at any depth: `''`, `null`, `[]` and objects of nothing else mean "not set"
 * (the builder's edit dialog writes `''` for every box left empty); with `falseIsEmpty`, `false` too.
 */
function withoutEmpty(value: Record<string, unknown>, falseIsEmpty: boolean): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const cleaned = isPlainObject(item) ? withoutEmpty(item, falseIsEmpty) : item;
    const empty =
      cleaned === undefined || cleaned === null || cleaned === '' || (falseIsEmpty && cleaned === false) ||
      (Array.isArray(cleaned) && cleaned.length === 0) || (isPlainObject(cleaned) && Object.keys(cleaned).length === 0);
    if (!empty) kept[key] = cleaned;
  }
  return kept;
}

/** Properties Form.io computes from others when it builds a component (a date field's widget), by type. */
const DERIVED: Record<string, string[]> = { datetime: ['widget'] };

/** The value with every property it leaves out taken from the defaults, at any depth (as Form.io merges a schema). */
function withDefaults(value: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...value };
  for (const [key, fallback] of Object.entries(defaults)) {
    if (merged[key] === undefined) merged[key] = fallback;
    else if (isPlainObject(merged[key]) && isPlainObject(fallback)) merged[key] = withDefaults(merged[key], fallback);
  }
  return merged;
}

/**
 * What changed between two revisions, by component key path and property. With `defaultsOf`, components are
 * compared as Form.io reads them: a property left out equals its default, an empty value equals none, and what
 * Form.io derives (its runtime `id`, a date field's widget) is not compared. The builder writes all of these into
 * every component of a form it saves, which would otherwise show every component as changed.
 */
export function diffForms(before: FormComponent[], after: FormComponent[], defaultsOf?: DefaultsOf): FormDiff {
  const strip = (component: FormComponent) => {
    const { components: _c, columns: _col, rows: _r, ...rest } = component;
    const defaults = defaultsOf?.(component.type);
    if (!defaults) return rest;
    const { components: _dc, columns: _dcol, rows: _dr, ...ownDefaults } = defaults;
    // A widget may be named by its type alone (`"input"`), as Form.io accepts.
    if (typeof rest.widget === 'string') rest.widget = { type: rest.widget };
    // What is not set takes its default; then `false` equals left out, as Form.io reads a flag.
    const effective = withoutEmpty(withDefaults(withoutEmpty(rest, false), ownDefaults), true);
    for (const property of ['id', ...(DERIVED[component.type ?? ''] ?? [])]) delete effective[property];
    return effective;
  };
  // Components by their key path through every ancestor, as the server's revision diff names them.
  const byKeyPath = (components: FormComponent[]) =>
    new Map([...walkComponents(components)].filter((item) => item.component.key).map((item) => [item.keyPath, strip(item.component)]));
  const a = byKeyPath(before);
  const b = byKeyPath(after);
  const changed: FormDiff['changed'] = [];
  for (const [path, component] of b) {
    const old = a.get(path);
    if (!old) continue;
    const keys = new Set([...Object.keys(old), ...Object.keys(component)]);
    const properties = [...keys].filter((key) => !sameValue(old[key], component[key]));
    if (properties.length) changed.push({ path, properties });
  }
  return {
    added: [...b.keys()].filter((path) => !a.has(path)),
    removed: [...a.keys()].filter((path) => !b.has(path)),
    changed,
  };
}
