import { notFound, versionConflict } from '../../../core/errors/app-error';
import { can, ensureCan, auditActor, type ServiceContext } from '../../access';
import { auditedWrite } from '../../audit';
import { formModel, type Form } from '../storage/form.model';
import { formRevisionModel } from '../storage/form-revision.model';
import { forgetForm } from './form-cache';
import { documentOrder } from '../../../core/db/document-order';
import { changingForms, storedFormList } from './form-list-store';
import type { FormTranslations } from '../../../contracts/forms/translatable-strings-collector';
import { checkDefinition } from './definition-check';
import { findForm, formFilter, type FormRef } from './form-access';
import { appendRevision, insertForm, markPublished } from './form-writer';
import type { ParsedRevision } from './revision-cache';
import { loadRevision, loadRevisions } from './revision-store';

export interface FormWithRevision {
  form: Form;
  revision: ParsedRevision;
}

export interface SaveFormInput {
  definition: unknown;
  translations?: FormTranslations;
  note?: string;
  publish?: boolean;
}

export interface ListFormsQuery {
  limit: number;
  skip: number;
  tags?: string[];
  sort?: Record<string, 1 | -1>;
  filter?: Record<string, unknown>;
}

export async function listForms(ctx: ServiceContext, query: ListFormsQuery): Promise<{ items: Form[]; total: number }> {
  // Filters on other fields (the Form.io API's name, path, title) are left to the query.
  const stored = Object.keys(query.filter ?? {}).length > 0 ? null : await storedFormList(ctx.db, ctx.auth.org._id);
  if (stored) {
    // The same rules the query below applies, decided per form by the permission layer.
    const matches = stored
      .filter((form) => can(ctx.auth.ability, 'read', 'Form', form) && (query.tags ?? []).every((tag) => form.tags.includes(tag)))
      .sort(documentOrder<Form>(query.sort ?? { title: 1, _id: 1 }));
    return { items: matches.slice(query.skip, query.skip + query.limit), total: matches.length };
  }
  const filter = formFilter(ctx, 'read', { ...query.filter, ...(query.tags?.length ? { tags: { $all: query.tags } } : {}) });
  const Forms = formModel(ctx.db);
  const [items, total] = await Promise.all([
    Forms.find(filter).sort(query.sort ?? { title: 1, _id: 1 }).skip(query.skip).limit(query.limit).lean(),
    Forms.countDocuments(filter),
  ]);
  return { items, total };
}

/** A page of forms, each with its published (or else latest) revision, the revisions read in one query. */
export async function listFormsWithRevisions(ctx: ServiceContext, query: ListFormsQuery): Promise<{ items: FormWithRevision[]; total: number }> {
  const { items, total } = await listForms(ctx, query);
  const revisions = await loadRevisions(
    ctx.db,
    items.map((form) => ({ formId: form._id, number: form.publishedRevision ?? form.latestRevision })),
  );
  return { items: items.map((form, index) => ({ form, revision: revisions[index]! })), total };
}

/** The form with its published revision, or with `which` = latest/a number; 404 when there is no such revision. */
export async function getForm(ctx: ServiceContext, ref: FormRef, which: 'current' | 'latest' | number = 'current'): Promise<FormWithRevision> {
  const form = await findForm(ctx, 'read', ref);
  const number = which === 'latest' ? form.latestRevision : which === 'current' ? (form.publishedRevision ?? form.latestRevision) : which;
  if (!Number.isInteger(number) || number < 1 || number > form.latestRevision) throw notFound();
  return { form, revision: await loadRevision(ctx.db, form._id, number) };
}

export async function createForm(ctx: ServiceContext, input: SaveFormInput): Promise<FormWithRevision> {
  const orgId = ctx.auth.org._id;
  ensureCan(ctx.auth.ability, 'create', 'Form', { orgId });
  if (input.publish) ensureCan(ctx.auth.ability, 'publish', 'Form', { orgId });
  const definition = checkDefinition(input.definition, ctx.t);
  const form = await auditedWrite(
    ctx.db,
    auditActor(ctx),
    (created) => ({ action: 'create', subjectType: 'Form', subjectId: created._id.toHexString() }),
    () =>
      insertForm(ctx.db, orgId, {
        definition,
        translations: input.translations ?? {},
        authorId: ctx.auth.user._id,
        note: input.note ?? '',
        publish: input.publish ?? false,
      }),
  );
  return { form, revision: await loadRevision(ctx.db, form._id, 1) };
}

/** Every save is a new revision; `publish` also makes it current (the Form.io API always publishes). */
export async function saveForm(
  ctx: ServiceContext,
  ref: FormRef,
  input: SaveFormInput & { version?: number },
): Promise<FormWithRevision> {
  const form = await findForm(ctx, 'read', ref);
  ensureCan(ctx.auth.ability, 'update', 'Form', form);
  if (input.publish) ensureCan(ctx.auth.ability, 'publish', 'Form', form);
  const definition = checkDefinition(input.definition, ctx.t);
  const previous = await loadRevision(ctx.db, form._id, form.latestRevision);
  const event = { action: input.publish ? 'publish' : 'update', subjectType: 'Form', subjectId: form._id.toHexString() };
  const updated = await auditedWrite(ctx.db, auditActor(ctx), event, () =>
    appendRevision(
      ctx.db,
      form,
      {
        definition,
        // A definition save keeps the translations unless new ones are given.
        translations: input.translations ?? previous.translations,
        authorId: ctx.auth.user._id,
        note: input.note ?? '',
        publish: input.publish ?? false,
      },
      input.version ?? form.version,
    ),
  );
  return { form: updated, revision: await loadRevision(ctx.db, form._id, updated.latestRevision) };
}

export async function publishForm(ctx: ServiceContext, ref: FormRef, input: { revision?: number; version: number }): Promise<FormWithRevision> {
  const form = await findForm(ctx, 'read', ref);
  ensureCan(ctx.auth.ability, 'publish', 'Form', form);
  const number = input.revision ?? form.latestRevision;
  const updated = await auditedWrite(ctx.db, auditActor(ctx), { action: 'publish', subjectType: 'Form', subjectId: form._id.toHexString() }, () =>
    markPublished(ctx.db, form, number, input.version),
  );
  return { form: updated, revision: await loadRevision(ctx.db, form._id, number) };
}

/** Removes the form from use; its revisions stay, because submissions are pinned to them. */
export async function deleteForm(ctx: ServiceContext, ref: FormRef): Promise<void> {
  const form = await findForm(ctx, 'read', ref);
  ensureCan(ctx.auth.ability, 'delete', 'Form', form);
  await auditedWrite(ctx.db, auditActor(ctx), { action: 'delete', subjectType: 'Form', subjectId: form._id.toHexString() }, async () => {
    const result = await changingForms(ctx.db, form.orgId, form._id, () => formModel(ctx.db).deleteOne({ _id: form._id, version: form.version }));
    forgetForm(ctx.db, form._id);
    if (result.deletedCount !== 1) throw versionConflict();
  });
}

export async function listRevisions(ctx: ServiceContext, ref: FormRef) {
  const form = await findForm(ctx, 'read', ref);
  const revisions = await formRevisionModel(ctx.db)
    .find({ formId: form._id }, { definitionJson: 0, translationsJson: 0 })
    .sort({ number: -1 })
    .lean();
  return revisions.map((revision) => ({
    number: revision.number,
    author: revision.authorId,
    createdAt: revision.createdAt,
    note: revision.note,
    published: revision.published,
    current: revision.number === form.publishedRevision,
  }));
}
