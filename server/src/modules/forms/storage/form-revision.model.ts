import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * One saved state of a form, never changed afterwards (only `published` is set once when it is published).
 * The definition and translations are JSON text: Form.io definitions may hold keys the database cannot store
 * (`.` in translation keys, `$` in foreign JSON), and text round-trips a builder export byte for byte.
 */
export interface FormRevision {
  _id: Types.ObjectId;
  formId: Types.ObjectId;
  orgId: Types.ObjectId;
  number: number;
  definitionJson: string;
  translationsJson: string;
  authorId: Types.ObjectId | null;
  note: string;
  published: boolean;
  createdAt: Date;
}

const formRevisionSchema = new Schema<FormRevision>(
  {
    formId: { type: Schema.Types.ObjectId, required: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    number: { type: Number, required: true },
    definitionJson: { type: String, required: true },
    translationsJson: { type: String, default: '{}' },
    authorId: { type: Schema.Types.ObjectId, default: null },
    note: { type: String, default: '' },
    published: { type: Boolean, default: false },
    createdAt: { type: Date, required: true },
  },
  { collection: 'form_revisions', versionKey: false },
);
formRevisionSchema.index({ formId: 1, number: 1 }, { unique: true });

export function formRevisionModel(db: Connection): Model<FormRevision> {
  return (db.models.FormRevision as Model<FormRevision>) ?? db.model<FormRevision>('FormRevision', formRevisionSchema);
}
