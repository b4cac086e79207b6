/**
 * The shapes the cases API answers with (server/src/modules/cases/service/case-presenter.ts). Every field other than
 * `id` is optional, because the server sends only the field groups the user may see.
 */
export interface CaseDeadline {
  key: string;
  /** Stage path the deadline belongs to, e.g. `assistance/plan`. */
  stagePath: string;
  /** The deadline's id in the workflow definition. */
  deadlineId: string;
  dueAt: string;
  /** The event fired when it falls due. */
  event?: string;
}

export interface TimelineEntry {
  at: string;
  type: string;
  by?: string | null;
  event?: string;
  entered?: string[];
  exited?: string[];
  fields?: string[];
  formPath?: string;
  submissionId?: string;
  detail?: string;
}

export interface CaseWorkflow {
  source: 'template' | 'workflow';
  /** A template key (`finland-municipality`) or an organisation workflow's id. */
  definitionId: string;
  version: number;
  jurisdiction?: string;
  /** The persisted snapshot: `value` is an XState state value. */
  snapshot?: { status?: 'active' | 'done'; value?: unknown; stageEntries?: Record<string, string> };
  /** Every active stage path, compound and parallel ones too. */
  activeStages?: string[];
  deadlines?: CaseDeadline[];
  /** Deadlines already due. */
  overdue?: CaseDeadline[];
  nextDueAt?: string | null;
  /** Form paths the current stages still require. */
  requiredForms?: string[];
  submissions?: Array<{ submissionId: string; formPath: string; at: string }>;
  timeline?: TimelineEntry[];
  tasks?: Array<{ id: string; titleKey: string; role: string; dueAt: string | null; status: 'open' | 'done'; doneAt?: string }>;
}

export interface PlanGoal {
  id: string;
  stop: string;
  description: string;
  provider?: string;
  owner?: string;
  startDate?: string;
  dueDate?: string;
  status?: string;
}

export interface CasePlan {
  ownGoals?: string;
  goals?: PlanGoal[];
  reviewDates?: string[];
  obstacles?: string[];
}

export interface CaseConsent {
  given?: boolean;
  givenOn?: string | null;
  withdrawn?: boolean;
  withdrawnOn?: string | null;
}

/** `GET /api/cases/:id`. */
/** An event a person can take now and the data to send with it (`{ stop: 'legalAssistance' }`). */
export interface EventOption {
  type: string;
  data: Record<string, unknown>;
}

export interface CaseRecord {
  id: string;
  version?: number;
  reference?: string;
  alias?: string;
  orgId?: string;
  assignees?: string[];
  workflow?: CaseWorkflow;
  /** Events this user may fire now, worked out by the server (case page only). */
  availableEvents?: string[];
  /** The same with the data each needs (one option per service track for the events the tracks share). */
  eventOptions?: EventOption[];
  plan?: CasePlan;
  consents?: Record<string, CaseConsent>;
  updatedAt?: string;
  createdAt?: string;
  [field: string]: unknown;
}

/** A row of `GET /api/cases`: no sensitive groups; the workflow position flattened. */
export interface CaseSummary {
  id: string;
  version?: number;
  reference?: string;
  alias?: string;
  assignees?: string[];
  status?: 'active' | 'done';
  stages?: string[];
  nextDueAt?: string | null;
  overdue?: boolean;
  updatedAt?: string;
}
