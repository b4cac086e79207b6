/**
 * How the audit log names a person or a record: what the reader may read of it (a user's name and e-mail, a case's
 * reference, a form's title, a workflow's or role's name), or `withheld` where the reader may not read the record (or
 * it no longer exists). A withheld record's id is not given either.
 */
export type AuditName = { text: string; detail?: string } | { withheld: true };

/** One entry of `GET /api/audit`. */
export interface AuditEntryView {
  _id: string;
  at: string;
  action: string;
  subjectType: string;
  /** Null where the subject is withheld from the reader (unless the reader asked for this id). */
  subjectId: string | null;
  /** Null for the platform's own entries and where the person is withheld from the reader. */
  userId: string | null;
  orgId: string | null;
  sensitiveFields: string[];
  requestId: string | null;
  /** Who acted: null for the platform's own entries. */
  who: AuditName | null;
  /** The record acted on: null where the entry names none (a sign-in). */
  subject: AuditName | null;
}
