import { DateTime } from 'luxon';
import {
  describeAction, type ActionEffect, type ReferralRequest, resolveDuration, CASE_UPDATED_EVENT,
  type EvaluationContext, type WorkflowEvent, activeLeafPaths, type PersistedWorkflowSnapshot, startWorkflow,
  transitionWorkflow, type WorkflowEventRejected
} from '../../workflows';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { CHECKPOINTS, ROAD_MAP_STOPS } from '../../../contracts/cases/road-map';
import type { CaseTask, CaseWorkflow, TimelineEntry } from '../storage/case.model';

export interface StepNotification {
  role: string;
  messageKey: string;
}

export interface CaseStepResult {
  ok: true;
  workflow: CaseWorkflow;
  notifications: StepNotification[];
  /** Referrals the step's `refer` actions ask for; the referrals module records them with the case's write. */
  referrals: ReferralRequest[];
}

/** Automatic transitions after a `set-field` are re-checked a few times; a definition cannot loop the server. */
const MAX_RECHECKS = 5;

/** Every active stage path, compound and parallel ones included (`assistance`, `assistance/plan`, …). */
export function activeStagePaths(snapshot: PersistedWorkflowSnapshot): string[] {
  const paths = new Set(Object.keys(snapshot.stageEntries));
  for (const leaf of activeLeafPaths(snapshot.value as never)) paths.add(leaf);
  return [...paths].sort();
}

/** Status of each road-map stop and checkpoint, read from the service tracks' active stages (`…/therapy/inProgress`). */
export function trackStatuses(snapshot: PersistedWorkflowSnapshot): { services: Record<string, string>; checkpoints: Record<string, string> } {
  const services: Record<string, string> = {};
  const checkpoints: Record<string, string> = {};
  const stops = new Set<string>(ROAD_MAP_STOPS);
  const checks = new Set<string>(CHECKPOINTS);
  for (const path of Object.keys(snapshot.stageEntries)) {
    const segments = path.split('/');
    const track = segments[segments.length - 2];
    const state = segments[segments.length - 1]!;
    if (track && stops.has(track)) services[track] = state;
    if (track && checks.has(track)) checkpoints[track] = state;
  }
  return { services, checkpoints };
}

/**
 * One event applied to a case's workflow, with the DB effects of the actions it ran, as a new workflow group: pure,
 * the caller stores it with one conditional write. `set-field` changes what guards see, so automatic transitions are
 * re-checked after it.
 */
export function stepCase(
  def: WorkflowDefinition,
  workflow: CaseWorkflow,
  ctx: EvaluationContext,
  event: WorkflowEvent,
  now: Date,
  by: string | null,
  extra: Partial<TimelineEntry> = {},
): CaseStepResult | WorkflowEventRejected {
  const iso = now.toISOString();
  let snapshot = workflow.snapshot as PersistedWorkflowSnapshot;
  let context = ctx;
  const next: CaseWorkflow = {
    ...workflow,
    fields: { ...workflow.fields },
    dates: { ...workflow.dates },
    tasks: [...workflow.tasks],
    requiredForms: [...workflow.requiredForms],
    consentRequests: [...workflow.consentRequests],
    timeline: [...workflow.timeline],
  };
  const notifications: StepNotification[] = [];
  const referrals: ReferralRequest[] = [];
  let current: WorkflowEvent = event;
  for (let round = 0; round <= MAX_RECHECKS; round += 1) {
    const result = transitionWorkflow(def, snapshot, current, context, iso);
    if (!result.ok) {
      if (round === 0) return result;
      break;
    }
    snapshot = result.snapshot;
    let fieldsChanged = false;
    const effects: ActionEffect[] = result.actionsToRun.flatMap((action) => describeAction(action));
    for (const effect of effects) fieldsChanged = applyEffect(next, effect, notifications, referrals, context.params, now, current) || fieldsChanged;
    const moved = result.enteredStages.length > 0 || result.exitedStages.length > 0;
    if (round === 0 || moved || effects.length > 0) {
      next.timeline.push({
        at: now,
        type: round === 0 ? 'event' : 'recheck',
        by,
        event: round === 0 ? event.type : CASE_UPDATED_EVENT,
        entered: result.enteredStages,
        exited: result.exitedStages,
        ...(round === 0 ? { ...reasonOf(event), ...extra } : {}),
      });
    }
    if (!fieldsChanged) break;
    context = { ...context, case: { ...context.case, fields: { ...next.fields }, dates: { ...next.dates } } };
    current = { type: CASE_UPDATED_EVENT };
  }
  next.snapshot = snapshot as CaseWorkflow['snapshot'];
  next.activeStages = activeStagePaths(snapshot);
  return { ok: true, workflow: next, notifications, referrals };
}

