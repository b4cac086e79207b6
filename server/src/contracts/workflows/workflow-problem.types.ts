/** One thing wrong with a definition. `code` is stable and has a text at `workflows:problems.<code>`. */
export interface WorkflowProblem {
  /** JSON pointer into the definition, e.g. `/stages/needsAssessment/on/approve/0/target`. */
  path: string;
  code: WorkflowProblemCode;
  params?: Record<string, unknown>;
}

export const WORKFLOW_PROBLEM_CODES = [
  'schema',
  // Format problems at their field (workflow-schema-problems.ts).
  'invalid-duration',
  'invalid-identifier',
  'invalid-event-name',
  'invalid-target',
  'invalid-form-path',
  'invalid-option',
  'unknown-property',
  'required',
  'deadline-timing',
  'invalid-stage-name',
  'unknown-initial',
  'empty-stage',
  'no-final-stage',
  'unknown-target',
  'always-without-target',
  'unknown-form',
  'unknown-action',
  'invalid-action-params',
  'invalid-guard',
  'guard-operator-not-allowed',
  'guard-variable-not-allowed',
  'unknown-parameter',
  'invalid-parameter-value',
  'duplicate-deadline',
  'unhandled-deadline-event',
  'unreachable-stage',
  'no-way-out',
  'police-cooperation-guard',
  'referral-without-consent',
  'plan-approval-without-representative',
  'child-branch-missing',
  'unknown-form-field',
  'unknown-form-option',
  'binding-columns',
  'binding-invalid-value',
  'duplicate-binding',
] as const;

export type WorkflowProblemCode = (typeof WORKFLOW_PROBLEM_CODES)[number];
