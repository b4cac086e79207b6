import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * A form of one organisation. The definition itself lives in immutable revisions; the form holds what lists
 * and look-ups need (path, title...), which revision is published and which is the newest draft.
 * Translations are JSON text: their keys are English sentences, which contain dots the database cannot store as keys.
 */
export interface Form {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  path: string;
  name: string;
  title: string;
  display: 'form' | 'wizard';
  tags: string[];
  properties: Record<string, string>;
  /** Number of the published revision; null until the first publish. */
  publishedRevision: number | null;
  /** Number of the newest revision (published or draft). */
  latestRevision: number;
  /** The library template this form was cloned from, with its revision, so upstream changes can be offered. */
  upstream: { templatePath: string; revision: number } | null;
  createdBy: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic concurrency: every change increments it, and a change applies only to the version it read. */
  version: number;
}

const formSchema = new Schema<Form>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    path: { type: String, required: true },
    name: { type: String, required: true },
    title: { type: String, required: true },
    display: { type: String, enum: ['form', 'wizard'], default: 'form' },
    tags: { type: [String], default: [] },
    properties: { type: Schema.Types.Mixed, default: {} },
    publishedRevision: { type: Number, default: null },
    latestRevision: { type: Number, required: true },
    upstream: { type: new Schema({ templatePath: String, revision: Number }, { _id: false }), default: null },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    version: { type: Number, default: 0 },
  },
  { collection: 'forms', timestamps: true, minimize: false, versionKey: false },
);
formSchema.index({ orgId: 1, path: 1 }, { unique: true });

export function formModel(db: Connection): Model<Form> {
  return (db.models.Form as Model<Form>) ?? db.model<Form>('Form', formSchema);
}