/**
 * The reason a person gave for an event that ends the case (`data.reason`), kept in its timeline entry. Only a reason's
 * key (`movedAway`), never free text: everyone who sees the case sees its timeline.
 */
function reasonOf(event: WorkflowEvent): Partial<TimelineEntry> {
  const reason = event.data?.reason;
  return typeof reason === 'string' && /^[a-z][A-Za-z]{0,39}$/.test(reason) ? { detail: reason } : {};
}

/** Turns one action effect into case data. Returns whether guard-visible fields changed. */
function applyEffect(
  wf: CaseWorkflow,
  effect: ActionEffect,
  notifications: StepNotification[],
  referrals: ReferralRequest[],
  params: Record<string, unknown>,
  now: Date,
  event: WorkflowEvent = { type: CASE_UPDATED_EVENT },
): boolean {
  switch (effect.type) {
    case 'task.create':
      wf.tasks.push(task(wf, effect.titleKey, effect.assigneeRole, effect.due ? addDuration(now, effect.due, params) : null, now));
      return false;
    case 'notification.send':
      notifications.push({ role: effect.role, messageKey: effect.messageKey });
      return false;
    case 'form.require':
      if (!wf.requiredForms.includes(effect.formPath)) wf.requiredForms.push(effect.formPath);
      return false;
    case 'case.setField': {
      const changed = wf.fields[effect.field] !== effect.value;
      wf.fields[effect.field] = effect.value;
      return changed;
    }
    case 'case.recordDate':
    case 'case.recordText': {
      // The value was checked against the transition's inputs before the step (advanceCase); the engine stays pure.
      const value = event.data?.[effect.input];
      if (typeof value !== 'string') return false;
      const text = value.trim();
      if (effect.type === 'case.recordText') {
        const changed = wf.fields[effect.field] !== text;
        wf.fields[effect.field] = text;
        return changed;
      }
      const changed = wf.dates[effect.date] !== text;
      wf.dates[effect.date] = text;
      return changed;
    }
    case 'childBranch.open':
      wf.childBranch = { open: true, legalRepresentativeRequired: effect.legalRepresentativeRequired };
      return false;
    case 'consent.request':
      if (!wf.consentRequests.includes(effect.recipient)) wf.consentRequests.push(effect.recipient);
      return false;
    case 'review.schedule':
      wf.tasks.push(task(wf, 'workflows:actions.schedule-review.task', effect.role, addDuration(now, effect.after, params), now));
      return false;
    case 'referral.request':
      referrals.push(effect);
      return false;
  }
}

function task(wf: CaseWorkflow, titleKey: string, role: string, dueAt: Date | null, now: Date): CaseTask {
  return { id: `t${wf.tasks.length + 1}`, titleKey, role, dueAt, status: 'open', createdAt: now };
}

function addDuration(now: Date, duration: Parameters<typeof resolveDuration>[0], params: Record<string, unknown>): Date {
  return DateTime.fromJSDate(now, { zone: 'utc' }).plus(resolveDuration(duration, params)).toJSDate();
}

/** Starts a case on its workflow: the initial stages, their entry actions, and automatic transitions that hold. */
export function startCase(
  def: WorkflowDefinition,
  empty: CaseWorkflow,
  ctx: EvaluationContext,
  now: Date,
  by: string | null,
): CaseStepResult {
  const started = startWorkflow(def, ctx, now.toISOString());
  const wf: CaseWorkflow = { ...empty, snapshot: started.snapshot as CaseWorkflow['snapshot'], timeline: [...empty.timeline] };
  const notifications: StepNotification[] = [];
  const referrals: ReferralRequest[] = [];
  let fieldsChanged = false;
  for (const effect of started.actionsToRun.flatMap((action) => describeAction(action))) {
    fieldsChanged = applyEffect(wf, effect, notifications, referrals, ctx.params, now) || fieldsChanged;
  }
  wf.timeline.push({ at: now, type: 'started', by, entered: started.enteredStages });
  wf.activeStages = activeStagePaths(started.snapshot);
  if (!fieldsChanged) return { ok: true, workflow: wf, notifications, referrals };
  const again = stepCase(def, wf, { ...ctx, case: { ...ctx.case, fields: { ...wf.fields } } }, { type: CASE_UPDATED_EVENT }, now, by);
  return again.ok
    ? { ...again, notifications: [...notifications, ...again.notifications], referrals: [...referrals, ...again.referrals] }
    : { ok: true, workflow: wf, notifications, referrals };
}
