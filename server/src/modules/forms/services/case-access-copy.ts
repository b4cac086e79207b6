import type { Connection, Types } from 'mongoose';
import { submissionModel } from '../models/submission.model';

/**
 * Submissions linked to a case carry copies of the case's assignees and sharedWith, so that their own access rules
 * stay plain queries. The cases module calls this after changing either; only this module writes submissions.
 */
export async function copyCaseAccess(
  db: Connection,
  caseId: Types.ObjectId,
  access: { assignees: ReadonlyArray<string | Types.ObjectId>; sharedWith: ReadonlyArray<string | Types.ObjectId> },
): Promise<void> {
  await submissionModel(db).collection.updateMany(
    // Older records may hold the case id as text.
    { caseId: { $in: [caseId, caseId.toHexString()] } },
    { $set: { assignees: [...access.assignees], sharedWith: [...access.sharedWith] } },
  );
}
