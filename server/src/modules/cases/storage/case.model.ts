import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** What the workflow group of a case holds: where it is, what it runs on, what is due, and everything that happened. */
export interface CaseWorkflow {
  source: 'template' | 'workflow';
  definitionId: string;
  version: number;
  jurisdiction: string;
  snapshot: { status: 'active' | 'done'; value: unknown; stageEntries: Record<string, string> };
  /** Every active stage path (compound and parallel ones too), for the stage filter. */
  activeStages: string[];
  deadlines: CaseDeadline[];
  /** Earliest open deadline; a case is overdue when this is in the past. */
  nextDueAt: Date | null;
  /** Timer keys already handled, so a timer re-delivered after a crash changes nothing. */
  firedTimers: string[];
  dates: Record<string, string>;
  fields: Record<string, unknown>;
  tasks: CaseTask[];
  requiredForms: string[];
  consentRequests: string[];
  childBranch: { open: boolean; legalRepresentativeRequired: boolean } | null;
  submissions: Array<{ submissionId: string; formPath: string; at: Date }>;
  timeline: TimelineEntry[];
}

export interface CaseDeadline {
  key: string;
  stagePath: string;
  deadlineId: string;
  dueAt: Date;
  event?: string;
}

export interface CaseTask {
  id: string;
  titleKey: string;
  role: string;
  dueAt: Date | null;
  status: 'open' | 'done';
  createdAt: Date;
  doneAt?: Date;
  /** User id (hex) of who marked it done. */
  doneBy?: string;
}

/** One thing that happened. Field-group names only, never values: the timeline is shown to everyone who sees the case. */
export interface TimelineEntry {
  at: Date;
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
  plan: Record<string, unknown>;
  consents: Record<string, { given: boolean; givenOn?: string | null; withdrawn?: boolean; withdrawnOn?: string | null }>;
  /** Organisation ids (hex) the case was referred or shared to, with the person's consent. */
  sharedWith: string[];
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
