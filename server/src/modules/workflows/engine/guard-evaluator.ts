import jsonLogic from 'json-logic-js';
import type { Guard } from '../../../contracts/workflows/workflow-definition.schemas';
import type { EvaluationContext } from './evaluation-context.types';

/** The data a guard is evaluated against. `event` is the event's data (e.g. `{ stop: 'legalAssistance' }`). */
export function guardData(ctx: EvaluationContext, eventData: Record<string, unknown> | undefined) {
  return { case: ctx.case, submissions: ctx.submissions, params: ctx.params, event: eventData ?? {} };
}

/** Evaluates a validated guard. A guard that throws on odd data counts as false: never move a case by accident. */
export function evaluateGuard(guard: Guard | undefined, data: ReturnType<typeof guardData>): boolean {
  if (guard === undefined) return true;
  try {
    return jsonLogic.truthy(jsonLogic.apply(guard as jsonLogic.RulesLogic, data));
  } catch {
    return false;
  }
}

export function formsPresent(requiredForms: readonly string[], ctx: EvaluationContext): boolean {
  return requiredForms.every((formPath) => ctx.submissions[formPath] !== undefined);
}
