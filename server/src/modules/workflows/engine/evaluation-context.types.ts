/** What guards see of a case. The cases module builds it from the case file; the engine never loads anything. */
export interface CaseContext {
  id: string;
  person: { age?: number; ageUncertain: boolean; isChild: boolean };
  consents: Record<string, { given: boolean }>;
  /** ISO dates by name, e.g. `reflectionDecision`. */
  dates: Record<string, string | undefined>;
  fields: Record<string, unknown>;
  /** How urgently each road-map stop is needed (`immediate` …), as the needs assessment recorded it. */
  needs: Record<string, string>;
}

export interface EvaluationContext {
  case: CaseContext;
  /** Data of the latest submission per form path. */
  submissions: Record<string, Record<string, unknown>>;
  /** Values of the jurisdiction's parameters by name. */
  params: Record<string, unknown>;
}

export interface WorkflowEvent {
  type: string;
  data?: Record<string, unknown>;
}

/** Fired when a submission linked to a case is saved; always accepted, it re-checks automatic transitions. */
export const FORM_SUBMITTED_EVENT = 'formSubmitted';
/** Fired after the case itself changed (consents, dates, fields set by an action); re-checks automatic transitions. */
export const CASE_UPDATED_EVENT = 'caseUpdated';
/** Events every workflow accepts in every active stage: they never refuse input, they only re-evaluate guards. */
export const RECHECK_EVENTS: ReadonlySet<string> = new Set([FORM_SUBMITTED_EVENT, CASE_UPDATED_EVENT]);
/** Names other modules may use for the same event; event names in definitions cannot contain dots. */
export const EVENT_ALIASES: Readonly<Record<string, string>> = {
  'form.submitted': FORM_SUBMITTED_EVENT,
  'case.updated': CASE_UPDATED_EVENT,
};

export function normaliseEventType(type: string): string {
  return EVENT_ALIASES[type] ?? type;
}
