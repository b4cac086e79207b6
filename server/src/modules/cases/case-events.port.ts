import type { ServiceContext } from '../access/service-context';

/** A submission that was saved for a case: the cases module turns it into the workflow event `form.submitted`. */
export interface CaseSubmission {
  caseId: string;
  formPath: string;
  submissionId: string;
  /** Cleaned, server-validated data (with server-computed values). */
  data: Record<string, unknown>;
  /**
   * A retry of a request that stored the submission and may have stopped before or after the case recorded it: the
   * form data then replaces the case's only when the case has not recorded this submission yet.
   */
  resumed?: boolean;
}

/**
 * The seam between submissions and cases, so neither module imports the other's internals. The forms module calls
 * it after a submission linked to a case is stored; the cases module implements it.
 */
export interface CaseEventsPort {
  /** Throws a 404 AppError when the case does not exist or the user may not update it (checked before saving). */
  assertCanSubmitFor(ctx: ServiceContext, caseId: string): Promise<{ orgId: string; assignees: string[]; sharedWith: string[] }>;
  /** Records the submission on the case and re-checks its automatic transitions; at most once per submission. */
  formSubmitted(ctx: ServiceContext, submission: CaseSubmission): Promise<void>;
}
