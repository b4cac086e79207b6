import { documentOrder } from '../../../core/db/document-order';
import { idempotent, newId, type IdempotencyKey } from '../../../core/db/idempotency';
import { isValidObjectId, Types } from 'mongoose';
import { notFound, versionConflict } from '../../../core/errors/app-error';
import { ensureCan, withPermission, auditActor, type ServiceContext } from '../../access';
import { type AuditEntry, copyToAuditLog, auditedWrite } from '../../audit';
import { caseLinkUnavailable, formNotPublished, submissionInvalid } from '../submission.errors';
import { submissionModel, type Submission } from '../storage/submission.model';
import { isRecord, type JsonRecord } from '../../../core/json/json-guards';
import type { Translate } from '../validation/formio-error-detail.types';
import { validateSubmission } from '../validation/submission-validator';
import { copyDataPath } from './data-paths';
import { findFormForSubmission, type FormRef } from '../../forms';
import { loadRevision } from '../../forms';
import type { CaseLink, SubmissionCasePort } from './submission-case.port';
import { presentForReader, type SubmissionView } from './submission-reader';
import { filledSensitiveKeys, forbiddenSensitiveFields } from './submission-fields';
import { changeSubmission, isMarked, settleSubmission } from './submission-outbox';
import { ensureStorable, refuseChangedValues, refuseNewValues } from './submission-rules';

export interface SubmissionDeps {
  /** Where changes of submissions linked to a case are reported (the cases module). */
  caseEvents?: SubmissionCasePort;
}

/** Where a submission is looked up: its form (by id or path in the active organisation), or any form. */
export type SubmissionScope = { formId: string } | { formPath: string } | { anyForm: true };
export const ANY_FORM: SubmissionScope = { anyForm: true };

export interface ListSubmissionsQuery {
  limit: number;
  skip: number;
  sort?: Record<string, 1 | -1>;
  caseId?: string;
}

function objectId(value: string): Types.ObjectId {
  if (!isValidObjectId(value)) throw notFound();
  return new Types.ObjectId(value);
}

/** Where the submission is looked up; a submission whose deletion is under way is no longer there. */
function scopeFilter(ctx: ServiceContext, scope: SubmissionScope): Record<string, unknown> {
  const live = { deletedAt: null };
  if ('formId' in scope) return { ...live, formId: objectId(scope.formId) };
  // A path names a form of the active organisation.
  if ('formPath' in scope) return { ...live, formPath: scope.formPath, orgId: ctx.auth.org._id };
  return live;
}

/**
 * Validates and stores a submission, then reports it to its case. With an idempotency key the submission is inserted
 * under the id the key reserved (core/db/idempotency.ts): a retry answers with the stored submission, stores
 * nothing new, and reports it to the case only if the first request stopped before the case recorded it.
 */
export async function createSubmission(
  ctx: ServiceContext,
  deps: SubmissionDeps,
  ref: FormRef,
  input: { data: unknown; caseId?: string },
  key?: IdempotencyKey,
): Promise<SubmissionView> {
  return idempotent(ctx.db, key, {
    target: newId,
    replay: (id) => storedSubmission(ctx, deps, id),
    run: (id, writing) => insertSubmission(ctx, deps, ref, input, id, writing),
  });
}

