import { isDeepStrictEqual } from 'node:util';
import { assertJsonDepth } from '../../../core/json/json-depth';
import { walkComponents, type WalkedComponent } from '../../../contracts/forms/component-walker';
import type { FormComponent } from '../../../contracts/forms/form.types';

export interface ComponentRef {
  /** Key path through every ancestor, layout included, e.g. `page1.household.members.name`. */
  path: string;
  key: string;
  type: string;
}

export interface ComponentChange {
  path: string;
  key: string;
  /** Changed properties; `$parent` when the component moved under another parent (its path stays the same key). */
  properties: string[];
}

export interface FormDefinitionDiff {
  added: ComponentRef[];
  removed: ComponentRef[];
  changed: ComponentChange[];
  /** Changed top-level properties (title, path, display, settings...). */
  form: string[];
}

export interface DiffableForm {
  components: FormComponent[];
  [property: string]: unknown;
}

const TOP_LEVEL = ['title', 'name', 'path', 'display', 'type', 'tags', 'properties', 'settings'] as const;
// Children are compared as components of their own; `columns` and table `rows` also carry layout settings.
const CHILD_LISTS = new Set(['components']);

/**
 * Differences between two revisions, matched by component identity rather than array position, so inserting a
 * field does not show every later field as changed. Identity is the key within its data scope (keys are unique
 * there), so a field moved to another panel is "changed" (`$parent`), not removed and added.
 */
export function diffFormDefinitions(before: DiffableForm, after: DiffableForm): FormDefinitionDiff {
  // Node's isDeepStrictEqual recurses without a bound: compare only what any accepted JSON can be.
  assertJsonDepth(before);
  assertJsonDepth(after);
  const beforeById = index(before.components);
  const afterById = index(after.components);
  const diff: FormDefinitionDiff = { added: [], removed: [], changed: [], form: [] };
  for (const [id, walked] of afterById) {
    const previous = beforeById.get(id);
    if (!previous) {
      diff.added.push(ref(walked));
      continue;
    }
    const properties = changedProperties(previous.component, walked.component);
    if (previous.parent?.keyPath !== walked.parent?.keyPath) properties.push('$parent');
    if (properties.length > 0) diff.changed.push({ path: walked.keyPath, key: walked.component.key ?? '', properties });
  }
  for (const [id, walked] of beforeById) if (!afterById.has(id)) diff.removed.push(ref(walked));
  diff.form = TOP_LEVEL.filter((property) => !isDeepStrictEqual(before[property], after[property]));
  return diff;
}

function index(components: FormComponent[]): Map<string, WalkedComponent> {
  const byId = new Map<string, WalkedComponent>();
  for (const walked of walkComponents(components)) {
    // Keyless layout components fall back to their position; they have no other identity.
    const id = walked.component.key ? `${walked.scopePath}\u0000${walked.component.key}` : `@${walked.path}`;
    if (!byId.has(id)) byId.set(id, walked);
  }
  return byId;
}

function ref(walked: WalkedComponent): ComponentRef {
  return { path: walked.keyPath, key: walked.component.key ?? '', type: walked.component.type ?? '' };
}

function changedProperties(before: FormComponent, after: FormComponent): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed: string[] = [];
  for (const name of [...names].sort()) {
    if (CHILD_LISTS.has(name)) continue;
    if (!isDeepStrictEqual(withoutChildren(before[name], name), withoutChildren(after[name], name))) changed.push(name);
  }
  return changed;
}

function withoutChildren(value: unknown, name: string): unknown {
  if (name === 'columns' && Array.isArray(value)) {
    return value.map((column: unknown) => (typeof column === 'object' && column !== null ? { ...column, components: undefined } : column));
  }
  if (name === 'rows' && Array.isArray(value)) {
    return value.map((row: unknown) =>
      Array.isArray(row) ? row.map((cell: unknown) => (typeof cell === 'object' && cell !== null ? { ...cell, components: undefined } : cell)) : row,
    );
  }
  return value;
}
