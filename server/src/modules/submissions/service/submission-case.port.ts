import type { ServiceContext } from '../../access';
import type { AuditActor } from '../../audit';

/** What the access rules of a submission linked to a case copy from the case. */
export interface CaseLink {
  orgId: string;
  assignees: string[];
  sharedWith: string[];
  /** The day the case was opened (`YYYY-MM-DD`): no due date of its forms may fall before it. */
  openedOn?: string;
}

/**
 * A stored change to a submission linked to a case, as the case must hear of it: the submission's state after the
 * change (`created`, `updated`) or its absence (`deleted`). A change may be reported more than once (a retry, or the
 * recovery after a process stopped before reporting it); the case applies each state once, and never an older
 * version over a newer one.
 */
export type SubmissionChange =
  | {
      type: 'created' | 'updated';
      caseId: string;
      formPath: string;
      submissionId: string;
      /** When the submission was first stored: of several submissions of one form, the latest is what guards read. */
      submittedAt: Date;
      /** The submission's version after the change. */
      version: number;
      /** Cleaned, server-validated data (with server-computed values). */
      data: Record<string, unknown>;
    }
  | { type: 'deleted'; caseId: string; formPath: string; submissionId: string };

/**
 * The seam between submissions and cases: the submissions side reports every change of a submission linked to a
 * case here, and nothing else writes across it. The cases module implements it (the form data its guards read, its
 * list of submissions, a re-check of automatic transitions); the submissions module imports nothing from cases.
 */
export interface SubmissionCasePort {
  /**
   * Before a submission of `formPath` is linked to a case: a 404 AppError when the case is missing or the user may not
   * update it, a 403 naming the case's fields when the workflow feeds them from this form and the user may not change them.
   */
  assertCanSubmitFor(ctx: ServiceContext, caseId: string, formPath: string): Promise<CaseLink>;
  /**
   * Before an existing submission of `formPath` linked to a case is edited or deleted: a 403 naming the case's fields
   * the workflow feeds from this form that the user may not change (the change would rewrite them).
   */
  assertMayChangeFor(ctx: ServiceContext, caseId: string, formPath: string): Promise<void>;
  /** The day a case was opened (`YYYY-MM-DD`), to judge its forms' dates by; undefined when there is no such case. */
  caseOpenedOn(caseId: string): Promise<string | undefined>;
  /** Applies a stored change to its case; `by` made it (or last edited the submission, when recovery reports it). */
  submissionChanged(by: AuditActor, change: SubmissionChange): Promise<void>;
  /**
   * The ids of the submissions a case lists (every change above reaches it before the request that made it answers),
   * or null when there is no such case. Not a permission check: the caller reads each submission through its own rules.
   */
  submissionIdsOf(caseId: string): Promise<string[] | null>;
}
