import { Types, type Connection } from 'mongoose';
import { isDuplicateKey, withWriteClaim } from '../../../core/db/write-claim';
import { versionConflict } from '../../../core/errors/app-error';
import { storeCarriedEntries, type AuditActor } from '../../audit';
import { submissionModel, type Submission } from '../storage/submission.model';
import type { SubmissionCasePort, SubmissionChange } from './submission-case.port';

/*
 * A change to a submission has effects beyond its own document: its audit entry reaches the log, its case hears of
 * it, and a deletion ends with the document's removal. Without transactions, a process may stop between any two
 * of these writes, so a change is made like this, under the submission's write claim (core/db/write-claim.ts):
 *  1. a marker names the submission in `submission_changes` (a small collection, found whole by the recovery);
 *  2. the change is written, carrying its audit entry in the document (`pendingAudit`, or `auditOutbox` on creation)
 *     and, for a deletion, only marking the document deleted (`deletedAt`: no read finds it any more);
 *  3. the submission is settled: read again, its entries copied to the log, its state as it is now reported to its
 *     case (the port applies each state once), a deleted one removed, and the marker dropped.
 * Whoever finds a marker (a retried request, the recovery at start and every few minutes) settles the submission
 * again, which finishes what a stopped process left; settling a finished one changes nothing. Under the claim no
 * other change of the submission comes in between, so reports of one submission never overtake each other and a
 * report never revives a deleted submission.
 */

interface ChangeMarker {
  _id: Types.ObjectId;
  at: Date;
}

const markers = (db: Connection) => db.collection<ChangeMarker>('submission_changes');

/** The claim every write to one submission takes. */
export const submissionClaim = (id: Types.ObjectId) => `submission:${id.toHexString()}`;

const lastEditor = (submission: Submission): AuditActor => ({ userId: submission.modifiedBy, orgId: submission.orgId, requestId: null });

/** The submission's current state, as its case must know it. */
export function changeOf(submission: Submission & { caseId: Types.ObjectId }): SubmissionChange {
  const link = { caseId: submission.caseId.toHexString(), formPath: submission.formPath, submissionId: submission._id.toHexString() };
  if (submission.deletedAt) return { type: 'deleted', ...link };
  return {
    type: submission.version === 0 ? 'created' : 'updated',
    ...link,
    submittedAt: submission.createdAt,
    version: submission.version,
    data: submission.data,
  };
}

/**
 * Makes a change as described above and returns what `write` returned. `write` returns null when its conditional
 * write matched nothing (a stale version), and so does a claim another writer holds: both are a version conflict.
 * A step after the write that fails throws; the marker then stays for the retry or the recovery.
 */
export async function changeSubmission<T>(
  db: Connection,
  port: SubmissionCasePort | undefined,
  id: Types.ObjectId,
  by: AuditActor,
  write: () => Promise<T | null>,
): Promise<T> {
  const result = await withWriteClaim(db, submissionClaim(id), async () => {
    await markers(db).updateOne({ _id: id }, { $set: { at: new Date() } }, { upsert: true });
    const written = await write();
    // Settled also when the write matched nothing: that drops the marker (and finishes an earlier change left behind).
    await settleClaimed(db, port, id, by);
    return written;
  });
  if (result === null) throw versionConflict();
  return result;
}

/**
 * Marks submissions as changed without a change under way, so that the next recovery sweep reports their state to
 * their cases again (after an upgrade whose earlier layout missed edits). Ids that are not submission ids are skipped.
 */
export async function markSubmissionsChanged(db: Connection, submissionIds: readonly string[]): Promise<void> {
  const ids = [...new Set(submissionIds)].filter((id) => /^[0-9a-f]{24}$/i.test(id)).map((id) => new Types.ObjectId(id));
  if (ids.length === 0) return;
  // Marked long ago: the first sweep takes them. A marker already there stays as it is.
  await markers(db)
    .insertMany(ids.map((_id) => ({ _id, at: new Date(0) })), { ordered: false })
    .catch((error: unknown) => {
      if (!isDuplicateKey(error) && !(error as { writeErrors?: Array<{ code?: number }> }).writeErrors?.every((item) => item.code === 11000)) throw error;
    });
}

/** Whether a change of this submission may be unfinished. */
export async function isMarked(db: Connection, id: Types.ObjectId): Promise<boolean> {
  return (await markers(db).findOne({ _id: id }, { projection: { _id: 1 } })) !== null;
}

/** Settles a submission whose change may be unfinished; does nothing while another writer holds its claim. */
export async function settleSubmission(db: Connection, port: SubmissionCasePort | undefined, id: Types.ObjectId, by?: AuditActor): Promise<void> {
  await withWriteClaim(db, submissionClaim(id), () => settleClaimed(db, port, id, by));
}

async function settleClaimed(db: Connection, port: SubmissionCasePort | undefined, id: Types.ObjectId, by?: AuditActor): Promise<void> {
  const Submissions = submissionModel(db);
  const current = await Submissions.findById(id).lean();
  if (current) {
    await storeCarriedEntries(db, current.pendingAudit ?? []);
    if (current.caseId && port) await port.submissionChanged(by ?? lastEditor(current), changeOf({ ...current, caseId: current.caseId }));
    if (current.deletedAt) await Submissions.deleteOne({ _id: id });
    else if (current.pendingAudit) await Submissions.updateOne({ _id: id }, { $unset: { pendingAudit: 1 } }, { timestamps: false });
  }
  await markers(db).deleteOne({ _id: id });
}

/**
 * Settles the submissions whose changes were left unfinished (a process stopped, or a step after the write failed)
 * and marked before `until`, so that changes still under way elsewhere are left to their requests. One that fails
 * again keeps its marker for the next sweep; `stop` ends the sweep after the submission under way.
 */
export async function settleMarkedSubmissions(
  db: Connection,
  port: SubmissionCasePort | undefined,
  until: Date,
  stop?: AbortSignal,
): Promise<{ settled: number; failed: number; error?: unknown }> {
  const outcome: { settled: number; failed: number; error?: unknown } = { settled: 0, failed: 0 };
  const marked = await markers(db).find({}).toArray();
  for (const { _id, at } of marked) {
    if (stop?.aborted) break;
    if (at >= until) continue;
    try {
      await settleSubmission(db, port, _id);
      outcome.settled += 1;
    } catch (error) {
      outcome.failed += 1;
      outcome.error ??= error;
    }
  }
  return outcome;
}
