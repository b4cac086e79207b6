import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * A form someone started for a case and saved without submitting it. Only its author reads it; the answers are kept
 * as JSON text, so no key of the form's data ever becomes a database field name. Removed when the form is submitted
 * or the draft is discarded.
 */
export interface FormDraft {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  caseId: Types.ObjectId;
  userId: Types.ObjectId;
  formPath: string;
  dataText: string;
  updatedAt: Date;
}

const schema = new Schema<FormDraft>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    formPath: { type: String, required: true },
    dataText: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'form_drafts', versionKey: false },
);
schema.index({ userId: 1, caseId: 1, formPath: 1 }, { unique: true });

export function formDraftModel(db: Connection): Model<FormDraft> {
  return (db.models.FormDraft as Model<FormDraft>) ?? db.model<FormDraft>('FormDraft', schema);
}
