import { randomUUID } from 'node:crypto';
import { caseModel, type CaseRecord } from '../storage/case.model';
import { claim, release } from '../../../core/db/write-claim';
import { copyCaseAccess } from '../../submissions';
import { caseNotificationModel } from '../storage/notification.model';
import { syncTimerJobs } from '../timers/case-deadlines';
import type { CaseChange } from './case-advance';
import type { CaseRuntime } from './case-runtime';
import { caseListWrite } from '../lists/case-list-sync';

/**
 * Stores a change with a claimed conditional write on (id, version) (see write-claim.ts): of concurrent writers that
 * read the same version, exactly one succeeds and the others get null (→ 409 or a retry). No transactions needed, none lost.
 * Side records (timer jobs, notifications, the submissions' copies of assignees/sharedWith) follow the case.
 */
export async function commitCase(rt: CaseRuntime, before: CaseRecord, change: CaseChange): Promise<CaseRecord | null> {
  const now = rt.clock.now();
  const key = `case:${before._id.toHexString()}:${before.version}`;
  const owner = randomUUID();
  if (!(await claim(rt.db, key, owner))) return null;
  const listing = await caseListWrite(rt.db, before._id);
  let updated: CaseRecord | null;
  try {
    updated = await caseModel(rt.db)
      .findOneAndUpdate({ _id: before._id, version: before.version }, { $set: { ...change.set, updatedAt: now }, $inc: { version: 1 } }, { returnDocument: 'after' })
      .lean();
  } finally {
    // Released only after the write: a late claimer of this version then finds the case already past it.
    await release(rt.db, key, owner);
  }
  if (!updated) {
    await listing.dropped();
    return null;
  }
  await listing.done();
  if (change.timers) await syncTimerJobs(rt.db, updated, change.timers);
  if (change.notifications.length > 0) {
    await caseNotificationModel(rt.db).insertMany(
      change.notifications.map((n) => ({ orgId: updated.orgId, caseId: updated._id, role: n.role, messageKey: n.messageKey, createdAt: now })),
    );
  }
  if (change.set.assignees || change.set.sharedWith) await syncSubmissionAccess(rt, updated);
  else await syncSubmissionAccess(rt, updated, newlyRecorded(before, updated));
  return updated;
}

/** Submissions the case lists now and did not list before the change. */
function newlyRecorded(before: CaseRecord, after: CaseRecord): string[] {
  const known = new Set((before.workflow.submissions ?? []).map((s) => s.submissionId));
  return (after.workflow.submissions ?? []).map((s) => s.submissionId).filter((id) => !known.has(id));
}

/**
 * Submissions carry the case's assignees and sharedWith for their own access rules; the submissions module copies
 * them, by `_id`, to the submissions the case lists (`only`: to these of them).
 */
export async function syncSubmissionAccess(
  rt: CaseRuntime,
  record: Pick<CaseRecord, '_id' | 'assignees' | 'sharedWith' | 'workflow'>,
  only?: readonly string[],
): Promise<void> {
  const ids = only ?? (record.workflow.submissions ?? []).map((s) => s.submissionId);
  if (ids.length > 0) await copyCaseAccess(rt.db, record._id, ids, record);
}
