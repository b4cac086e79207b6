import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * The latest submission data per form for a case, read only by workflow guards and never returned by the API.
 * Kept apart from the case document because it may hold restricted values that not everyone who reads the case's
 * workflow may see; stored as JSON text because Form.io data keys are chosen by form authors.
 */
export interface CaseFormData {
  _id: Types.ObjectId;
  caseId: Types.ObjectId;
  formPath: string;
  submissionId: string;
  dataText: string;
  at: Date;
}

const schema = new Schema<CaseFormData>(
  {
    caseId: { type: Schema.Types.ObjectId, required: true },
    formPath: { type: String, required: true },
    submissionId: { type: String, required: true },
    dataText: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'case_form_data', versionKey: false },
);
schema.index({ caseId: 1, formPath: 1 }, { unique: true });

export function caseFormDataModel(db: Connection): Model<CaseFormData> {
  return (db.models.CaseFormData as Model<CaseFormData>) ?? db.model<CaseFormData>('CaseFormData', schema);
}
