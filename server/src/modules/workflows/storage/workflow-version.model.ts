import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { WorkflowUpstream } from './workflow.model';

/** A published version: written once, never updated, so running cases can always find the definition they run on. */
export interface WorkflowVersionRecord {
  _id: Types.ObjectId;
  workflowId: Types.ObjectId;
  orgId: Types.ObjectId;
  version: number;
  definitionText: string;
  upstream: WorkflowUpstream | null;
  publishedAt: Date;
  publishedBy: Types.ObjectId | null;
}

const schema = new Schema<WorkflowVersionRecord>(
  {
    workflowId: { type: Schema.Types.ObjectId, required: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    definitionText: { type: String, required: true },
    upstream: { type: Schema.Types.Mixed, default: null },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: Schema.Types.ObjectId, default: null },
  },
  { collection: 'workflow_versions', versionKey: false },
);
// The unique index makes two concurrent publications of the same version number fail instead of both landing.
schema.index({ workflowId: 1, version: 1 }, { unique: true });

export function workflowVersionModel(db: Connection): Model<WorkflowVersionRecord> {
  return (db.models.WorkflowVersion as Model<WorkflowVersionRecord>) ?? db.model<WorkflowVersionRecord>('WorkflowVersion', schema);
}
