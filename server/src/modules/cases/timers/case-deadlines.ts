import type { Connection } from 'mongoose';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { computeDueItems, type DueItem } from '../../workflows/engine/deadline-schedule';
import type { EvaluationContext } from '../../workflows/engine/evaluation-context.types';
import type { PersistedWorkflowSnapshot } from '../../workflows/engine/persisted-snapshot';
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

/** The deadlines shown on the case (reminders only notify) and the earliest, for the overdue filter. */
export function withDeadlines(workflow: CaseWorkflow, timers: PlannedTimer[]): CaseWorkflow {
  const deadlines: CaseDeadline[] = timers
    .filter((t) => t.kind === 'deadline')
    .map((t) => ({ key: t.key, stagePath: t.stagePath, deadlineId: t.deadlineId, dueAt: new Date(t.dueAt), ...(t.event ? { event: t.event } : {}) }));
  const nextDueAt = deadlines.reduce<Date | null>((min, d) => (min === null || d.dueAt < min ? d.dueAt : min), null);
  return { ...workflow, deadlines, nextDueAt };
}

/**
 * Makes the stored jobs match the plan. Upserts are keyed by id, so concurrent planners converge; a job that is
 * running or done is never reset (the upsert then hits the unique _id and is ignored). Jobs no longer planned are
 * cancelled; a stale plan that slips through is harmless because the handler re-checks the timer against the case.
 */
export async function syncTimerJobs(db: Connection, record: Pick<CaseRecord, '_id' | 'orgId'>, timers: PlannedTimer[]): Promise<void> {
  const Jobs = timerJobModel(db);
  const ids: string[] = [];
  for (const timer of timers) {
    const _id = `${record._id.toHexString()}:${timer.key}`;
    ids.push(_id);
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
  await Jobs.updateMany({ caseId: record._id, status: 'due', _id: { $nin: ids } }, { $set: { status: 'cancelled' } });
}
