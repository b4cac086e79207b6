import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** The platform's library of template forms (from `forms/`); the only forms that belong to no organisation. */
export interface FormTemplate {
  _id: Types.ObjectId;
  path: string;
  title: string;
  tags: string[];
  latestRevision: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One loaded state of a template file; a changed file adds one, nothing is overwritten. */
export interface FormTemplateRevision {
  _id: Types.ObjectId;
  templateId: Types.ObjectId;
  path: string;
  number: number;
  /** SHA-256 of the definition and translations as loaded: equal content is not loaded twice. */
  contentHash: string;
  definitionJson: string;
  translationsJson: string;
  createdAt: Date;
}

const formTemplateSchema = new Schema<FormTemplate>(
  {
    path: { type: String, required: true, unique: true },
    title: { type: String, required: true },
    tags: { type: [String], default: [] },
    latestRevision: { type: Number, required: true },
  },
  { collection: 'form_templates', timestamps: true, versionKey: false },
);

const formTemplateRevisionSchema = new Schema<FormTemplateRevision>(
  {
    templateId: { type: Schema.Types.ObjectId, required: true },
    path: { type: String, required: true },
    number: { type: Number, required: true },
    contentHash: { type: String, required: true },
    definitionJson: { type: String, required: true },
    translationsJson: { type: String, default: '{}' },
    createdAt: { type: Date, required: true },
  },
  { collection: 'form_template_revisions', versionKey: false },
);
formTemplateRevisionSchema.index({ path: 1, number: 1 }, { unique: true });

export function formTemplateModel(db: Connection): Model<FormTemplate> {
  return (db.models.FormTemplate as Model<FormTemplate>) ?? db.model<FormTemplate>('FormTemplate', formTemplateSchema);
}

export function formTemplateRevisionModel(db: Connection): Model<FormTemplateRevision> {
  return (
    (db.models.FormTemplateRevision as Model<FormTemplateRevision>) ??
    db.model<FormTemplateRevision>('FormTemplateRevision', formTemplateRevisionSchema)
  );
}