async function insertSubmission(
  ctx: ServiceContext,
  deps: SubmissionDeps,
  ref: FormRef,
  input: { data: unknown; caseId?: string },
  _id: Types.ObjectId,
  writing: () => void,
): Promise<SubmissionView> {
  const form = await findFormForSubmission(ctx, ref);
  if (form.publishedRevision === null) throw formNotPublished();

  // Who may submit here is decided before the data is looked at: a caller who may not gets the same 404 as for a
  // missing form or case, and learns nothing of what the form validates.
  let link: CaseLink = { orgId: ctx.auth.org._id.toHexString(), assignees: [], sharedWith: [] };
  if (input.caseId !== undefined) {
    if (!deps.caseEvents) throw caseLinkUnavailable();
    if (!isValidObjectId(input.caseId)) throw notFound();
    link = await deps.caseEvents.assertCanSubmitFor(ctx, input.caseId, form.path);
  }
  const subject = {
    orgId: new Types.ObjectId(link.orgId),
    formId: form._id,
    formPath: form.path,
    caseId: input.caseId ? new Types.ObjectId(input.caseId) : null,
    assignees: link.assignees.map((id) => new Types.ObjectId(id)),
    sharedWith: link.sharedWith.map((id) => new Types.ObjectId(id)),
  };
  ensureCan(ctx.auth.ability, 'create', 'Submission', subject);

  const revision = await loadRevision(ctx.db, form._id, form.publishedRevision);
  // Due dates of a case's forms may not fall before the case was opened.
  const result = validateSubmission(revision.definition, input.data, ctx.t as unknown as Translate, { caseOpenedOn: link.openedOn });
  if (!result.ok) throw submissionInvalid(result.details);
  ensureStorable(result.data);
  const record = {
    ...subject,
    revision: revision.number,
    data: result.data,
    createdBy: ctx.auth.user._id,
    modifiedBy: ctx.auth.user._id,
    version: 0,
  };
  refuseNewValues(result.data, forbiddenSensitiveFields(ctx.auth.ability, 'create', record, revision.sensitive));

  // The creation's audit entry is stored in the same insert, so the two cannot be parted. A submission linked to a
  // case is stored as a change of the case too (submission-outbox.ts): the case has heard of it when this returns.
  const event = { action: 'create', subjectType: 'Submission', subjectId: _id.toHexString(), sensitiveFields: filledSensitiveKeys(result.data, revision.sensitive) };
  const insert = async (entry: AuditEntry) => {
    writing();
    const inserted = await submissionModel(ctx.db).create({ ...record, _id, auditOutbox: [entry] });
    // Copied in the background: the request does not wait for a second write (the recovery finds a missed copy).
    copyToAuditLog(ctx.db, [entry]);
    return inserted;
  };
  const stored = await auditedWrite(
    ctx.db,
    auditActor(ctx),
    event,
    (entry) => (record.caseId ? changeSubmission(ctx.db, deps.caseEvents, _id, auditActor(ctx), () => insert(entry)) : insert(entry)),
    { carried: true },
  );
  // What was stored is the record with what the database layer added; `toObject()` would deep-copy the data again
  // (about 3% of a request's CPU time in `npm run bench`).
  const created: Submission = { ...record, _id, createdAt: stored.createdAt, updatedAt: stored.updatedAt };
  // The creator sees what they may read; writing a value does not audit it as read back.
  const [view] = await presentForReader(ctx.db, ctx.auth.ability, null, [created]);
  return view!;
}

/**
 * The answer to a retried creation, from the submission its first request stored (null when none was stored). What
 * the first request left unfinished (its case not told yet) is finished now; the case records a submission once.
 */
async function storedSubmission(ctx: ServiceContext, deps: SubmissionDeps, _id: Types.ObjectId): Promise<SubmissionView | null> {
  const mine = { _id, createdBy: ctx.auth.user._id, deletedAt: null };
  if (await isMarked(ctx.db, _id)) {
    if (!(await submissionModel(ctx.db).exists(mine))) return null;
    await settleSubmission(ctx.db, deps.caseEvents, _id, auditActor(ctx));
  }
  const stored = await submissionModel(ctx.db).findOne(mine).lean();
  if (!stored) return null;
  const [view] = await presentForReader(ctx.db, ctx.auth.ability, null, [stored]);
  return view!;
}

