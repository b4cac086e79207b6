import { AppError } from '../../server/src/core/errors/app-error';
import { toAppError } from '../../server/src/core/errors/to-app-error';
import { MAX_JSON_DEPTH } from '../../server/src/core/json/json-depth';
import { checkRule } from '../../server/src/modules/access/rule.schemas';
import { walkComponents } from '../../server/src/contracts/forms/component-walker';
import { findCodeInComponent } from '../../server/src/modules/forms/definition/evaluated-properties';
import { validateFormDefinition } from '../../server/src/modules/forms/definition/form-definition-validator';
import { findUnsafeLogicInComponent } from '../../server/src/modules/forms/definition/jsonlogic-property-finder';
import { findUnsafeJsonLogic } from '../../server/src/modules/forms/definition/jsonlogic-safety-checker';
import { findTemplateCode } from '../../server/src/modules/forms/definition/template-expression-finder';
import { copyDataPath, hasDataAt, removeDataPath, unstorableKeys, valuesAt } from '../../server/src/modules/submissions/service/data-paths';
import { applyTranslations } from '../../server/src/modules/forms/service/translation-applier';
import { cloneJson } from '../../server/src/core/json/json-guards';
import { dataComponents, walkData } from '../../server/src/modules/submissions/validation/data-walker';
import { hasUnsafeKeys } from '../../server/src/modules/submissions/validation/value-type-rules';
import { diffFormDefinitions } from '../../server/src/modules/forms/revisions/form-definition-differ';
import { collectParameterRefs } from '../../server/src/modules/workflows/definition/duration.util';
import { conjuncts, hasConjunct } from '../../server/src/modules/workflows/definition/guard-clauses.util';
import { analyseGuard } from '../../server/src/modules/workflows/definition/json-logic-guard.validator';
import { listStages } from '../../server/src/contracts/workflows/stage-tree.util';
import { validateWorkflowDefinition } from '../../server/src/modules/workflows/definition/workflow-definition.validator';
import { eventDataOf } from '../../server/src/modules/workflows/engine/event-options';
import { activeLeafPaths, assertStorable } from '../../server/src/modules/workflows/engine/persisted-snapshot';
import { definitionToText } from '../../server/src/modules/workflows/storage/definition-text';
import { diffWorkflows } from '../../server/src/modules/workflows/versioning/workflow-diff';
import { mergeWorkflows } from '../../server/src/modules/workflows/versioning/workflow-merge';

/**
 * Issue 13: every recursive walker in the server is bounded. Fed JSON nested 10,000 deep (which overflowed the stack
 * before, a 500), each refuses with the translated 400 `json-too-deep` instead of running out of stack, whatever
 * reaches it: the request body limit stands in front of them, but stored records and files do not pass through it.
 */
const DEEP = 10_000;

/** `wrap` applied DEEP times around `leaf`, built with a loop (the test must not recurse either). */
function nest(leaf: unknown, wrap: (inner: unknown) => unknown, depth = DEEP): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = wrap(value);
  return value;
}

const deepArray = () => nest('x', (inner) => [inner]);
const deepObject = (key = 'a') => nest('x', (inner) => ({ [key]: inner }));
const deepPanels = () => [nest({ type: 'textfield', key: 't', input: true }, (inner) => ({ type: 'panel', key: 'p', input: false, components: [inner] }))];

function expectTooDeep(walk: () => unknown): void {
  let thrown: unknown;
  try {
    walk();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Error);
  // The shared contract's walkers (listStages, walkComponents) throw its JsonTooDeepError, which is answered alike.
  const answer = toAppError(thrown);
  expect(answer).toBeInstanceOf(AppError);
  expect(answer).toMatchObject({ status: 400, code: 'json-too-deep', params: { limit: MAX_JSON_DEPTH } });
}

