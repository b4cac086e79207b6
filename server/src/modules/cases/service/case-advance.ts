import { internalError } from '../../../core/errors/app-error';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import {
  type EvaluationContext, type WorkflowEvent, type WorkflowEventRejected, inputsOfEvent, inputProblems,
  type ReferralRequest
} from '../../workflows';
import type { CaseRecord, TimelineEntry } from '../storage/case.model';
import { plannedTimers, withDeadlines, type PlannedTimer } from '../timers/case-deadlines';
import { evaluationContext } from './case-context';
import { eventInputInvalid } from '../case.errors';
import type { CaseRuntime } from './case-runtime';
import { stepCase, trackStatuses, type StepNotification } from './case-step';
import type { ReferralDetails } from '../../../contracts/referrals/referral.schemas';

export interface CaseChange {
  set: Partial<CaseRecord>;
  /** The timers the case now has; absent when the change does not touch the workflow's position. */
  timers?: PlannedTimer[];
  notifications: StepNotification[];
  /** Referrals the workflow's `refer` actions asked for (absent when none). */
  referrals?: ReferralRequest[];
  /** What the person firing the event chose for those referrals (groups, message, organisation). */
  referralDetails?: ReferralDetails;
  /** Who asked for them (user id hex), null for the system. */
  referredBy?: string | null;
}

export async function definitionOf(rt: CaseRuntime, record: Pick<CaseRecord, 'workflow'>): Promise<WorkflowDefinition> {
  const { source, definitionId, version } = record.workflow;
  const def = await rt.catalog.definition({ source, id: definitionId, version });
  // A published version is never deleted; missing means the database was edited by hand.
  if (!def) throw internalError();
  return def;
}

/**
 * Applies an event to a case in memory: the workflow group after the step (snapshot, effects, timeline, deadlines)
 * and the plan's service and checkpoint statuses. `record` may already carry other changes (an update), so guards
 * see the case as it will be stored.
 */
export async function advanceCase(
  rt: CaseRuntime,
  record: CaseRecord,
  event: WorkflowEvent,
  by: string | null,
  extra: Partial<TimelineEntry> = {},
  ctxOverride?: EvaluationContext,
): Promise<CaseChange | WorkflowEventRejected> {
  const def = await definitionOf(rt, record);
  const ctx = ctxOverride ?? (await evaluationContext(rt, record));
  const now = rt.clock.now();
  // What the person entered with the event (a decision date, a name) is checked before anything moves.
  const problems = inputProblems(inputsOfEvent(def, record.workflow.snapshot as never, ctx, event, now), event.data);
  if (problems.length > 0) throw eventInputInvalid(event.type, problems);
  const step = stepCase(def, record.workflow, ctx, event, now, by, extra);
  if (!step.ok) return step;
  const timers = plannedTimers(def, step.workflow, { ...ctx, case: { ...ctx.case, fields: step.workflow.fields, dates: step.workflow.dates } }, now);
  const workflow = withDeadlines(step.workflow, timers);
  const { services, checkpoints } = trackStatuses(workflow.snapshot as never);
  // Statuses are kept after a track's stage is left, so a closed case still shows which services were used.
  const plan = record.plan as { services?: Record<string, string>; checkpoints?: Record<string, string> };
  return {
    set: { workflow, plan: { ...record.plan, services: { ...plan.services, ...services }, checkpoints: { ...plan.checkpoints, ...checkpoints } } },
    timers,
    notifications: step.notifications,
    ...(step.referrals.length > 0 ? { referrals: step.referrals, referredBy: by } : {}),
  };
}
