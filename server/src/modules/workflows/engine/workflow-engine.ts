import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { acceptedEvents } from './accepted-events';
import { normaliseEventType, RECHECK_EVENTS, type EvaluationContext, type WorkflowEvent } from './evaluation-context.types';
import { evaluateGuard, formsPresent, guardData } from './guard-evaluator';
import { assertStorable, type PersistedWorkflowSnapshot } from './persisted-snapshot';
import {
  compileWorkflow,
  ENTER_ACTION,
  EXIT_ACTION,
  GUARD_TYPE,
  RUN_ACTION,
  type GuardParams,
  type MachineEvent,
  type WorkflowMachineContext,
} from './workflow-machine.compiler';

export interface ActionToRun {
  id: string;
  params: Record<string, unknown>;
}

export interface WorkflowStepResult {
  ok: true;
  snapshot: PersistedWorkflowSnapshot;
  actionsToRun: ActionToRun[];
  enteredStages: string[];
  exitedStages: string[];
}

export interface WorkflowEventRejected {
  ok: false;
  code: 'event-not-accepted';
  event: string;
  acceptedEvents: string[];
}

/** The machine with guards bound to this case's data: pure, built per call. */
export function boundMachine(def: WorkflowDefinition, ctx: EvaluationContext): AnyStateMachine {
  return compileWorkflow(def).provide({
    guards: {
      [GUARD_TYPE]: ({ event }: { event: MachineEvent }, params: GuardParams) =>
        formsPresent(params.requiredForms, ctx) && evaluateGuard(params.guard, guardData(ctx, event.data)),
    },
  } as Parameters<AnyStateMachine['provide']>[0]);
}

export function restoreSnapshot(machine: AnyStateMachine, persisted: PersistedWorkflowSnapshot): AnyMachineSnapshot {
  return machine.resolveState({
    value: persisted.value,
    context: { stageEntries: { ...persisted.stageEntries } } satisfies WorkflowMachineContext,
    status: persisted.status,
  });
}

/** Starts a case on a workflow: enters the initial stages and takes any automatic transitions that already hold. */
export function startWorkflow(def: WorkflowDefinition, ctx: EvaluationContext, now: string): WorkflowStepResult {
  const machine = boundMachine(def, ctx);
  const [snapshot, actions] = initialTransition(machine, { now });
  return stepResult(snapshot, actions);
}

/**
 * Applies one event. Pure: the same definition, snapshot, event, context and time give the same result. An event the
 * current stages do not accept is rejected with the events they do accept; `formSubmitted` and `caseUpdated` are
 * always accepted because a workflow never refuses input, it only re-checks its automatic transitions.
 */
export function transitionWorkflow(
  def: WorkflowDefinition,
  persisted: PersistedWorkflowSnapshot,
  event: WorkflowEvent,
  ctx: EvaluationContext,
  now: string,
): WorkflowStepResult | WorkflowEventRejected {
  const type = normaliseEventType(event.type);
  const machine = boundMachine(def, ctx);
  const current = restoreSnapshot(machine, persisted);
  const machineEvent: MachineEvent = { type, data: event.data ?? {}, now };
  if (persisted.status === 'done' || (!RECHECK_EVENTS.has(type) && !current.can(machineEvent))) {
    return { ok: false, code: 'event-not-accepted', event: type, acceptedEvents: acceptedEvents(def, persisted, ctx) };
  }
  const [next, actions] = transition(machine, current, machineEvent);
  return stepResult(next, actions);
}

/** Whether an event would be accepted, with its data, without computing the next snapshot. */
export function canAccept(
  def: WorkflowDefinition,
  persisted: PersistedWorkflowSnapshot,
  event: WorkflowEvent,
  ctx: EvaluationContext,
): boolean {
  if (persisted.status === 'done') return false;
  const type = normaliseEventType(event.type);
  if (RECHECK_EVENTS.has(type)) return true;
  const machine = boundMachine(def, ctx);
  return restoreSnapshot(machine, persisted).can({ type, data: event.data ?? {} });
}

function stepResult(snapshot: AnyMachineSnapshot, actions: { type: string; params?: unknown }[]): WorkflowStepResult {
  const enteredStages: string[] = [];
  const exitedStages: string[] = [];
  const actionsToRun: ActionToRun[] = [];
  for (const action of actions) {
    const params = (action.params ?? {}) as Record<string, unknown>;
    if (action.type === ENTER_ACTION) enteredStages.push(params.stage as string);
    else if (action.type === EXIT_ACTION) exitedStages.push(params.stage as string);
    else if (action.type === RUN_ACTION) actionsToRun.push({ id: params.id as string, params: params.params as Record<string, unknown> });
  }
  const context = snapshot.context as WorkflowMachineContext;
  // A JSON round trip drops XState's internals and proves the snapshot serialises.
  const persisted: PersistedWorkflowSnapshot = JSON.parse(
    JSON.stringify({ status: snapshot.status === 'done' ? 'done' : 'active', value: snapshot.value, stageEntries: context.stageEntries }),
  );
  assertStorable(persisted);
  return { ok: true, snapshot: persisted, actionsToRun, enteredStages, exitedStages };
}

export { evaluateGuard };
