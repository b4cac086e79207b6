import { assertJsonDepth } from '../../../core/json/json-depth';
import { defaultActionRegistry, type ActionRegistry } from '../actions/action-registry';
import { collectParameterRefs, isIsoDuration } from './duration.util';
import { analyseGuard } from './json-logic-guard.validator';
import { checkFieldRules } from './field-rules.validator';
import { checkBindings, type FormFieldCatalogs } from './form-bindings.validator';
import { checkGraph } from './workflow-graph.validator';
import { listStages, listTransitions, resolveTarget, stageIndex, type StageEntry } from '../../../contracts/workflows/stage-tree.util';
import type { ActionRef, WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { workflowSchemaProblems } from '../../../contracts/workflows/workflow-schema-problems';
import type { WorkflowProblem } from '../../../contracts/workflows/workflow-problem.types';

export interface ValidationOptions {
  /** Paths of the forms that exist where the workflow will run. */
  formPaths: ReadonlySet<string>;
  /** The values of the jurisdiction's parameters by name. */
  parameters: Record<string, unknown>;
  /** The fields of the forms, by form path: bindings are then checked field by field and option by option. */
  formFields?: FormFieldCatalogs;
  actions?: ActionRegistry;
}

/**
 * Checks a definition as it is saved or loaded and returns every problem at once, each with a JSON pointer. An empty
 * list means the definition can be compiled and run. Structure problems (the schema) are reported alone, because the
 * other checks need a well-formed definition to walk. A definition nested deeper than any accepted JSON is the 400
 * `json-too-deep`, thrown before anything walks it.
 */
export function validateWorkflowDefinition(def: unknown, options: ValidationOptions): WorkflowProblem[] {
  assertJsonDepth(def);
  const formatProblems = workflowSchemaProblems(def);
  if (formatProblems.length > 0) return formatProblems;
  const workflow = def as WorkflowDefinition;
  const problems: WorkflowProblem[] = [];
  const index = stageIndex(workflow);
  const stages = listStages(workflow);
  const registry = options.actions ?? defaultActionRegistry;

  for (const entry of stages) {
    checkStageForms(entry, options, problems);
    checkDeadlines(entry, index, options, problems);
    const stage = entry.stage;
    if (stage.entryActions) checkActions(stage.entryActions, `${entry.pointer}/entryActions`, registry, options, problems);
    for (const t of listTransitions(entry)) {
      if (t.transition.target !== undefined && resolveTarget(index, entry.path, t.transition.target) === null) {
        problems.push({ path: `${t.pointer}/target`, code: 'unknown-target', params: { target: t.transition.target } });
      }
      if (t.trigger.kind === 'always' && t.transition.target === undefined) {
        // An automatic transition that stays put would fire again at once, for ever.
        problems.push({ path: t.pointer, code: 'always-without-target' });
      }
      if (t.transition.guard !== undefined) checkGuard(t.transition.guard, `${t.pointer}/guard`, options, problems);
      if (t.transition.actions) checkActions(t.transition.actions, `${t.pointer}/actions`, registry, options, problems);
    }
  }
  checkParameterRefs(workflow, options, problems);
  problems.push(...checkBindings(workflow.bindings ?? [], options.formPaths, options.formFields));
  problems.push(...checkGraph(workflow, index));
  problems.push(...checkFieldRules(workflow, index));
  return problems;
}

function checkStageForms(entry: StageEntry, options: ValidationOptions, problems: WorkflowProblem[]): void {
  if (entry.stage.type === 'final') return;
  (entry.stage.requiredForms ?? []).forEach((formPath, i) => {
    if (!options.formPaths.has(formPath)) {
      problems.push({ path: `${entry.pointer}/requiredForms/${i}`, code: 'unknown-form', params: { formPath } });
    }
  });
}

function checkDeadlines(
  entry: StageEntry,
  index: Map<string, StageEntry>,
  options: ValidationOptions,
  problems: WorkflowProblem[],
): void {
  if (entry.stage.type === 'final') return;
  const seen = new Set<string>();
  (entry.stage.deadlines ?? []).forEach((deadline, i) => {
    const pointer = `${entry.pointer}/deadlines/${i}`;
    if (seen.has(deadline.id)) problems.push({ path: `${pointer}/id`, code: 'duplicate-deadline', params: { id: deadline.id } });
    seen.add(deadline.id);
    if (deadline.event !== undefined && !eventHandledFrom(index, entry.path, deadline.event)) {
      problems.push({ path: `${pointer}/event`, code: 'unhandled-deadline-event', params: { event: deadline.event } });
    }
    // Durations may be parameters: their values must be ISO 8601 durations in this jurisdiction.
    for (const ref of collectParameterRefs(deadline, pointer)) {
      const value = options.parameters[ref.name];
      if (ref.name in options.parameters && !isIsoDuration(value)) {
        problems.push({ path: ref.pointer, code: 'invalid-parameter-value', params: { parameter: ref.name, expected: 'duration' } });
      }
    }
  });
}

/** A deadline's event is useful only if the stage or one of its ancestors has a transition for it. */
function eventHandledFrom(index: Map<string, StageEntry>, path: string, event: string): boolean {
  const parts = path.split('/');
  for (let i = parts.length; i > 0; i -= 1) {
    const stage = index.get(parts.slice(0, i).join('/'))?.stage;
    if (stage && stage.type !== 'final' && stage.on?.[event]?.length) return true;
  }
  return false;
}

function checkGuard(guard: unknown, pointer: string, options: ValidationOptions, problems: WorkflowProblem[]): void {
  const analysis = analyseGuard(guard);
  for (const issue of analysis.issues) problems.push({ path: `${pointer}${issue.path}`, code: issue.code, params: issue.params });
  for (const variable of analysis.variables) {
    const [root, first] = variable.split('.');
    if (root === 'submissions' && first !== undefined && !options.formPaths.has(first)) {
      problems.push({ path: pointer, code: 'unknown-form', params: { formPath: first, variable } });
    }
    if (root === 'params' && first !== undefined && !(first in options.parameters)) {
      problems.push({ path: pointer, code: 'unknown-parameter', params: { parameter: first, variable } });
    }
  }
}

function checkActions(
  actions: ActionRef[],
  pointer: string,
  registry: ActionRegistry,
  options: ValidationOptions,
  problems: WorkflowProblem[],
): void {
  actions.forEach((action, i) => {
    const at = `${pointer}/${i}`;
    const def = registry.get(action.id);
    if (!def) {
      problems.push({ path: `${at}/id`, code: 'unknown-action', params: { action: action.id } });
      return;
    }
    const result = def.paramsSchema.safeParse(action.params ?? {});
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({
          path: `${at}/params${issue.path.length ? `/${issue.path.map(String).join('/')}` : ''}`,
          code: 'invalid-action-params',
          params: { action: action.id, issue: issue.code, message: issue.message },
        });
      }
      return;
    }
    for (const formPath of def.formPaths?.(result.data) ?? []) {
      if (!options.formPaths.has(formPath)) problems.push({ path: `${at}/params`, code: 'unknown-form', params: { formPath } });
    }
  });
}

function checkParameterRefs(workflow: WorkflowDefinition, options: ValidationOptions, problems: WorkflowProblem[]): void {
  for (const ref of collectParameterRefs(workflow.stages, '/stages')) {
    if (!(ref.name in options.parameters)) {
      problems.push({ path: ref.pointer, code: 'unknown-parameter', params: { parameter: ref.name } });
    }
  }
}
