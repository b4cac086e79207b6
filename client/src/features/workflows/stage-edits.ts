import { childStages } from '@contracts/workflows/stage-tree.util';
import {
  EVENT_NAME_PATTERN, IDENTIFIER_PATTERN, STAGE_NAME_MAX, type Stage, type Transition, type WorkflowDefinition,
} from '@contracts/workflows/workflow-definition.schemas';

/*
 * The structural edits of the visual editor, as pure functions from a stage (or definition) to a new one. Every edit
 * keeps the definition in the workflow format: a stage gets steps by becoming a compound stage whose first step is
 * the one added, and becomes a plain stage again when its last step is removed. What an edit leaves unresolved (a
 * transition to a removed stage, a stage nothing leads to) is reported by the server's validation at that place.
 */

/** What a new stage is: a plain stage (that may get steps or tracks later) or a final one. */
export type NewStageKind = 'atomic' | 'final';
/** Where a transition fires: on an event a person takes, or by itself once its condition holds. */
export type TransitionTrigger = 'event' | 'always';

export function newStage(kind: NewStageKind): Stage {
  return kind === 'final' ? { type: 'final' } : { type: 'atomic' };
}

/** Why an id cannot name a new stage among its siblings (`null`: it can). */
export function stageIdProblem(id: string, siblings: Record<string, Stage>): 'invalid-identifier' | 'duplicate-stage' | null {
  if (!IDENTIFIER_PATTERN.test(id)) return 'invalid-identifier';
  return id in siblings ? 'duplicate-stage' : null;
}

/** Why a display name cannot name a new stage (`null`: it can, or none is given: a name is optional). */
export function stageNameProblem(name: string): 'invalid-stage-name' | null {
  return name.trim().length > STAGE_NAME_MAX ? 'invalid-stage-name' : null;
}

export function eventNameProblem(event: string): 'invalid-event-name' | null {
  return EVENT_NAME_PATTERN.test(event) ? null : 'invalid-event-name';
}

/** What a plain or compound stage keeps when it changes kind: everything but its steps or tracks. */
function common(stage: Exclude<Stage, { type: 'final' }>) {
  const { requiredForms, roles, deadlines, on, always, entryActions, marks, referralTo } = stage;
  return Object.fromEntries(
    Object.entries({ requiredForms, roles, deadlines, on, always, entryActions, marks, referralTo }).filter(([, value]) => value !== undefined),
  );
}

/**
 * Adds a step (to a plain or compound stage) or a track (to a plain or parallel stage). A plain stage becomes a
 * compound stage starting at its first step, or a parallel stage.
 */
export function addChild(stage: Stage, childId: string, child: Stage, as: 'step' | 'track'): Stage {
  if (stage.type === 'final') return stage;
  if (as === 'step') {
    if (stage.type === 'compound') return { ...stage, stages: { ...stage.stages, [childId]: child } };
    if (stage.type === 'atomic') return { ...common(stage), type: 'compound', initial: childId, stages: { [childId]: child } };
    return stage;
  }
  if (stage.type === 'parallel') return { ...stage, regions: { ...stage.regions, [childId]: child } };
  if (stage.type === 'atomic') return { ...common(stage), type: 'parallel', regions: { [childId]: child } };
  return stage;
}

/** Removes a step or track; the last one gone, the stage is a plain stage again (its `onDone` goes with them). */
export function removeChild(stage: Stage, childId: string): Stage {
  if (stage.type !== 'compound' && stage.type !== 'parallel') return stage;
  const rest = Object.fromEntries(Object.entries(childStages(stage)).filter(([id]) => id !== childId));
  if (Object.keys(rest).length === 0) return { ...common(stage), type: 'atomic' };
  if (stage.type === 'parallel') return { ...stage, regions: rest };
  // The first step removed: the next one in order starts the stage.
  return { ...stage, stages: rest, initial: stage.initial === childId ? Object.keys(rest)[0]! : stage.initial };
}

export function setInitialChild(stage: Stage, childId: string): Stage {
  return stage.type === 'compound' ? { ...stage, initial: childId } : stage;
}

export function addTransition(stage: Stage, trigger: TransitionTrigger, event: string, transition: Transition): Stage {
  if (stage.type === 'final') return stage;
  if (trigger === 'always') return { ...stage, always: [...(stage.always ?? []), transition] };
  return { ...stage, on: { ...stage.on, [event]: [...(stage.on?.[event] ?? []), transition] } };
}

/** Replaces (`next`) or removes (`null`) one transition; an event left without transitions goes with it. */
export function changeTransition(stage: Stage, trigger: TransitionTrigger, event: string, index: number, next: Transition | null): Stage {
  if (stage.type === 'final') return stage;
  const list = trigger === 'always' ? (stage.always ?? []) : (stage.on?.[event] ?? []);
  const updated = next ? list.map((item, i) => (i === index ? next : item)) : list.filter((_, i) => i !== index);
  if (trigger === 'always') {
    const { always: _always, ...rest } = stage;
    return updated.length > 0 ? { ...stage, always: updated } : (rest as Stage);
  }
  const on = { ...stage.on };
  if (updated.length > 0) on[event] = updated;
  else delete on[event];
  const { on: _on, ...rest } = stage;
  return Object.keys(on).length > 0 ? { ...stage, on } : (rest as Stage);
}

/** Adds or removes a top-level stage. Removing the initial stage leaves `initial` for the administrator to choose. */
export function addTopStage(definition: WorkflowDefinition, id: string, stage: Stage): WorkflowDefinition {
  return { ...definition, stages: { ...definition.stages, [id]: stage } };
}

export function removeTopStage(definition: WorkflowDefinition, id: string): WorkflowDefinition {
  const stages = Object.fromEntries(Object.entries(definition.stages).filter(([key]) => key !== id));
  return { ...definition, stages };
}

/**
 * The stages a transition of the stage at `path` may name, as the engine resolves targets: the stage's siblings,
 * then the siblings of each ancestor up to the top level. Each with the target text to store and its full path.
 */
export function targetsInScope(definition: Pick<WorkflowDefinition, 'stages'>, path: string): Array<{ target: string; path: string }> {
  const parts = path.split('/');
  const out: Array<{ target: string; path: string }> = [];
  const seen = new Set<string>();
  for (let depth = parts.length - 1; depth >= 0; depth -= 1) {
    let siblings: Record<string, Stage> = definition.stages;
    for (const part of parts.slice(0, depth)) siblings = childStages(siblings[part] ?? { type: 'final' });
    for (const id of Object.keys(siblings)) {
      // A nearer stage of the same id hides a farther one, as in the engine's lookup.
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ target: id, path: [...parts.slice(0, depth), id].join('/') });
    }
  }
  return out;
}
