import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * The data of each submission a case has recorded, one row per submission, read only by workflow guards and never
 * returned by the API. Guards see, per form, the latest submission the case has recorded (case-form-data.ts), so
 * editing or deleting one submission touches only its own row and cannot put older data over newer.
 *
 * A row is found by its `_id` alone (`formDataKey`): FerretDB v1 answers only an equality on `_id` without reading
 * the whole collection (any other filter, `$in` on `_id` included, read every row of it, seconds with 20,000 rows).
 * Kept apart from the case document because it may hold restricted values that not everyone who reads the case's
 * workflow may see; stored as JSON text because Form.io data keys are chosen by form authors.
 */
export interface CaseFormData {
  /** `<case id>:<submission id>`. */
  _id: string;
  caseId: Types.ObjectId;
  formPath: string;
  submissionId: string;
  /** The submission's version this row holds (-1 for rows kept from before versions were). */
  version: number;
  dataText: string;
  /** When the submission was stored. */
  at: Date;
}

export const formDataKey = (caseId: Types.ObjectId, submissionId: string) => `${caseId.toHexString()}:${submissionId}`;

const schema = new Schema<CaseFormData>(
  {
    _id: { type: String, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true },
    formPath: { type: String, required: true },
    submissionId: { type: String, required: true },
    version: { type: Number, required: true },
    dataText: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'case_submission_data', versionKey: false },
);

export function caseFormDataModel(db: Connection): Model<CaseFormData> {
  return (db.models.CaseFormData as Model<CaseFormData>) ?? db.model<CaseFormData>('CaseFormData', schema);
}

/** The collection of the earlier layout: the latest submission per case and form, overwritten in place. */
const EARLIER = 'case_form_data';

/**
 * Moves rows of the earlier layout into this one, each under its key and older than any version (so the next
 * change of its submission replaces it), then drops the earlier collection. The earlier layout heard only of new
 * submissions, never of edits: `moved` is given the submission ids of the rows before the collection goes, so that
 * the submissions module can report those submissions again. Run at start, before requests are served; a run that
 * stopped half-way is finished by the next one. Returns how many rows it moved.
 */
export async function upgradeCaseFormData(db: Connection, moved?: (submissionIds: string[]) => Promise<void>): Promise<number> {
  const earlier = db.collection(EARLIER);
  const rows = await earlier.find({}).toArray();
  for (const row of rows) {
    const { _id: _old, ...fields } = row as unknown as Omit<CaseFormData, '_id'> & { _id: unknown };
    await caseFormDataModel(db).updateOne(
      { _id: formDataKey(fields.caseId, fields.submissionId) },
      { $setOnInsert: { ...fields, version: -1 } },
      { upsert: true },
    );
  }
  if (rows.length > 0) await moved?.(rows.map((row) => String(row.submissionId)));
  await earlier.drop().catch((error: { code?: unknown }) => {
    // Dropped already (or never there): NamespaceNotFound.
    if (error.code !== 26) throw error;
  });
  return rows.length;
}
