/**
 * The shapes the cases API is expected to answer with (server/src/modules/cases was not built when this was
 * written): every field other than `id` is optional, because the server sends only the fields the user may see.
 */
export interface CaseDeadline {
  id: string;
  /** Stage path the deadline belongs to, e.g. `assistance/plan`. */
  stage?: string;
  kind?: 'deadline' | 'reminder';
  dueAt: string;
  done?: boolean;
}

export interface CaseWorkflow {
  id: string;
  version?: number;
  /** The persisted snapshot: `value` is an XState state value. */
  snapshot?: { status?: string; value?: unknown; stageEntries?: Record<string, string> };
  /** Active leaf stage paths, when the server flattens them. */
  stages?: string[];
  deadlines?: CaseDeadline[];
  /** Events the workflow accepts now (guards passed); the client shows those the rules also allow. */
  events?: string[];
  timeline?: TimelineEntry[];
}

export interface TimelineEntry {
  at: string;
  type: string;
  event?: string;
  from?: string[];
  to?: string[];
  formPath?: string;
  by?: string;
}

export interface PlanAction {
  id?: string;
  stop?: string;
  action?: string;
  provider?: string;
  owner?: string;
  start?: string;
  due?: string;
  status?: string;
}

export interface CasePlan {
  goals?: string[] | string;
  actions?: PlanAction[];
  reviewDates?: string[];
}

export interface CaseConsent {
  given?: boolean;
  at?: string;
  withdrawnAt?: string;
}

export interface CaseRecord {
  id: string;
  reference?: string;
  alias?: string;
  orgId?: string;
  assignees?: string[];
  workflow?: CaseWorkflow;
  plan?: CasePlan;
  consents?: Record<string, CaseConsent>;
  /** Form paths the current stage requires, with the revision the case needs. */
  requiredForms?: Array<{ path: string; revision?: number | string; submitted?: boolean }>;
  updatedAt?: string;
  createdAt?: string;
  [field: string]: unknown;
}
