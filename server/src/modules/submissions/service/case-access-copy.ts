import { isValidObjectId, Types, type Connection } from 'mongoose';
import { submissionModel } from '../storage/submission.model';

/**
 * Submissions linked to a case carry copies of the case's assignees and sharedWith, so that their own access rules
 * stay plain queries. The cases module calls this after changing either (with every submission the case lists) and
 * after the case records a new submission (with that one: a copy made while the submission was being written did
 * not know it yet); only this module writes submissions. Each submission is written by its `_id`, the one filter the
 * embedded database answers from an index (a filter on `caseId` would read every submission: docs/case-queries.md);
 * the `caseId` beside it keeps a copy from ever reaching another case's submission.
 */
export async function copyCaseAccess(
  db: Connection,
  caseId: Types.ObjectId,
  submissionIds: readonly string[],
  access: { assignees: ReadonlyArray<string | Types.ObjectId>; sharedWith: ReadonlyArray<string | Types.ObjectId> },
): Promise<void> {
  // Written as the model stores them (ObjectIds): the access rules' conditions are cast to ObjectIds, so a copy kept
  // as the case's text ids would match nothing and hide the submission from its own caseworkers.
  const ids = (values: ReadonlyArray<string | Types.ObjectId>) => values.filter((value) => isValidObjectId(value)).map((value) => new Types.ObjectId(String(value)));
  const set = { $set: { assignees: ids(access.assignees), sharedWith: ids(access.sharedWith) } };
  await Promise.all(
    [...new Set(submissionIds)]
      .filter((id) => isValidObjectId(id))
      .map((id) => submissionModel(db).collection.updateOne({ _id: new Types.ObjectId(id), caseId }, set)),
  );
}
