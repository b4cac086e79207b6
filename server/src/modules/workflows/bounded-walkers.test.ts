import { deepArray, deepObject, describeBoundedWalkers, nest } from '../../../../test/helpers/deep-json';
import { collectParameterRefs } from './definition/duration.util';
import { conjuncts, hasConjunct } from './definition/guard-clauses.util';
import { analyseGuard } from './definition/json-logic-guard.validator';
import { validateWorkflowDefinition } from './definition/workflow-definition.validator';
import { eventDataOf } from './engine/event-options';
import { activeLeafPaths, assertStorable } from './engine/persisted-snapshot';
import { definitionToText } from './storage/definition-text';
import { diffWorkflows } from './versioning/workflow-diff';
import { mergeWorkflows } from './versioning/workflow-merge';

// Issue 13 (see test/helpers/deep-json.ts): the workflows module's walkers of definitions, guards and snapshots.
describeBoundedWalkers([
  ['validateWorkflowDefinition, deep titleKey', () => validateWorkflowDefinition({ titleKey: deepArray() }, { formPaths: new Set(), parameters: {} })],
  ['validateWorkflowDefinition, deep version', () => validateWorkflowDefinition({ version: deepObject() }, { formPaths: new Set(), parameters: {} })],
  ['definitionToText (drafts)', () => definitionToText({ titleKey: deepArray() })],
  ['analyseGuard', () => analyseGuard({ and: deepArray() })],
  ['conjuncts', () => conjuncts(nest(true, (inner) => ({ and: [inner] })))],
  ['eventDataOf', () => eventDataOf(nest({ '==': [{ var: 'event.stop' }, 'x'] }, (inner) => ({ and: [inner] })) as never)],
  ['collectParameterRefs', () => collectParameterRefs(deepArray(), '')],
  ['assertStorable', () => assertStorable(deepObject())],
  ['activeLeafPaths', () => activeLeafPaths(deepObject() as never)],
  ['mergeWorkflows', () => mergeWorkflows(deepObject('stages') as never, nest('ours', (inner) => ({ stages: inner })) as never, nest('theirs', (inner) => ({ stages: inner })) as never)],
  ['diffWorkflows', () => diffWorkflows({ titleKey: 'a', stages: {} } as never, { titleKey: deepArray(), stages: {} } as never)],
  ['hasConjunct', () => hasConjunct({ and: [true] }, deepArray())],
]);