export async function listSubmissions(ctx: ServiceContext, scope: SubmissionScope, query: ListSubmissionsQuery, deps: SubmissionDeps = {}) {
  if (query.caseId && deps.caseEvents) return listCaseSubmissions(ctx, scope, query, query.caseId, deps.caseEvents);
  const filter = withPermission(ctx.auth.ability, 'read', 'Submission', {
    ...scopeFilter(ctx, scope),
    ...(query.caseId ? { caseId: objectId(query.caseId) } : {}),
  });
  const Submissions = submissionModel(ctx.db);
  const [items, total] = await Promise.all([
    Submissions.find(filter).sort(query.sort ?? { createdAt: -1, _id: -1 }).skip(query.skip).limit(query.limit).lean(),
    Submissions.countDocuments(filter),
  ]);
  return { items: await presentForReader(ctx.db, ctx.auth.ability, auditActor(ctx), items), total };
}

/**
 * The submissions of one case: the ids the case lists, each read by `_id` through the permission layer (a filter on
 * `caseId` would make the embedded database read every submission: docs/case-queries.md), then sorted and paged here
 * (a case holds tens of submissions, not thousands). Same answer as the query by `caseId`: every submission linked to
 * a case is on its list once the request that wrote it has answered.
 */
async function listCaseSubmissions(ctx: ServiceContext, scope: SubmissionScope, query: ListSubmissionsQuery, caseId: string, port: SubmissionCasePort) {
  const linked = objectId(caseId);
  const ids = ((await port.submissionIdsOf(caseId)) ?? []).filter((id) => isValidObjectId(id));
  const Submissions = submissionModel(ctx.db);
  const found = await Promise.all(
    [...new Set(ids)].map((id) =>
      Submissions.findOne(withPermission(ctx.auth.ability, 'read', 'Submission', { _id: new Types.ObjectId(id), caseId: linked, ...scopeFilter(ctx, scope) })).lean(),
    ),
  );
  const matches = found.filter((item): item is NonNullable<typeof item> => item !== null).sort(documentOrder<Submission>(query.sort ?? { createdAt: -1, _id: -1 }));
  const page = matches.slice(query.skip, query.skip + query.limit);
  return { items: await presentForReader(ctx.db, ctx.auth.ability, auditActor(ctx), page), total: matches.length };
}

async function findSubmission(ctx: ServiceContext, scope: SubmissionScope, id: string): Promise<Submission> {
  const filter = withPermission(ctx.auth.ability, 'read', 'Submission', { _id: objectId(id), ...scopeFilter(ctx, scope) });
  const submission = await submissionModel(ctx.db).findOne(filter).lean();
  if (!submission) throw notFound();
  return submission;
}

export async function getSubmission(ctx: ServiceContext, scope: SubmissionScope, id: string): Promise<SubmissionView> {
  const [view] = await presentForReader(ctx.db, ctx.auth.ability, auditActor(ctx), [await findSubmission(ctx, scope, id)]);
  return view!;
}

/**
 * Validated again against the revision the submission is pinned to. Values of fields the user may not read or
 * change are kept as stored; sending a different value for them is refused. Stale `version` -> 409. The audit entry
 * and, for a submission linked to a case, the report to the case are settled right after the write
 * (submission-outbox.ts), so the case's guards see the new values.
 */