const walkers: Array<[string, () => unknown]> = [
  // forms: definitions
  ['validateFormDefinition, deep title', () => validateFormDefinition({ title: deepArray(), name: 'f', path: 'f', components: [] })],
  ['validateFormDefinition, deep components', () => validateFormDefinition({ title: 'T', name: 'f', path: 'f', components: deepPanels() })],
  ['findTemplateCode', () => findTemplateCode(deepArray(), false)],
  ['findUnsafeJsonLogic', () => findUnsafeJsonLogic({ '+': deepArray() })],
  ['walkComponents', () => [...walkComponents(deepPanels())]],
  ['findCodeInComponent through serverOverride', () => findCodeInComponent(deepObject('serverOverride') as Record<string, unknown>)],
  ['findUnsafeLogicInComponent through serverOverride', () => findUnsafeLogicInComponent(deepObject('serverOverride') as Record<string, unknown>)],
  ['applyTranslations', () => applyTranslations({ title: 'T', components: deepArray() } as never, { x: 'y' })],
  // forms: submission data
  ['cloneJson', () => cloneJson(deepArray())],
  ['hasUnsafeKeys', () => hasUnsafeKeys(deepObject())],
  ['unstorableKeys', () => unstorableKeys(deepObject())],
  ['removeDataPath (rows in rows)', () => removeDataPath(deepArray(), 'a')],
  ['hasDataAt (rows in rows)', () => hasDataAt(deepArray(), 'a')],
  ['hasDataAt (a deep value)', () => hasDataAt({ a: deepObject() }, 'a')],
  ['valuesAt', () => valuesAt(deepArray(), 'a')],
  ['copyDataPath', () => copyDataPath({ a: deepArray() }, { a: deepArray() }, 'a.b')],
  ['dataComponents', () => [...dataComponents(deepPanels())]],
  [
    'walkData',
    () => {
      const components = [nest({ type: 'textfield', key: 't', input: true }, (inner) => ({ type: 'container', key: 'c', input: true, components: [inner] }))];
      walkData(components, deepObject('c') as Record<string, unknown>, () => undefined);
    },
  ],
  // workflows
  ['validateWorkflowDefinition, deep titleKey', () => validateWorkflowDefinition({ titleKey: deepArray() }, { formPaths: new Set(), parameters: {} })],
  ['validateWorkflowDefinition, deep version', () => validateWorkflowDefinition({ version: deepObject() }, { formPaths: new Set(), parameters: {} })],
  ['definitionToText (drafts)', () => definitionToText({ titleKey: deepArray() })],
  ['analyseGuard', () => analyseGuard({ and: deepArray() })],
  ['conjuncts', () => conjuncts(nest(true, (inner) => ({ and: [inner] })))],
  ['eventDataOf', () => eventDataOf(nest({ '==': [{ var: 'event.stop' }, 'x'] }, (inner) => ({ and: [inner] })) as never)],
  ['listStages', () => listStages({ stages: { s: nest({ type: 'final' }, (inner) => ({ type: 'compound', initial: 's', stages: { s: inner } })) } } as never)],
  ['collectParameterRefs', () => collectParameterRefs(deepArray(), '')],
  ['assertStorable', () => assertStorable(deepObject())],
  ['activeLeafPaths', () => activeLeafPaths(deepObject() as never)],
  ['mergeWorkflows', () => mergeWorkflows(deepObject('stages') as never, nest('ours', (inner) => ({ stages: inner })) as never, nest('theirs', (inner) => ({ stages: inner })) as never)],
  ['diffWorkflows', () => diffWorkflows({ titleKey: 'a', stages: {} } as never, { titleKey: deepArray(), stages: {} } as never)],
  ['diffFormDefinitions', () => diffFormDefinitions({ title: 'T', components: [] } as never, { title: deepArray(), components: [] } as never)],
  ['hasConjunct', () => hasConjunct({ and: [true] }, deepArray())],
  // access: role rules (its own recursive check; the other access walkers sit behind the body limit)
  ['checkRule conditions', () => checkRule({ action: 'read', subject: 'Case', conditions: { status: deepObject('$in') } }, 'rules[0]')],
];

describe('recursive walkers refuse JSON nested deeper than MAX_JSON_DEPTH with json-too-deep, never a stack overflow', () => {
  it.each(walkers)('%s', (_name, walk) => {
    expectTooDeep(walk);
  });
});
