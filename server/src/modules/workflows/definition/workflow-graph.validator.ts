import { checkWalkDepth } from '../../../core/json/json-depth';
import { ancestorsOf, childStages, listStages, listTransitions, resolveTarget, type StageEntry } from '../../../contracts/workflows/stage-tree.util';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import type { WorkflowProblem } from '../../../contracts/workflows/workflow-problem.types';

/** Initial stages exist, every stage can be reached, and every stage that is not final has a way out. */
export function checkGraph(workflow: WorkflowDefinition, index: Map<string, StageEntry>): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const stages = listStages(workflow);

  if (!(workflow.initial in workflow.stages)) {
    problems.push({ path: '/initial', code: 'unknown-initial', params: { initial: workflow.initial } });
  }
  if (!Object.values(workflow.stages).some((s) => s.type === 'final')) {
    problems.push({ path: '/stages', code: 'no-final-stage' });
  }
  for (const entry of stages) {
    const stage = entry.stage;
    if (stage.type !== 'compound' && stage.type !== 'parallel') continue;
    if (Object.keys(childStages(stage)).length === 0) {
      problems.push({ path: `${entry.pointer}/${stage.type === 'compound' ? 'stages' : 'regions'}`, code: 'empty-stage' });
    }
    if (stage.type === 'compound' && !(stage.initial in stage.stages)) {
      problems.push({ path: `${entry.pointer}/initial`, code: 'unknown-initial', params: { initial: stage.initial } });
    }
  }

  const reached = reachableStages(workflow, index);
  for (const entry of stages) {
    if (!reached.has(entry.path)) problems.push({ path: entry.pointer, code: 'unreachable-stage', params: { stage: entry.path } });
  }

  for (const entry of stages) {
    if (entry.stage.type !== 'atomic') continue;
    const hasWayOut = [entry.path, ...ancestorsOf(entry.path)].some((p) => {
      const e = index.get(p);
      return e !== undefined && listTransitions(e).some((t) => t.trigger.kind !== 'done');
    });
    if (!hasWayOut) problems.push({ path: entry.pointer, code: 'no-way-out', params: { stage: entry.path } });
  }
  return problems;
}

/** Entering a stage enters its ancestors and its initial child (compound) or all its regions (parallel). */
export function reachableStages(workflow: WorkflowDefinition, index: Map<string, StageEntry>): Set<string> {
  const reached = new Set<string>();
  const queue: string[] = [];
  const enter = (path: string, depth = 0): void => {
    checkWalkDepth(depth);
    for (const p of [path, ...ancestorsOf(path)]) {
      if (!reached.has(p) && index.has(p)) {
        reached.add(p);
        queue.push(p);
      }
    }
    const stage = index.get(path)?.stage;
    if (stage?.type === 'compound' && stage.initial in stage.stages) enter(`${path}/${stage.initial}`, depth + 1);
    if (stage?.type === 'parallel') for (const region of Object.keys(stage.regions)) enter(`${path}/${region}`, depth + 1);
  };
  if (index.has(workflow.initial)) enter(workflow.initial);
  while (queue.length) {
    const entry = index.get(queue.shift() as string);
    if (!entry) continue;
    for (const t of listTransitions(entry)) {
      const target = t.transition.target === undefined ? null : resolveTarget(index, entry.path, t.transition.target);
      if (target !== null) enter(target);
    }
  }
  return reached;
}
