import { conditionProcessInfo, conditionProcessSync, type Component, type ProcessorInfo } from '@formio/core';
import { walkComponents } from '../../../contracts/forms/component-walker';
import { isRecord } from '../../../core/json/json-guards';

/**
 * Core's `conditions` processor, given a smaller form to search. For a simple (`conditions: [...]`) or legacy
 * (`when`/`eq`) conditional, core finds the component a condition names by walking every component of
 * `context.form` and working out all its paths, once or twice per condition, for every conditional component.
 * On a 60-field form that was an eighth of validation time, and it grows with fields × conditions.
 *
 * Core finds the component only by comparing its paths and key with the name in the condition, and every path of a
 * component ends in its key. So a copy of the tree that keeps the components whose key is a segment of a name used
 * in a condition, with their containers (a component's paths depend only on its ancestors), matches exactly what
 * the whole form matches; the rest is pruned. Everything else core does is untouched: the matching, the
 * comparison and the operators are core's own. The copy is made per submission from the same component objects
 * core processes, so a match is the very object core would have found. JSONLogic conditionals evaluate with the
 * whole form in their context (a rule may read it), so they get the real one.
 *
 * `components` are the objects being processed; `definition` is the stored tree they were copied from. The names
 * depend only on the definition, so they are collected once per definition rather than once per submission (the
 * walk cost a twentieth of a submission's CPU time in `npm run bench`).
 */
export function conditionsProcessorFor(
  components: readonly Component[],
  definition: readonly Component[],
): ProcessorInfo<any, void> { // eslint-disable-line @typescript-eslint/no-explicit-any -- core's own type
  // Built when the first such conditional is processed: most forms have none (the templates use JSONLogic).
  let lookupForm: { components: Component[] } | undefined;
  return {
    ...conditionProcessInfo,
    processSync: (context) => {
      const conditional: unknown = context.component.conditional;
      const searches = isRecord(conditional) && conditional.json === undefined && (conditional.when || conditional.conditions);
      if (!searches) {
        conditionProcessSync(context);
        return;
      }
      lookupForm ??= { components: pruneTo(components, namedKeysOf(definition)) };
      conditionProcessSync({ ...context, form: lookupForm });
    },
  };
}

// Stored definitions are never changed in place (a save makes a new revision), so a definition's names stay valid.
const namedKeysByDefinition = new WeakMap<readonly Component[], ReadonlySet<string>>();

function namedKeysOf(definition: readonly Component[]): ReadonlySet<string> {
  let keys = namedKeysByDefinition.get(definition);
  if (!keys) {
    keys = namedKeys(definition);
    namedKeysByDefinition.set(definition, keys);
  }
  return keys;
}

function namedKeys(components: readonly Component[]): Set<string> {
  const keys = new Set<string>();
  const addSegments = (name: unknown) => {
    if (typeof name !== 'string') return;
    for (const segment of name.split('.')) keys.add(segment.replace(/\[\d+\]/g, ''));
  };
  for (const { component } of walkComponents(components)) {
    const conditional: unknown = component.conditional;
    if (!isRecord(conditional)) continue;
    addSegments(conditional.when);
    if (Array.isArray(conditional.conditions)) {
      for (const condition of conditional.conditions) if (isRecord(condition)) addSegments(condition.component);
    }
  }
  return keys;
}

function pruneTo(components: readonly Component[], keys: ReadonlySet<string>): Component[] {
  const kept: Component[] = [];
  for (const component of components) {
    if (!isRecord(component)) continue;
    // A named component is kept whole: an operator may look inside it (isEmpty on a container reads its children).
    if (keys.has(component.key)) {
      kept.push(component);
      continue;
    }
    const pruned = prunedContainer(component, keys);
    if (pruned) kept.push(pruned);
  }
  return kept;
}

// A copy of a container with only the children that lead to a named key, or undefined when none does.
function prunedContainer(component: Component, keys: ReadonlySet<string>): Component | undefined {
  const record = component as Record<string, unknown>;
  let found = false;
  const prune = (list: unknown): Component[] => {
    const children = pruneTo(list as Component[], keys);
    if (children.length > 0) found = true;
    return children;
  };
  const copy: Record<string, unknown> = { ...record };
  if (Array.isArray(record.columns)) {
    copy.columns = record.columns.map((column) => (isRecord(column) && Array.isArray(column.components) ? { ...column, components: prune(column.components) } : column));
  } else if (Array.isArray(record.rows)) {
    copy.rows = record.rows.map((row) =>
      Array.isArray(row) ? row.map((cell) => (isRecord(cell) && Array.isArray(cell.components) ? { ...cell, components: prune(cell.components) } : cell)) : row,
    );
  } else if (Array.isArray(record.components)) {
    copy.components = prune(record.components);
  } else {
    return undefined;
  }
  return found ? (copy as Component) : undefined;
}
