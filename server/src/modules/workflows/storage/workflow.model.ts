import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** Where a clone came from: a platform template (by key) or another organisation's shared workflow (by id). */
export interface WorkflowUpstream {
  source: 'template' | 'workflow';
  id: string;
  version: number;
}

/** An organisation's workflow: one editable draft; published versions live in `workflow_versions` and never change. */
export interface WorkflowRecord {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  /** The definition's `id` (kept from the upstream on a clone, so its translation keys still apply). */
  key: string;
  draftText: string;
  /** Newest published version; 0 before the first publication. */
  latestVersion: number;
  upstream: WorkflowUpstream | null;
  /** Other organisations may clone a shared workflow's published versions. */
  shared: boolean;
  /** Optimistic concurrency of the draft. */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<WorkflowRecord>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true, index: true },
    key: { type: String, required: true },
    draftText: { type: String, required: true },
    latestVersion: { type: Number, default: 0 },
    upstream: { type: Schema.Types.Mixed, default: null },
    shared: { type: Boolean, default: false },
    revision: { type: Number, default: 0 },
  },
  { collection: 'workflows', versionKey: false, timestamps: true, minimize: false },
);

export function workflowModel(db: Connection): Model<WorkflowRecord> {
  return (db.models.Workflow as Model<WorkflowRecord>) ?? db.model<WorkflowRecord>('Workflow', schema);
}
