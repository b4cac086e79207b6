import { randomUUID } from 'node:crypto';
import { caseModel, type CaseRecord } from '../storage/case.model';
import { claim, release } from '../../../core/db/write-claim';
import { internalError } from '../../../core/errors/app-error';
import { copyCaseAccess } from '../../submissions';
import { plannedTimerKeys, syncTimerJobs } from '../timers/case-deadlines';
import type { CaseChange } from './case-advance';
import { storeNotifications } from './case-notifications';
import type { CaseRuntime } from './case-runtime';
import { caseListWrite } from '../lists/case-list-sync';

/**
 * Stores a change with a claimed conditional write on (id, version) (see write-claim.ts): of concurrent writers that
 * read the same version, exactly one succeeds and the others get null (→ 409 or a retry). No transactions needed, none lost.
 * Side records (timer jobs, notifications, the submissions' copies of assignees/sharedWith) follow the case.
 */
export async function commitCase(rt: CaseRuntime, before: CaseRecord, change: CaseChange): Promise<CaseRecord | null> {
  const now = rt.clock.now();
  const referrals = await prepareReferrals(rt, before, change);
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
  await referrals?.store();
  if (change.timers) await syncTimerJobs(rt.db, updated, change.timers, now, plannedTimerKeys(before.workflow));
  await storeNotifications(rt, updated, change.notifications, now);
  if (change.set.assignees || change.set.sharedWith || change.set.shareGroups) await syncSubmissionAccess(rt, updated);
  else await syncSubmissionAccess(rt, updated, newlyRecorded(before, updated));
  tellNews(rt, updated, change.notifications, before.workflow.tasks);
  return updated;
}

/**
 * Tells the news port of the notifications and of the tasks the write opened (those the case did not have before),
 * once the write is stored: a write that lost its claim tells nothing, and a retry tells only what it stored.
 */
export function tellNews(rt: CaseRuntime, record: CaseRecord, notifications: CaseChange['notifications'], tasksBefore: CaseRecord['workflow']['tasks']): void {
  if (!rt.news) return;
  const known = new Set(tasksBefore.map((task) => task.id));
  const tasks = record.workflow.tasks
    .filter((task) => task.status === 'open' && !known.has(task.id))
    .map((task) => ({ role: task.role, ...(task.orgId ? { orgId: task.orgId } : {}) }));
  if (notifications.length > 0 || tasks.length > 0) rt.news.caseNews({ record, notifications, tasks });
}

/** Submissions the case lists now and did not list before the change. */
function newlyRecorded(before: CaseRecord, after: CaseRecord): string[] {
  const known = new Set((before.workflow.submissions ?? []).map((s) => s.submissionId));
  return (after.workflow.submissions ?? []).map((s) => s.submissionId).filter((id) => !known.has(id));
}

/**
 * The referrals a workflow step asked for, checked against the case as it will be: a referral that cannot be made
 * (no consent, no such recipient) refuses the whole write. Their timeline entries go into the same write.
 */
async function prepareReferrals(rt: CaseRuntime, before: CaseRecord, change: CaseChange) {
  if (!change.referrals?.length) return null;
  if (!rt.referrals) throw internalError();
  const after = { ...before, ...change.set } as CaseRecord;
  const prepared = await rt.referrals.prepare(after, change.referrals, change.referralDetails, change.referredBy ?? null, rt.clock.now());
  const workflow = change.set.workflow ?? before.workflow;
  change.set = { ...change.set, workflow: { ...workflow, timeline: [...workflow.timeline, ...prepared.timeline] } };
  return prepared;
}

/**
 * Submissions carry the case's assignees and sharedWith for their own access rules; the submissions module copies
 * them, by `_id`, to the submissions the case lists (`only`: to these of them). A submission reaches only the
 * organisations a referral shared the case's forms with (`<org>:submissions`).
 */
export async function syncSubmissionAccess(
  rt: CaseRuntime,
  record: Pick<CaseRecord, '_id' | 'assignees' | 'sharedWith' | 'shareGroups' | 'workflow'>,
  only?: readonly string[],
): Promise<void> {
  const ids = only ?? (record.workflow.submissions ?? []).map((s) => s.submissionId);
  if (ids.length > 0) await copyCaseAccess(rt.db, record._id, ids, { assignees: record.assignees, sharedWith: submissionReaders(record) });
}

/** The organisations a case's submissions are shared with: those a referral shared its forms with. */
export function submissionReaders(record: Pick<CaseRecord, 'sharedWith' | 'shareGroups'>): string[] {
  const groups = new Set(record.shareGroups ?? []);
  return record.sharedWith.filter((orgId) => groups.has(`${orgId}:submissions`));
}
