import type { DefinitionProblem } from './definition-problem.types';
import type { WalkedComponent } from '../../../contracts/forms/component-walker';

// Form.io's builder accepts keys matching this pattern (Component.edit.api.js in @formio/js).
const FORMIO_KEY_PATTERN = /^(\w|\w[\w\-.]*\w)$/;
// Keys become property names in submission data and then document fields: lodash `set` would walk into the
// prototype with these, and MongoDB/FerretDB cannot store `.` or a leading `$` in a field name.
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Checks one component's key against Form.io's rule and our storage rules. */
export function checkComponentKey(walked: WalkedComponent): DefinitionProblem[] {
  const { component, path } = walked;
  const key = component.key;
  if (typeof key !== 'string' || key === '') {
    // Layout and content components can live without a key; anything that stores a value cannot.
    return walked.hasValue || walked.opensDataScope ? [{ code: 'key-missing', path }] : [];
  }
  const problems: DefinitionProblem[] = [];
  if (key.includes('.')) problems.push({ code: 'key-dot', path, key, property: 'key' });
  if (key.startsWith('$')) problems.push({ code: 'key-dollar', path, key, property: 'key' });
  if (!FORMIO_KEY_PATTERN.test(key) && problems.length === 0) problems.push({ code: 'key-format', path, key, property: 'key' });
  if (RESERVED_KEYS.has(key)) problems.push({ code: 'key-reserved', path, key, property: 'key' });
  return problems;
}

/**
 * Keys must be unique within their data scope (the root, or the inside of a datagrid/container...). Layout
 * components count too: the renderer finds components by key, and two with one key would shadow each other.
 */
export function findDuplicateKeys(walkedComponents: readonly WalkedComponent[]): DefinitionProblem[] {
  const seen = new Map<string, WalkedComponent>();
  const problems: DefinitionProblem[] = [];
  for (const walked of walkedComponents) {
    const key = walked.component.key;
    if (typeof key !== 'string' || key === '') continue;
    const scoped = `${walked.scopePath}\u0000${key}`;
    const first = seen.get(scoped);
    if (first) {
      problems.push({ code: 'key-duplicate', path: walked.path, key, property: 'key', params: { firstPath: first.path } });
    } else {
      seen.set(scoped, walked);
    }
  }
  return problems;
}
