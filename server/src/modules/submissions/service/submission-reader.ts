import type { Connection } from 'mongoose';
import type { AppAbility } from '../../access';
import { type AuditActor, type AuditEvent, recordAudits } from '../../audit';
import type { Submission } from '../storage/submission.model';
import { loadRevision } from '../../forms';
import { filledSensitiveKeys, forbiddenSensitiveFields, withoutFields } from './submission-fields';

/** A submission as a user may see it: values of fields the rules withhold are removed; `masked` names those fields. */
export interface SubmissionView extends Submission {
  masked: string[];
}

/**
 * Prepares submissions for a response: strips what the reader may not see (by the sensitivity tags of the
 * revision each submission is pinned to) and audits, per submission, the sensitive fields whose values it returns.
 */
export async function presentForReader(
  db: Connection,
  ability: AppAbility,
  /** null when the response only echoes what the user just wrote: that is audited as the write. */
  actor: AuditActor | null,
  submissions: Submission[],
): Promise<SubmissionView[]> {
  const views: SubmissionView[] = [];
  const audits: AuditEvent[] = [];
  for (const submission of submissions) {
    const revision = await loadRevision(db, submission.formId, submission.revision);
    const hidden = forbiddenSensitiveFields(ability, 'read', submission, revision.sensitive);
    const data = withoutFields(submission.data, hidden);
    const hiddenKeys = new Set(hidden.map((field) => field.key));
    if (actor) {
      const shown = filledSensitiveKeys(data, revision.sensitive.filter((field) => !hiddenKeys.has(field.key)));
      if (shown.length > 0) {
        audits.push({ action: 'read', subjectType: 'Submission', subjectId: submission._id.toHexString(), sensitiveFields: shown });
      }
    }
    views.push({ ...submission, data, masked: [...hiddenKeys] });
  }
  // One entry per submission, stored in one insert.
  if (actor && audits.length > 0) await recordAudits(db, actor, audits);
  return views;
}
