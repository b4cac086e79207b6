import { randomBytes } from 'node:crypto';
import type { Connection, Types } from 'mongoose';
import { claim, release } from '../../../core/db/write-claim';
import { formModel, type Form } from '../storage/form.model';

/*
 * An organisation's forms in one document (`form_lists`, `_id`: the organisation), so that the form list the case
 * page and the dashboard ask for is one lookup by `_id`. The query by `orgId` it replaces makes the embedded database
 * read and decode every form of every organisation, twice (the page and its count): 30-80 ms on a busy machine
 * however few forms an organisation has (docs/case-queries.md). The permission layer still decides per form
 * (form.service.ts).
 *
 * Kept exact without transactions: every write of a form runs inside `changingForms`, which holds the
 * organisation's claim, removes the document before the write and writes it again afterwards with that form as it
 * is now (read by `_id`). A reader that finds no document answers from the query (as before) and, if nobody is
 * changing the organisation's forms, writes the document from the forms (the first read after an upgrade, or after a
 * process stopped mid-write).
 */

const FORM_LISTS = 'form_lists';
const CLAIM_LEASE_MS = 15_000;
const CLAIM_WAIT_MS = 30_000;

interface FormListDoc {
  _id: string;
  forms: Form[];
}

const lists = (db: Connection) => db.collection<FormListDoc>(FORM_LISTS);
const claimKey = (orgId: string) => `form-list:${orgId}`;
const owner = () => `${process.pid}-${randomBytes(6).toString('hex')}`;

async function build(db: Connection, orgId: string): Promise<Form[]> {
  const forms = await formModel(db).find({ orgId }).lean();
  await lists(db).replaceOne({ _id: orgId }, { forms }, { upsert: true });
  return forms;
}

/** The list with one form as it is now (gone, changed or new); built from the forms when there was none. */
async function rewrite(db: Connection, orgId: string, before: Form[] | null, formId: Types.ObjectId): Promise<void> {
  if (!before) {
    await build(db, orgId);
    return;
  }
  const now = await formModel(db).findById(formId).lean();
  const forms = before.filter((form) => !form._id.equals(formId));
  if (now && String(now.orgId) === orgId) forms.push(now);
  await lists(db).replaceOne({ _id: orgId }, { forms }, { upsert: true });
}

/** The organisation's forms from its document, or null when there is none (the caller then queries the forms). */
export async function storedFormList(db: Connection, orgId: Types.ObjectId): Promise<Form[] | null> {
  const id = orgId.toHexString();
  const doc = await lists(db).findOne({ _id: id });
  if (doc) return doc.forms;
  // Written only while nobody changes these forms (their writer holds the claim and writes it when done).
  const me = owner();
  if (await claim(db, claimKey(id), me, CLAIM_LEASE_MS)) {
    try {
      if (!(await lists(db).findOne({ _id: id }, { projection: { _id: 1 } }))) await build(db, id);
    } finally {
      await release(db, claimKey(id), me);
    }
  }
  return null;
}

/** Runs a write of one form with its organisation's list document taken out, then written again with the form as it is. */
export async function changingForms<T>(db: Connection, orgId: Types.ObjectId, formId: Types.ObjectId, write: () => Promise<T>): Promise<T> {
  const id = orgId.toHexString();
  const me = owner();
  const deadline = Date.now() + CLAIM_WAIT_MS;
  let pause = 2;
  while (!(await claim(db, claimKey(id), me, CLAIM_LEASE_MS))) {
    if (Date.now() > deadline) throw new Error(`the forms of ${id} stayed claimed for more than ${CLAIM_WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
    pause = Math.min(pause * 1.5, 50);
  }
  try {
    const before = await lists(db).findOne({ _id: id });
    await lists(db).deleteOne({ _id: id });
    try {
      return await write();
    } finally {
      // If this fails the document stays missing: readers query the forms and write it again.
      await rewrite(db, id, before?.forms ?? null, formId).catch(() => undefined);
    }
  } finally {
    await release(db, claimKey(id), me);
  }
}
