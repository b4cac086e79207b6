import { analyseGuard } from '../definition/json-logic-guard.validator';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { RECHECK_EVENTS, type EvaluationContext } from './evaluation-context.types';
import { openEventTransitions } from './event-options';
import { evaluateGuard, guardData } from './guard-evaluator';
import type { PersistedWorkflowSnapshot } from './persisted-snapshot';

/**
 * The events the active stages accept now, for a 409 answer and for the case page's buttons. A guard that reads the
 * event's own data (`event.stop`) cannot be decided without that data, so its event is listed when the rest of the
 * transition's conditions (required forms) hold; the engine still checks the full guard when the event arrives.
 */
export function acceptedEvents(
  def: WorkflowDefinition,
  persisted: PersistedWorkflowSnapshot,
  ctx: EvaluationContext,
): string[] {
  if (persisted.status === 'done') return [];
  const accepted = new Set<string>(RECHECK_EVENTS);
  for (const { event, guard } of openEventTransitions(def, persisted, ctx)) {
    if (accepted.has(event)) continue;
    const readsEvent = guard !== undefined && analyseGuard(guard).variables.some((v) => v.startsWith('event.'));
    if (readsEvent || evaluateGuard(guard, guardData(ctx, {}))) accepted.add(event);
  }
  return [...accepted].sort();
}
