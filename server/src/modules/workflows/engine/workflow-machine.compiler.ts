import { checkWalkDepth } from '../../../core/json/json-depth';
import { assign, createMachine, type AnyStateMachine } from 'xstate';
import { resolveTarget, stageIndex, type StageEntry } from '../../../contracts/workflows/stage-tree.util';
import type { ActionRef, Guard, Stage, Transition, WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';

/*
 * Compiles a validated definition to an XState v5 machine. The machine is the same for every case: guards are named
 * `wf.guard` with the JSONLogic as params, and the engine provides their implementation per call with the case's
 * data (`machine.provide`). Stage entry and exit are recorded as actions so the engine can report entered and
 * exited stages, and an `assign` keeps the entry time of every active stage for deadlines.
 */

export const GUARD_TYPE = 'wf.guard';
export const ENTER_ACTION = 'wf.enter';
export const EXIT_ACTION = 'wf.exit';
export const RUN_ACTION = 'wf.action';

export interface WorkflowMachineContext {
  stageEntries: Record<string, string>;
}
export interface GuardParams {
  guard?: Guard;
  requiredForms: string[];
}
/** What travels through XState: the workflow event plus the time it happened. */
export interface MachineEvent {
  type: string;
  data?: Record<string, unknown>;
  now?: string;
  input?: { now?: string; stageEntries?: Record<string, string> };
}

type Config = Record<string, unknown>;

const cache = new WeakMap<WorkflowDefinition, AnyStateMachine>();

export function compileWorkflow(def: WorkflowDefinition): AnyStateMachine {
  const cached = cache.get(def);
  if (cached) return cached;
  const index = stageIndex(def);
  const states: Record<string, Config> = {};
  for (const [id, stage] of Object.entries(def.stages)) states[id] = compileStage(id, stage, index, 0);
  const config = {
    id: def.id,
    initial: def.initial,
    context: ({ input }: { input?: MachineEvent['input'] }) => ({ stageEntries: { ...(input?.stageEntries ?? {}) } }),
    states,
  };
  const machine = createMachine(config as unknown as Parameters<typeof createMachine>[0], {
    // Placeholder; the engine provides the real guard with the case's data.
    guards: { [GUARD_TYPE]: () => false },
  }) as unknown as AnyStateMachine;
  cache.set(def, machine);
  return machine;
}

function eventTime(event: MachineEvent): string {
  return event.now ?? event.input?.now ?? new Date(0).toISOString();
}

function compileStage(path: string, stage: Stage, index: Map<string, StageEntry>, depth: number): Config {
  checkWalkDepth(depth);
  const entry: unknown[] = [
    { type: ENTER_ACTION, params: { stage: path } },
    assign(({ context, event }: { context: WorkflowMachineContext; event: MachineEvent }) => ({
      stageEntries: { ...context.stageEntries, [path]: eventTime(event) },
    })),
    ...(stage.entryActions ?? []).map(actionObject),
  ];
  const exit: unknown[] = [
    { type: EXIT_ACTION, params: { stage: path } },
    assign(({ context }: { context: WorkflowMachineContext }) => {
      const { [path]: _left, ...rest } = context.stageEntries;
      return { stageEntries: rest };
    }),
  ];
  // Ids are stage paths joined with '/', so targets are unambiguous and never contain '.'.
  const config: Config = { id: path, entry, exit };
  if (stage.type === 'final') return { ...config, type: 'final' };

  const requiredForms = stage.requiredForms ?? [];
  const compileList = (list: Transition[] | undefined) =>
    (list ?? []).map((t) => compileTransition(t, path, requiredForms, index));
  config.on = Object.fromEntries(Object.entries(stage.on ?? {}).map(([event, list]) => [event, compileList(list)]));
  if (stage.always?.length) config.always = compileList(stage.always);

  if (stage.type === 'compound') {
    config.initial = stage.initial;
    config.states = Object.fromEntries(
      Object.entries(stage.stages).map(([id, child]) => [id, compileStage(`${path}/${id}`, child, index, depth + 1)]),
    );
    if (stage.onDone?.length) config.onDone = compileList(stage.onDone);
  } else if (stage.type === 'parallel') {
    config.type = 'parallel';
    config.states = Object.fromEntries(
      Object.entries(stage.regions).map(([id, child]) => [id, compileStage(`${path}/${id}`, child, index, depth + 1)]),
    );
    if (stage.onDone?.length) config.onDone = compileList(stage.onDone);
  }
  return config;
}

function actionObject(action: ActionRef): Config {
  return { type: RUN_ACTION, params: { id: action.id, params: action.params ?? {} } };
}

function compileTransition(
  t: Transition,
  sourcePath: string,
  requiredForms: string[],
  index: Map<string, StageEntry>,
): Config {
  const out: Config = {};
  if (t.target !== undefined) {
    const resolved = resolveTarget(index, sourcePath, t.target);
    if (resolved === null) throw new Error(`unresolved target ${t.target} from ${sourcePath}; validate first`);
    out.target = `#${resolved}`;
    // A transition to the stage itself re-enters it, so its entry time and entry actions restart.
    if (resolved === sourcePath) out.reenter = true;
  }
  const forms = t.ignoreRequiredForms ? [] : requiredForms;
  if (t.guard !== undefined || forms.length) {
    const params: GuardParams = { guard: t.guard, requiredForms: forms };
    out.guard = { type: GUARD_TYPE, params };
  }
  if (t.actions?.length) out.actions = t.actions.map(actionObject);
  return out;
}
