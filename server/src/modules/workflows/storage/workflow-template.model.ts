import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** One version of a platform template from `workflows/*.json`; the only records that belong to no organisation. */
export interface WorkflowTemplateRecord {
  _id: Types.ObjectId;
  key: string;
  version: number;
  jurisdiction: string;
  file: string;
  definitionText: string;
  /** Problems found when the file was loaded; a template with problems is listed but cannot be cloned or run. */
  problemCount: number;
  loadedAt: Date;
}

const schema = new Schema<WorkflowTemplateRecord>(
  {
    key: { type: String, required: true },
    version: { type: Number, required: true },
    jurisdiction: { type: String, required: true },
    file: { type: String, required: true },
    definitionText: { type: String, required: true },
    problemCount: { type: Number, default: 0 },
    loadedAt: { type: Date, required: true },
  },
  { collection: 'workflow_templates', versionKey: false },
);
schema.index({ key: 1, version: 1 }, { unique: true });

export function workflowTemplateModel(db: Connection): Model<WorkflowTemplateRecord> {
  return (db.models.WorkflowTemplate as Model<WorkflowTemplateRecord>) ?? db.model<WorkflowTemplateRecord>('WorkflowTemplate', schema);
}
