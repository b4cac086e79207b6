import type { Connection } from 'mongoose';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { computeDueItems, type DueItem, type EvaluationContext, type PersistedWorkflowSnapshot } from '../../workflows';
import type { CaseDeadline, CaseRecord, CaseWorkflow } from '../storage/case.model';
import { timerJobModel } from './timer-job.model';

export interface PlannedTimer extends DueItem {
  /** The due item id with the time its stage was entered: a stage entered again plans new timers. */
  key: string;
}

/** Timers of the active stages that have not fired yet; open-ended schedules are expanded a year ahead. */
export function plannedTimers(def: WorkflowDefinition, workflow: CaseWorkflow, ctx: EvaluationContext, now: Date): PlannedTimer[] {
  const snapshot = workflow.snapshot as PersistedWorkflowSnapshot;
  const fired = new Set(workflow.firedTimers);
  return computeDueItems(def, snapshot, ctx, { now: now.toISOString(), horizon: 'P1Y' })
    .map((item) => ({ ...item, key: `${item.id}@${snapshot.stageEntries[item.stagePath] ?? ''}` }))
    .filter((item) => !fired.has(item.key));
}

/**
 * The deadlines shown on the case (reminders only notify), the earliest, for the overdue filter, and the keys of every
 * planned timer, so that the next plan knows which jobs it replaces (syncTimerJobs).
 */
export function withDeadlines(workflow: CaseWorkflow, timers: PlannedTimer[]): CaseWorkflow {
  const deadlines: CaseDeadline[] = timers
    .filter((t) => t.kind === 'deadline')
    .map((t) => ({ key: t.key, stagePath: t.stagePath, deadlineId: t.deadlineId, dueAt: new Date(t.dueAt), ...(t.event ? { event: t.event } : {}) }));
  const nextDueAt = deadlines.reduce<Date | null>((min, d) => (min === null || d.dueAt < min ? d.dueAt : min), null);
  return { ...workflow, deadlines, nextDueAt, timerKeys: timers.map((t) => t.key) };
}

/**
 * The keys of the timers a case had planned: stored with its position since timers are planned by key; a case stored
 * before knows only its deadlines (a reminder of such a case left planned is found obsolete by the handler when due).
 */
export function plannedTimerKeys(workflow: Pick<CaseWorkflow, 'timerKeys' | 'deadlines'>): string[] {
  return workflow.timerKeys ?? (workflow.deadlines ?? []).map((d) => d.key);
}

const jobId = (caseId: CaseRecord['_id'], key: string) => `${caseId.toHexString()}:${key}`;

/**
 * Makes the stored jobs match the plan. Upserts are keyed by id, so concurrent planners converge; a job that is
 * running or done is never reset (the upsert then hits the unique _id and is ignored). The jobs of the timers the case
 * had planned before (`previous`, its stored `timerKeys`) and no longer has are cancelled, each by `_id`: a query by
 * `caseId` would make the embedded database read every job (docs/case-queries.md). A stale plan that slips through
 * (two writes of one case planning at once) is harmless because the handler re-checks the timer against the case.
 */
export async function syncTimerJobs(db: Connection, record: Pick<CaseRecord, '_id' | 'orgId'>, timers: PlannedTimer[], previous: readonly string[] = []): Promise<void> {
  const Jobs = timerJobModel(db);
  const planned = new Set<string>();
  for (const timer of timers) {
    const _id = jobId(record._id, timer.key);
    planned.add(timer.key);
    try {
      await Jobs.updateOne(
        { _id, status: { $in: ['due', 'cancelled'] } },
        {
          $set: { status: 'due', runAt: new Date(timer.dueAt) },
          $setOnInsert: {
            caseId: record._id,
            orgId: record.orgId,
            key: timer.key,
            kind: timer.kind,
            stagePath: timer.stagePath,
            deadlineId: timer.deadlineId,
            event: timer.event ?? null,
            lockedBy: null,
            lockedAt: null,
            attempts: 0,
            outcome: null,
            finishedAt: null,
          },
        },
        { upsert: true },
      );
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }
  const dropped = [...new Set(previous)].filter((key) => !planned.has(key));
  await Promise.all(dropped.map((key) => Jobs.updateOne({ _id: jobId(record._id, key), status: 'due' }, { $set: { status: 'cancelled' } })));
}
