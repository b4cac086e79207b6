import fs from 'node:fs';
import path from 'node:path';
import {
  calculateProcessInfo,
  clearHiddenProcessInfo,
  conditionProcessInfo,
  defaultValueProcessInfo,
  filterProcessInfo,
  logicProcessInfo,
  normalizeProcessInfo,
  postValidateProcessInfo,
  processSync,
  Utils,
  type Component,
} from '@formio/core';
import set from 'lodash/set';
import { readTemplateFiles } from '../../forms/testing';
import { loadFixture } from '../../../../../test/helpers/forms-test-kit';
import { processFormSync } from './component-processing';
import { installNoCodeEvaluator } from '../../forms';
import { withWorkingComponents } from './working-components';

// The server's own processing (one context per component, conditions searched in a pruned form) must do exactly
// what @formio/core's `processSync` does with core's own processors: same cleaned data, same errors, same
// conditional results, same changes to the components. Compared on every template and fixture form, each with
// random submissions (a fixed seed, so that a failure can be replayed). The server's side runs the submissions one
// after another on the working copies the validator uses (reused where what core leaves on them cannot depend on
// the data); core's side gets a fresh copy of the form every time.
installNoCodeEvaluator();
const CORE_PROCESSORS = [
  filterProcessInfo,
  defaultValueProcessInfo,
  calculateProcessInfo,
  conditionProcessInfo,
  logicProcessInfo,
  normalizeProcessInfo,
  clearHiddenProcessInfo,
  postValidateProcessInfo,
];
const SUBMISSIONS_PER_FORM = 80;

interface NamedForm {
  name: string;
  components: Component[];
}

const root = path.resolve(__dirname, '../../../../..');
const forms: NamedForm[] = [
  ...readTemplateFiles(path.join(root, 'forms')).map((file) => ({ name: file.file, components: (file.definition as NamedForm).components })),
  ...fs
    .readdirSync(path.join(root, 'test/fixtures/forms'))
    .filter((name) => name.endsWith('-form.json'))
    .map((name) => ({ name, components: loadFixture(name).components as Component[] })),
];

// Values of every kind, valid and not, for any field: core must sort them out the same way both times.
const SAMPLE_VALUES: unknown[] = ['', 'x', 'victim', 'witness', 'yes', 'no', 'true', true, false, 0, 5, -3, 150, 1e9, 'a@b.c',
  'not-an-email', '2024-01-01T00:00:00Z', [], [{}], [{ childName: 'A', childAge: 20 }, { childName: '' }], { housing: true, health: false },
  { city: 'Turku' }, {}, null, 'x'.repeat(300)];

// Every component with its data path, layout components included.
function everyComponent(components: Component[]): { component: Component; dataPath: string }[] {
  const found: { component: Component; dataPath: string }[] = [];
  Utils.eachComponent(components, (component, _path, _siblings, _parent, paths) => {
    found.push({ component, dataPath: paths?.dataPath ?? component.key });
  }, true);
  return found;
}

function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

function randomSubmission(keys: string[], random: () => number): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key of keys) {
    if (random() < 0.3) continue;
    set(data, key, structuredClone(SAMPLE_VALUES[Math.floor(random() * SAMPLE_VALUES.length)]));
  }
  return data;
}

function outcome(form: NamedForm, data: Record<string, unknown>, ours: boolean) {
  const working = structuredClone(data);
  // Both write the cleaned data back to the context they were given.
  const run = (components: Component[], processors: Parameters<typeof processSync>[0]['processors']) => {
    const context = { form: { components }, submission: { data: working }, components, data: working, scope: {}, processors };
    const scope = (ours ? processFormSync(context as Parameters<typeof processFormSync>[0]) : processSync(context as Parameters<typeof processSync>[0])) as Record<string, unknown>;
    const errors = ((scope.errors as { ruleName: string; errorKeyOrMessage: string; context: { path: string } }[]) ?? []).map(
      (error) => ({ rule: error.ruleName, message: error.errorKeyOrMessage, path: error.context.path }),
    );
    return JSON.parse(JSON.stringify({ data: context.data, errors, conditionals: scope.conditionals, components }));
  };
  if (ours) return withWorkingComponents(form.components, ({ components, processors }) => run(components, processors));
  return run(structuredClone(form.components), CORE_PROCESSORS);
}

describe('processFormSync does what @formio/core processSync does', () => {
  it('covers forms with simple, legacy and JSONLogic conditionals', () => {
    const kinds = new Set(
      forms.flatMap((form) => everyComponent(form.components).map(({ component }) => Object.keys(component.conditional ?? {}).join())),
    );
    expect([...kinds].some((keys) => keys.includes('conditions'))).toBe(true);
    expect([...kinds].some((keys) => keys.includes('when'))).toBe(true);
    expect([...kinds].some((keys) => keys.includes('json'))).toBe(true);
  });

  it('covers forms whose processing changes components from the data, or puts their objects into the data', () => {
    const components = forms.flatMap((form) => everyComponent(form.components).map(({ component }) => component));
    expect(components.some((component) => Array.isArray(component.logic) && component.logic.length > 0)).toBe(true);
    expect(components.some((component) => Array.isArray(component.defaultValue))).toBe(true);
    expect(components.some((component) => typeof component.defaultValue === 'object' && !Array.isArray(component.defaultValue))).toBe(true);
  });

  it.each(forms.map((form) => [form.name, form] as const))('%s: same data, errors, conditionals', (_name, form) => {
    const keys = everyComponent(form.components)
      .filter(({ component }) => component.input !== false)
      .map(({ dataPath }) => dataPath);
    const random = randomSource(1 + keys.length);
    let failures = 0;
    for (let i = 0; i < SUBMISSIONS_PER_FORM; i += 1) {
      const data = randomSubmission(keys, random);
      const expected = outcome(form, data, false);
      if (expected.errors.length > 0) failures += 1;
      expect({ data, ...outcome(form, data, true) }).toEqual({ data, ...expected });
    }
    // The random submissions must exercise failures as well as successes.
    expect(failures).toBeGreaterThan(0);
  });
});
