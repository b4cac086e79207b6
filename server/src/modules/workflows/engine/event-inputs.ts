import { DateTime } from 'luxon';
import type { ActionRef, Transition } from '../../../contracts/workflows/workflow-definition.schemas';
import type { EventInput, EventInputProblem } from '../../../contracts/workflows/event-option.types';
import { describeAction } from '../actions/action-registry';
import type { DateBound } from '../actions/record-input.action';
import { resolveDuration } from '../definition/duration.util';
import type { EvaluationContext } from './evaluation-context.types';

/** A recorded text is a name or a short note, never a narrative: everyone who reads the workflow reads it. */
export const RECORDED_TEXT_MAX = 200;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The values a transition's actions record from the event's data, with their limits for this case today. */
export function transitionInputs(transition: Transition, ctx: EvaluationContext, now: Date): EventInput[] {
  return (transition.actions ?? []).flatMap((action: ActionRef) =>
    describeAction(action).flatMap((effect): EventInput[] => {
      if (effect.type === 'case.recordText') return [{ name: effect.input, kind: 'text', maxLength: RECORDED_TEXT_MAX }];
      if (effect.type !== 'case.recordDate') return [];
      const min = effect.notBefore && boundDay(effect.notBefore, ctx, now);
      const max = effect.notAfter && boundDay(effect.notAfter, ctx, now);
      return [{ name: effect.input, kind: 'date', ...(min ? { min } : {}), ...(max ? { max } : {}) }];
    }),
  );
}

/** The day a limit stands for: today (UTC), or a case date plus a duration; undefined while that case date is unset. */
export function boundDay(bound: DateBound, ctx: EvaluationContext, now: Date): string | undefined {
  if (bound === 'today') return now.toISOString().slice(0, 10);
  const anchor = ctx.case.dates[bound.caseDate];
  if (!anchor) return undefined;
  const start = DateTime.fromISO(anchor, { zone: 'utc' });
  if (!start.isValid) return undefined;
  const day = bound.after === undefined ? start : start.plus(resolveDuration(bound.after, ctx.params));
  return day.toISODate() ?? undefined;
}

/** What is wrong with the entered values, each problem naming its input; empty when every value may be recorded. */
export function inputProblems(inputs: readonly EventInput[], data: Record<string, unknown> | undefined): EventInputProblem[] {
  const problems: EventInputProblem[] = [];
  for (const input of inputs) {
    const value = data?.[input.name];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      problems.push({ path: `data/${input.name}`, name: input.name, code: 'required' });
    } else if (typeof value !== 'string') {
      problems.push({ path: `data/${input.name}`, name: input.name, code: 'invalid' });
    } else if (input.kind === 'text') {
      if (value.trim().length > (input.maxLength ?? RECORDED_TEXT_MAX)) problems.push({ path: `data/${input.name}`, name: input.name, code: 'too-long', limit: input.maxLength ?? RECORDED_TEXT_MAX });
    } else if (!DAY.test(value) || !DateTime.fromISO(value, { zone: 'utc' }).isValid) {
      problems.push({ path: `data/${input.name}`, name: input.name, code: 'invalid' });
    } else if (input.min && value < input.min) {
      problems.push({ path: `data/${input.name}`, name: input.name, code: 'too-early', limit: input.min });
    } else if (input.max && value > input.max) {
      problems.push({ path: `data/${input.name}`, name: input.name, code: 'too-late', limit: input.max });
    }
  }
  return problems;
}