export async function updateSubmission(
  ctx: ServiceContext,
  deps: SubmissionDeps,
  scope: SubmissionScope,
  id: string,
  input: { data: unknown; version?: number },
): Promise<SubmissionView> {
  const stored = await findSubmission(ctx, scope, id);
  ensureCan(ctx.auth.ability, 'update', 'Submission', stored);
  if (stored.caseId && deps.caseEvents) await deps.caseEvents.assertMayChangeFor(ctx, stored.caseId.toHexString(), stored.formPath);
  const version = input.version ?? stored.version;
  if (version !== stored.version) throw versionConflict();
  const revision = await loadRevision(ctx.db, stored.formId, stored.revision);
  if (!isRecord(input.data)) {
    const result = validateSubmission(revision.definition, input.data, ctx.t as unknown as Translate);
    if (!result.ok) throw submissionInvalid(result.details);
  }
  const sent = structuredClone(input.data as JsonRecord);
  const readHidden = forbiddenSensitiveFields(ctx.auth.ability, 'read', stored, revision.sensitive);
  const writeHidden = forbiddenSensitiveFields(ctx.auth.ability, 'update', stored, revision.sensitive);
  const kept = [...new Map([...readHidden, ...writeHidden].map((field) => [field.key, field])).values()];
  refuseChangedValues(sent, stored.data, kept);
  for (const field of kept) copyDataPath(stored.data, sent, field.dataPath);

  const caseOpenedOn = stored.caseId && deps.caseEvents ? await deps.caseEvents.caseOpenedOn(stored.caseId.toHexString()) : undefined;
  const result = validateSubmission(revision.definition, sent, ctx.t as unknown as Translate, { caseOpenedOn });
  if (!result.ok) throw submissionInvalid(result.details);
  ensureStorable(result.data);
  const keptKeys = new Set(kept.map((field) => field.key));
  const event = {
    action: 'update',
    subjectType: 'Submission',
    subjectId: id,
    sensitiveFields: filledSensitiveKeys(result.data, revision.sensitive.filter((field) => !keptKeys.has(field.key))),
  };
  const updated = await auditedWrite(
    ctx.db,
    auditActor(ctx),
    event,
    (entry) =>
      changeSubmission(ctx.db, deps.caseEvents, stored._id, auditActor(ctx), () =>
        submissionModel(ctx.db)
          .findOneAndUpdate(
            { _id: stored._id, version, deletedAt: null },
            { $set: { data: result.data, modifiedBy: ctx.auth.user._id }, $push: { pendingAudit: entry }, $inc: { version: 1 } },
            { returnDocument: 'after' },
          )
          .lean(),
      ),
    { carried: true },
  );
  const [view] = await presentForReader(ctx.db, ctx.auth.ability, null, [updated]);
  return view!;
}

/**
 * Deletes in steps that are each safe to repeat (submission-outbox.ts): the submission is marked deleted together
 * with its audit entry (from then on no read finds it), its case hears of it, and then it is removed. If the process
 * stops in between, the recovery finishes the deletion, and so does a repeated DELETE, which finds the submission
 * marked deleted and answers as the first would have.
 */
export async function deleteSubmission(ctx: ServiceContext, deps: SubmissionDeps, scope: SubmissionScope, id: string): Promise<void> {
  const _id = objectId(id);
  const underWay = await submissionModel(ctx.db)
    .findOne(withPermission(ctx.auth.ability, 'delete', 'Submission', { ...scopeFilter(ctx, scope), _id, deletedAt: { $exists: true } }))
    .lean();
  if (underWay) {
    await settleSubmission(ctx.db, deps.caseEvents, _id, auditActor(ctx));
    return;
  }
  const stored = await findSubmission(ctx, scope, id);
  ensureCan(ctx.auth.ability, 'delete', 'Submission', stored);
  if (stored.caseId && deps.caseEvents) await deps.caseEvents.assertMayChangeFor(ctx, stored.caseId.toHexString(), stored.formPath);
  await auditedWrite(
    ctx.db,
    auditActor(ctx),
    { action: 'delete', subjectType: 'Submission', subjectId: id },
    (entry) =>
      changeSubmission(ctx.db, deps.caseEvents, _id, auditActor(ctx), () =>
        submissionModel(ctx.db)
          .findOneAndUpdate(
            { _id, version: stored.version, deletedAt: null },
            { $set: { deletedAt: new Date(), modifiedBy: ctx.auth.user._id }, $push: { pendingAudit: entry }, $inc: { version: 1 } },
            { returnDocument: 'after' },
          )
          .lean(),
      ),
    { carried: true },
  );
}
