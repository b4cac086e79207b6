import type { Connection } from 'mongoose';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { computeDueItems, type DueItem, type EvaluationContext, type PersistedWorkflowSnapshot } from '../../workflows';
import type { CaseDeadline, CaseRecord, CaseWorkflow } from '../storage/case.model';
import { finishedTimerJobModel, timerJobModel } from './timer-job.model';
import { listJob, unlistJob } from './timer-queue';

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
 * Makes the stored jobs match the plan, each job read and written by `_id` (`<case>:<key>`; a query by `caseId` would
 * make the embedded database read every job, docs/case-queries.md). A job already planned for the same time is left
 * as it is (most writes of a case plan what they planned before); a due job whose time changed is listed again at its
 * new time; a running job is never touched; a job that ran (`timer_jobs_finished`) is never set up again, so a
 * passed deadline a case keeps showing does not fire twice. A new job is listed in the queue before it is stored, so
 * the poll can always find it. The jobs of the timers the case had planned before (`previous`, its stored
 * `timerKeys`) and no longer has are removed. A stale plan that slips through (two writes of one case planning at
 * once) is harmless because the handler re-checks the timer against the case.
 */
export async function syncTimerJobs(
  db: Connection,
  record: Pick<CaseRecord, '_id' | 'orgId'>,
  timers: PlannedTimer[],
  now: Date,
  previous: readonly string[] = [],
): Promise<void> {
  const Jobs = timerJobModel(db);
  const planned = new Set<string>();
  for (const timer of timers) {
    const _id = jobId(record._id, timer.key);
    const runAt = new Date(timer.dueAt);
    planned.add(timer.key);
    const current = await Jobs.findById(_id, { status: 1, runAt: 1, slot: 1 }).lean();
    // (A job cancelled before the queue came is still stored as `cancelled`: it is planned again like a new one.)
    if (current && current.status !== 'cancelled') {
      if (current.status !== 'due' || current.runAt.getTime() === runAt.getTime()) continue;
      const slot = await listJob(db, _id, runAt, now);
      await Jobs.updateOne({ _id, status: 'due' }, { $set: { runAt, slot } });
      if (current.slot !== undefined && current.slot !== slot) await unlistJob(db, _id, current.slot);
      continue;
    }
    if (await finishedTimerJobModel(db).exists({ _id })) continue;
    const slot = await listJob(db, _id, runAt, now);
    try {
      await Jobs.updateOne(
        { _id, status: { $in: ['due', 'cancelled'] } },
        {
          $set: { status: 'due', runAt, slot },
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
  await Promise.all(
    dropped.map(async (key) => {
      const removed = await Jobs.findOneAndDelete({ _id: jobId(record._id, key), status: 'due' }).lean();
      if (removed?.slot !== undefined) await unlistJob(db, removed._id, removed.slot);
    }),
  );
}
