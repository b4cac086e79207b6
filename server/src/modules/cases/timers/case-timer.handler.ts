import { stageIndex } from '../../../contracts/workflows/stage-tree.util';
import { caseModel, type CaseRecord } from '../storage/case.model';
import { advanceCase, definitionOf, type CaseChange } from '../service/case-advance';
import { evaluationContext } from '../service/case-context';
import type { CaseRuntime } from '../service/case-runtime';
import { commitCase } from '../service/case-writer';
import { plannedTimers, withDeadlines } from './case-deadlines';
import type { TimerHandler } from './durable-scheduler';
import type { TimerJob } from './timer-job.model';

const ATTEMPTS = 5;

/**
 * What a due timer does to its case. It runs as the platform, not as a user, so it reads the case without a
 * permission filter. It re-checks the timer against the case first: a timer whose stage was left, or that already
 * fired (a job re-delivered after a crash), changes nothing.
 *  - a reminder notifies the stage's responsible roles;
 *  - a deadline with an event fires it; if the case no longer accepts it, or it has no event, the deadline stays on
 *    the case as overdue and the responsible roles are notified.
 */
export function caseTimerHandler(rt: CaseRuntime): TimerHandler {
  return async (job: TimerJob) => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const record = await caseModel(rt.db).findById(job.caseId).lean();
      if (!record) return 'case-missing';
      if (record.workflow.firedTimers.includes(job.key)) return 'duplicate';
      const def = await definitionOf(rt, record);
      const ctx = await evaluationContext(rt, record);
      const now = rt.clock.now();
      if (!plannedTimers(def, record.workflow, ctx, now).some((t) => t.key === job.key)) return 'obsolete';
      const roles = (stageIndex(def).get(job.stagePath)?.stage.roles ?? []).filter((r) => r.duty === 'responsible').map((r) => r.role);
      const notify = (messageKey: string) => roles.map((role) => ({ role, messageKey }));

      let change: CaseChange;
      let outcome: string;
      if (job.kind === 'deadline' && job.event) {
        const fired: CaseRecord = { ...record, workflow: { ...record.workflow, firedTimers: [...record.workflow.firedTimers, job.key] } };
        const advanced = await advanceCase(rt, fired, { type: job.event }, null, { type: 'timer', timerKey: job.key }, ctx);
        if (!('ok' in advanced)) {
          change = advanced;
          outcome = 'fired';
        } else {
          change = note(rt, record, job, 'deadlinePassed', notify('workflows:timers.deadlinePassed'), false, def, ctx, now);
          outcome = 'not-accepted';
        }
      } else if (job.kind === 'deadline') {
        change = note(rt, record, job, 'deadlinePassed', notify('workflows:timers.deadlinePassed'), false, def, ctx, now);
        outcome = 'passed';
      } else {
        change = note(rt, record, job, 'reminder', notify('workflows:timers.reminder'), true, def, ctx, now);
        outcome = 'reminded';
      }
      if (await commitCase(rt, record, change)) return outcome;
    }
    return 'failed';
  };
}

/**
 * A timeline entry and notifications without moving the case. A reminder is marked fired; a passed deadline is
 * not, so it stays on the case's deadlines (overdue) until its stage is left.
 */
function note(
  rt: CaseRuntime,
  record: CaseRecord,
  job: TimerJob,
  type: string,
  notifications: CaseChange['notifications'],
  markFired: boolean,
  def: Parameters<typeof plannedTimers>[0],
  ctx: Parameters<typeof plannedTimers>[2],
  now: Date,
): CaseChange {
  const workflow = {
    ...record.workflow,
    firedTimers: markFired ? [...record.workflow.firedTimers, job.key] : record.workflow.firedTimers,
    timeline: [...record.workflow.timeline, { at: now, type, by: null, timerKey: job.key, ...(job.event ? { event: job.event } : {}) }],
  };
  const timers = plannedTimers(def, workflow, ctx, now);
  void rt;
  return { set: { workflow: withDeadlines(workflow, timers) }, timers, notifications };
}
