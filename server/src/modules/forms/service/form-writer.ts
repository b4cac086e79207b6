import { withWriteClaim } from '../../../core/db/write-claim';
import { Types, type Connection } from 'mongoose';
import { notFound, versionConflict } from '../../../core/errors/app-error';
import { formModel, type Form } from '../storage/form.model';
import { formRevisionModel } from '../storage/form-revision.model';
import { forgetForm } from './form-cache';
import { changingForms } from './form-list-store';
import type { FormDefinition } from '../../../contracts/forms/form.types';
import type { FormTranslations } from '../../../contracts/forms/translatable-strings-collector';

export interface NewRevision {
  definition: FormDefinition;
  translations: FormTranslations;
  authorId: Types.ObjectId | null;
  note: string;
  publish: boolean;
}

/** The form fields that mirror the newest revision, for lists and look-ups by path. */
function summary(definition: FormDefinition) {
  return {
    path: definition.path,
    name: definition.name,
    title: definition.title,
    display: definition.display,
    tags: definition.tags,
    properties: definition.properties,
  };
}

/** Creates a form with its first revision (no transactions on FerretDB: the form is removed if the revision fails). */
export async function insertForm(
  db: Connection,
  orgId: Types.ObjectId,
  revision: NewRevision,
  upstream: Form['upstream'] = null,
): Promise<Form> {
  const _id = new Types.ObjectId();
  return changingForms(db, orgId, _id, async () => {
    const form = await formModel(db).create({
      _id,
      orgId,
      ...summary(revision.definition),
      publishedRevision: revision.publish ? 1 : null,
      latestRevision: 1,
      upstream,
      createdBy: revision.authorId,
      version: 0,
    });
    try {
      await insertRevision(db, form._id, orgId, 1, revision);
    } catch (error) {
      await formModel(db).deleteOne({ _id: form._id });
      throw error;
    }
    return form.toObject();
  });
}

/**
 * Adds revision latest+1. The revision goes in first (its unique number serialises concurrent saves), then the
 * form moves to it only if nobody changed the form since `expectedVersion`; otherwise the unseen revision is
 * withdrawn again and the caller gets 409.
 */
export async function appendRevision(db: Connection, form: Form, revision: NewRevision, expectedVersion: number): Promise<Form> {
  if (expectedVersion !== form.version) throw versionConflict();
  const number = form.latestRevision + 1;
  try {
    await insertRevision(db, form._id, form.orgId, number, revision);
  } catch (error) {
    if ((error as { code?: unknown }).code === 11000) throw versionConflict();
    throw error;
  }
  let updated: Form | null;
  try {
    updated = await changingForms(db, form.orgId, form._id, () =>
      formModel(db)
        .findOneAndUpdate(
          { _id: form._id, version: expectedVersion },
          {
            $set: { ...summary(revision.definition), latestRevision: number, ...(revision.publish ? { publishedRevision: number } : {}) },
            $inc: { version: 1 },
          },
          { returnDocument: 'after' },
        )
        .lean(),
    );
  } catch (error) {
    await formRevisionModel(db).deleteOne({ formId: form._id, number });
    throw error;
  }
  forgetForm(db, form._id);
  if (!updated) {
    await formRevisionModel(db).deleteOne({ formId: form._id, number });
    throw versionConflict();
  }
  return updated;
}

async function insertRevision(db: Connection, formId: Types.ObjectId, orgId: Types.ObjectId, number: number, revision: NewRevision) {
  await formRevisionModel(db).create({
    formId,
    orgId,
    number,
    definitionJson: JSON.stringify(revision.definition),
    translationsJson: JSON.stringify(revision.translations),
    authorId: revision.authorId,
    note: revision.note,
    published: revision.publish,
    createdAt: new Date(),
  });
}

/** Makes an existing revision current. */
export async function markPublished(db: Connection, form: Form, number: number, expectedVersion: number): Promise<Form> {
  if (number < 1 || number > form.latestRevision) throw notFound();
  const updated = await changingForms(db, form.orgId, form._id, () =>
    withWriteClaim(db, `form:${String(form._id)}`, () =>
      formModel(db)
        .findOneAndUpdate({ _id: form._id, version: expectedVersion }, { $set: { publishedRevision: number }, $inc: { version: 1 } }, { returnDocument: 'after' })
        .lean(),
    ),
  );
  forgetForm(db, form._id);
  if (!updated) throw versionConflict();
  await formRevisionModel(db).updateOne({ formId: form._id, number }, { $set: { published: true } });
  return updated;
}
