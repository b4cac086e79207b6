import { checkWalkDepth } from '../../../core/json/json-depth';
import { analyseGuard } from '../definition/json-logic-guard.validator';
import { listTransitions, stageIndex } from '../../../contracts/workflows/stage-tree.util';
import type { Guard, Transition, WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { RECHECK_EVENTS, type EvaluationContext } from './evaluation-context.types';
import { evaluateGuard, formsPresent, guardData } from './guard-evaluator';
import type { PersistedWorkflowSnapshot } from './persisted-snapshot';
import { transitionInputs } from './event-inputs';
import type { EventInput, EventOption } from '../../../contracts/workflows/event-option.types';

export type { EventOption };

type Scalar = string | number | boolean;

/**
 * The event data a guard asks for through equalities such as `{"==": [{"var": "event.stop"}, "legalAssistance"]}`
 * (also inside `and`); null when the guard reads event data in any other way, because then no button can know what
 * to send.
 */
export function eventDataOf(guard: Guard | undefined): Record<string, Scalar> | null {
  if (guard === undefined) return {};
  const read = analyseGuard(guard).variables.filter((variable) => variable.startsWith('event.')).map((variable) => variable.slice('event.'.length));
  if (read.length === 0) return {};
  const data: Record<string, Scalar> = {};
  const visit = (node: unknown, depth: number) => {
    checkWalkDepth(depth);
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [operator, args] of Object.entries(node)) {
      if (operator === 'and' && Array.isArray(args)) args.forEach((arg: unknown) => visit(arg, depth + 1));
      if ((operator === '==' || operator === '===') && Array.isArray(args) && args.length === 2) {
        const [left, right] = args as unknown[];
        const variable = eventVariable(left) ?? eventVariable(right);
        const literal = eventVariable(left) ? right : left;
        if (variable && isScalar(literal)) data[variable] = literal;
      }
    }
  };
  visit(guard, 0);
  return read.every((key) => key in data) ? data : null;
}

function eventVariable(node: unknown): string | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const variable = (node as { var?: unknown }).var;
  return typeof variable === 'string' && variable.startsWith('event.') ? variable.slice('event.'.length) : undefined;
}

const isScalar = (value: unknown): value is Scalar => ['string', 'number', 'boolean'].includes(typeof value);

/**
 * The event transitions of the active stages that their required forms allow now (the guard is left to the caller).
 * Shared by the 409 answer's accepted events and the case page's options.
 */
export function* openEventTransitions(
  def: WorkflowDefinition,
  persisted: PersistedWorkflowSnapshot,
  ctx: EvaluationContext,
): Generator<{ event: string; guard: Guard | undefined; transition: Transition }> {
  if (persisted.status === 'done') return;
  const index = stageIndex(def);
  for (const path of Object.keys(persisted.stageEntries)) {
    const entry = index.get(path);
    if (!entry || entry.stage.type === 'final') continue;
    const requiredForms = entry.stage.requiredForms ?? [];
    for (const t of listTransitions(entry)) {
      if (t.trigger.kind !== 'event') continue;
      if (!t.transition.ignoreRequiredForms && !formsPresent(requiredForms, ctx)) continue;
      yield { event: t.trigger.event, guard: t.transition.guard, transition: t.transition };
    }
  }
}

/**
 * The events the active stages take now, each with the data that makes its guard true: one option per service track
 * for an event the tracks share (`serviceStarted` with `{ stop }`). Required forms and the whole guard are checked
 * against the case as it is; the engine checks again when the event arrives.
 */
export function eventOptions(def: WorkflowDefinition, persisted: PersistedWorkflowSnapshot, ctx: EvaluationContext, now = new Date()): EventOption[] {
  const options = new Map<string, EventOption>();
  for (const { event, guard, transition } of openEventTransitions(def, persisted, ctx)) {
    if (RECHECK_EVENTS.has(event)) continue;
    const data = eventDataOf(guard);
    if (data === null || !evaluateGuard(guard, guardData(ctx, data))) continue;
    const key = JSON.stringify({ type: event, data });
    // The first transition whose guard holds is the one the engine takes, so its inputs are the ones asked for.
    if (options.has(key)) continue;
    const inputs = transitionInputs(transition, ctx, now);
    options.set(key, { type: event, data, ...(inputs.length > 0 ? { inputs } : {}) });
  }
  return [...options.values()].sort((a, b) => a.type.localeCompare(b.type) || JSON.stringify(a.data).localeCompare(JSON.stringify(b.data)));
}

/**
 * The values the event must bring for the transition the engine would take now (the first open one whose guard holds
 * with the event's data): empty for an event that records nothing or that no open transition takes.
 */
export function inputsOfEvent(
  def: WorkflowDefinition,
  persisted: PersistedWorkflowSnapshot,
  ctx: EvaluationContext,
  event: { type: string; data?: Record<string, unknown> },
  now: Date,
): EventInput[] {
  for (const { event: type, guard, transition } of openEventTransitions(def, persisted, ctx)) {
    if (type !== event.type || !evaluateGuard(guard, guardData(ctx, event.data))) continue;
    return transitionInputs(transition, ctx, now);
  }
  return [];
}
