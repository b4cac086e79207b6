import type { Component, ProcessorInfo } from '@formio/core';
import { walkComponents } from '../../../contracts/forms/component-walker';
import { cloneJson } from '../../../core/json/json-guards';
import { serverProcessors } from './server-processors';

/** A copy of a form's components for @formio/core to process, with the processors that go with it. */
export interface WorkingComponents {
  components: Component[];
  processors: ProcessorInfo<any, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- core's own type
}

// Copies that finished a run, waiting for the next submission of the same stored definition. A copy is taken out
// while it is in use, so no two runs ever share one (processing is synchronous, but this does not rely on it).
const idle = new WeakMap<readonly Component[], WorkingComponents>();
const reusable = new WeakMap<readonly Component[], boolean>();

/**
 * Runs `process` on a copy of `definition`'s components. Core writes to the components it processes, so the stored
 * definition is never handed to it; but copying 60 components for every submission, and core then marking every
 * fresh copy with its model type, was a seventh of validation time in `npm run bench`. So a copy is kept for the
 * next submission when what core leaves on it cannot depend on the data:
 * - per-submission state (`scope.conditionallyHidden`, `scope.intentionallyHidden`) is removed by core's own
 *   traversal as it leaves each component;
 * - what stays is derived from the definition alone (the model type, a select's default `dataSrc`);
 * - but a `logic` action sets component properties (required, hidden, a label...) from the data, and those stay;
 * - and core puts a default value into the data as it is, not a copy: an object or array default (a data grid's
 *   first rows, a selectboxes' ticks) is then changed with the data (a hidden field in a default row is cleared
 *   from the default itself), and the stored submission would share it with the next run.
 * Forms with logic or with an object default get a fresh copy every time.
 * A run that throws may leave state behind; its copy is dropped. `component-processing.test.ts` processes many
 * submissions in a row on one copy and compares each with core's own `processSync` on a fresh one.
 */
export function withWorkingComponents<T>(definition: readonly Component[], process: (working: WorkingComponents) => T): T {
  const working = idle.get(definition) ?? freshCopy(definition);
  idle.delete(definition);
  const result = process(working);
  if (isReusable(definition)) idle.set(definition, working);
  return result;
}

function freshCopy(definition: readonly Component[]): WorkingComponents {
  const components = cloneJson(definition) as Component[];
  return { components, processors: serverProcessors(components, definition) };
}

function isReusable(definition: readonly Component[]): boolean {
  let answer = reusable.get(definition);
  if (answer === undefined) {
    answer = true;
    for (const { component } of walkComponents(definition)) {
      if (Array.isArray(component.logic) && component.logic.length > 0) answer = false;
      if (typeof component.defaultValue === 'object' && component.defaultValue !== null) answer = false;
    }
    reusable.set(definition, answer);
  }
  return answer;
}
