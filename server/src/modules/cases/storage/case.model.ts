import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { CaseConsent, CasePlan } from '../../../contracts/cases/case.schemas';
import type {
  CaseDeadline as Deadline,
  CaseTask as Task,
  CaseWorkflowState,
  TimelineEntry as Entry,
} from '../../../contracts/cases/case-view.types';

/*
 * The groups the API answers with are the contract's shapes (server/src/contracts/cases/case-view.types.ts), with
 * dates as stored; this file adds what only the server keeps.
 */
export type CaseDeadline = Deadline<Date>;
export type CaseTask = Task<Date>;
/** One thing that happened. Field-group names only, never values: the timeline is shown to everyone who sees the case. */
export type TimelineEntry = Entry<Date>;

/** What the workflow group of a case holds: where it is, what it runs on, what is due, and everything that happened. */
export interface CaseWorkflow extends Omit<CaseWorkflowState<Date>, 'submissions'> {
  /** Timer keys already handled, so a timer re-delivered after a crash changes nothing. */
  firedTimers: string[];
  /** The keys of the timers planned at this position (absent in older cases), so the next plan cancels what it drops. */
  timerKeys?: string[];
  /**
   * The submissions the case has recorded (a deleted one is removed). `at` is when the case recorded it, `submittedAt`
   * when it was stored and `version` the submission's version the case last applied (both absent in older cases).
   */
  submissions: Array<{ submissionId: string; formPath: string; at: Date; submittedAt?: Date; version?: number }>;
  /**
   * Which form fed each bound case field last, so that emptying that form's field (or deleting its submission) takes
   * the value back, while a value entered on the case page is left alone. A list: targets contain dots.
   */
  bound?: BoundField[];
}

/** A case field a form fed through the workflow's bindings (`identity.estimatedAge`, `consents.nas`, `plan.goals`). */
export interface BoundField {
  target: string;
  form: string;
}

export interface EventKey {
  key: string;
  at: Date;
}

export interface CaseRecord {
  _id: Types.ObjectId;
  reference: string;
  orgId: Types.ObjectId;
  /** User ids as hex strings: role conditions compare them with `${user.id}`, which is a string. */
  assignees: string[];
  workflow: CaseWorkflow;
  alias: string;
  identity: Record<string, unknown>;
  safeAccommodation: Record<string, unknown> | null;
  narrative: Record<string, unknown> | null;
  narrativeSummary: string | null;
  criminalProceedings: Record<string, unknown> | null;
  proceedingsSummary: string | null;
  integration: Record<string, unknown>;
  plan: CasePlan;
  consents: Record<string, CaseConsent>;
  /** Organisation ids (hex) the case was referred or shared to, with the person's consent. */
  sharedWith: string[];
  /**
   * What each organisation the case is shared with may read of the shareable groups, as `<org hex>:<group>`: the
   * permission layer's limits on shared cases match on it (access/tenant-boundary.ts).
   */
  shareGroups?: string[];
  /** Idempotency keys (hashed) of the events fired on this case in the last 24 hours, stored with the event itself. */
  eventKeys?: EventKey[];
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const caseSchema = new Schema<CaseRecord>(
  {
    reference: { type: String, required: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    assignees: { type: [String], default: [] },
    workflow: { type: Schema.Types.Mixed, required: true },
    alias: { type: String, default: '' },
    identity: { type: Schema.Types.Mixed, default: {} },
    safeAccommodation: { type: Schema.Types.Mixed, default: null },
    narrative: { type: Schema.Types.Mixed, default: null },
    narrativeSummary: { type: String, default: null },
    criminalProceedings: { type: Schema.Types.Mixed, default: null },
    proceedingsSummary: { type: String, default: null },
    integration: { type: Schema.Types.Mixed, default: {} },
    plan: { type: Schema.Types.Mixed, default: {} },
    consents: { type: Schema.Types.Mixed, default: {} },
    sharedWith: { type: [String], default: [] },
    shareGroups: { type: [String], default: [] },
    eventKeys: { type: [Object], default: undefined },
    version: { type: Number, default: 0 },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'cases', versionKey: false, minimize: false },
);
caseSchema.index({ orgId: 1, reference: 1 }, { unique: true });
caseSchema.index({ orgId: 1, updatedAt: -1 });

export function caseModel(db: Connection): Model<CaseRecord> {
  return (db.models.Case as Model<CaseRecord>) ?? db.model<CaseRecord>('Case', caseSchema);
}
