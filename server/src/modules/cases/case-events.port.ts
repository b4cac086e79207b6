import type { ServiceContext } from '../access/service-context';

/** A submission that was saved for a case: the cases module turns it into the workflow event `form.submitted`. */
export interface CaseSubmission {
  caseId: string;
  formPath: string;
  submissionId: string;
  /** Cleaned, server-validated data (with server-computed values). */
  data: Record<string, unknown>;
}

/**
 * The seam between submissions and cases, so neither module imports the other's internals. The forms module calls
 * it after a submission linked to a case is stored; the cases module implements it.
 */
export interface CaseEventsPort {
  /** Throws a 404 AppError when the case does not exist or the user may not update it (checked before saving). */
  assertCanSubmitFor(ctx: ServiceContext, caseId: string): Promise<{ orgId: string; assignees: string[]; sharedWith: string[] }>;
  formSubmitted(ctx: ServiceContext, submission: CaseSubmission): Promise<void>;
}
