import type { BlockedEvent, EventOption, ReferralEventOption } from '../workflows/event-option.types';
import type { WorkflowSnapshot } from '../workflows/workflow-snapshot.types';
import type { CaseConsent, CasePlan, CaseWritable } from './case.schemas';

/*
 * The shapes the cases API answers with, written once for the server, which stores them, and the client, which
 * reads them. `TDate` is where the two differ: a stored record holds `Date`s, an answer ISO 8601 text (what
 * JSON makes of a `Date`), so the server uses `<Date>` and the client the default.
 */

export interface CaseDeadline<TDate = string> {
  key: string;
  /** Stage path the deadline belongs to, e.g. `assistance/plan`. */
  stagePath: string;
  /** The deadline's id in the workflow definition. */
  deadlineId: string;
  dueAt: TDate;
  /** The event fired when it falls due. */
  event?: string;
}

export interface CaseTask<TDate = string> {
  id: string;
  titleKey: string;
  role: string;
  dueAt: TDate | null;
  status: 'open' | 'done';
  createdAt: TDate;
  doneAt?: TDate;
  /** User id (hex) of who marked it done. */
  doneBy?: string;
  /** The organisation whose staff the task is for (a receiver's task on a referred case); absent: the case's own. */
  orgId?: string;
}

/** One thing that happened. Field-group names only, never values: the timeline is shown to everyone who sees the case. */
export interface TimelineEntry<TDate = string> {
  at: TDate;
  type: string;
  by: string | null;
  event?: string;
  entered?: string[];
  exited?: string[];
  fields?: string[];
  formPath?: string;
  submissionId?: string;
  timerKey?: string;
  detail?: string;
  /** The other organisation of a referral entry, by name (`referral-sent`, `referral-accepted` …). */
  organisation?: string;
}

export interface CaseSubmissionRef<TDate = string> {
  submissionId: string;
  formPath: string;
  at: TDate;
}

/** What the workflow group of a case holds: where it is, what it runs on, what is due, and everything that happened. */
export interface CaseWorkflowState<TDate = string> {
  source: 'template' | 'workflow';
  /** A template key (`finland-municipality`) or an organisation workflow's id. */
  definitionId: string;
  version: number;
  jurisdiction: string;
  snapshot: WorkflowSnapshot;
  /** Every active stage path (compound and parallel ones too), for the stage filter. */
  activeStages: string[];
  deadlines: CaseDeadline<TDate>[];
  /** Earliest open deadline; a case is overdue when this is in the past. */
  nextDueAt: TDate | null;
  dates: Record<string, string>;
  fields: Record<string, unknown>;
  tasks: CaseTask<TDate>[];
  /** Form paths the current stages still require. */
  requiredForms: string[];
  consentRequests: string[];
  childBranch: { open: boolean; legalRepresentativeRequired: boolean } | null;
  submissions: CaseSubmissionRef<TDate>[];
  timeline: TimelineEntry<TDate>[];
}

/** The workflow group as the API answers it: without the timer bookkeeping, with the deadlines already due. */
export interface CaseWorkflowView<TDate = string> extends CaseWorkflowState<TDate> {
  overdue: CaseDeadline<TDate>[];
}

type FreeGroups = Omit<CaseWritable, 'alias' | 'assignees' | 'plan' | 'consents' | 'dates'>;

/**
 * A case as its reader may see it (`GET /api/cases/:id`, and every write that answers with the case): the field
 * groups the reader's rules permit, each present only then, plus the bookkeeping every reader needs.
 */
export interface CaseView<TDate = string> extends Partial<FreeGroups> {
  id: string;
  version: number;
  createdAt: TDate;
  updatedAt: TDate;
  reference?: string;
  orgId?: string;
  alias?: string;
  /** User ids (hex). */
  assignees?: string[];
  workflow?: CaseWorkflowView<TDate>;
  plan?: CasePlan;
  consents?: Record<string, CaseConsent>;
  /** Organisation ids (hex) the case was referred or shared to. */
  sharedWith?: string[];
}

export type { BlockedEvent, EventOption, ReferralEventOption, WorkflowSnapshot };

/** A case with what this reader may do with it now (`GET /api/cases/:id`, `POST /api/cases/:id/events`). */
export interface CaseDetail<TDate = string> extends CaseView<TDate> {
  /** Events this user may fire now, worked out by the server. */
  availableEvents: string[];
  /** The same with the data each needs (one option per service track for the events the tracks share). */
  eventOptions: EventOption[];
  /** Events the active stages have but cannot take now, with the reasons in data. */
  blockedEvents: BlockedEvent[];
  /** Which of the offered events end the case (the page asks for a reason and a confirmation). */
  endingEvents: string[];
  /** Events of the active stages that refer the case to another organisation (the referral dialog asks what to share). */
  referralEvents: ReferralEventOption[];
}

/** A row of `GET /api/cases`: no sensitive groups, so listing needs no audit entry per case; the position flattened. */
export interface CaseSummary<TDate = string> {
  id: string;
  version: number;
  reference?: string;
  alias?: string;
  assignees?: string[];
  status?: WorkflowSnapshot['status'];
  stages?: string[];
  nextDueAt?: TDate | null;
  overdue?: boolean;
  updatedAt: TDate;
}

/** `GET /api/cases`: one page of the cases matching the filters, and how many there are. */
export interface CaseList<TDate = string> {
  items: CaseSummary<TDate>[];
  total: number;
  page: number;
  pageSize: number;
}
