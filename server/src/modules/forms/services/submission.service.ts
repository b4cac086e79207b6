import { idempotent, newId, type IdempotencyKey } from '../../../core/db/idempotency';
import { withWriteClaim } from '../../../core/db/write-claim';
import type { TFunction } from 'i18next';
import { isValidObjectId, Types } from 'mongoose';
import { AppError, badRequest, conflict, notFound } from '../../../core/errors/app-error';
import { ensureCan, withPermission } from '../../access/permissions';
import { auditActor, type ServiceContext } from '../../access/service-context';
import { copyToAuditLog } from '../../audit/audit-outbox';
import { auditEntry, recordAudit } from '../../audit/audit.service';
import type { CaseEventsPort } from '../../cases/case-events.port';
import { submissionModel, type Submission } from '../models/submission.model';
import { isRecord, type JsonRecord } from '../shared/json-guards';
import type { Translate } from '../submission/formio-error-detail.types';
import { validateSubmission } from '../submission/submission-validator';
import { copyDataPath } from './data-paths';
import { findFormForSubmission, type FormRef } from './form-access';
import { loadRevision } from './revision-store';
import { presentForReader, type SubmissionView } from './submission-reader';
import { filledSensitiveKeys, forbiddenSensitiveFields } from './submission-fields';
import { ensureStorable, refuseChangedValues, refuseNewValues, submissionInvalid } from './submission-rules';

export interface SubmissionDeps {
  caseEvents?: CaseEventsPort;
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

function scopeFilter(ctx: ServiceContext, scope: SubmissionScope): Record<string, unknown> {
  if ('formId' in scope) return { formId: objectId(scope.formId) };
  // A path names a form of the active organisation.
  if ('formPath' in scope) return { formPath: scope.formPath, orgId: ctx.auth.org._id };
  return {};
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
  t: TFunction,
  key?: IdempotencyKey,
): Promise<SubmissionView> {
  return idempotent(ctx.db, key, {
    target: newId,
    replay: (id) => storedSubmission(ctx, deps, id),
    run: (id, writing) => insertSubmission(ctx, deps, ref, input, t, id, writing),
  });
}

async function insertSubmission(
  ctx: ServiceContext,
  deps: SubmissionDeps,
  ref: FormRef,
  input: { data: unknown; caseId?: string },
  t: TFunction,
  _id: Types.ObjectId,
  writing: () => void,
): Promise<SubmissionView> {
  const form = await findFormForSubmission(ctx, ref);
  if (form.publishedRevision === null) throw conflict('form-not-published');
  const revision = await loadRevision(ctx.db, form._id, form.publishedRevision);

  const result = validateSubmission(revision.definition, input.data, t as unknown as Translate);
  if (!result.ok) throw submissionInvalid(result.details);
  ensureStorable(result.data);

  let link = { orgId: ctx.auth.org._id.toHexString(), assignees: [] as string[], sharedWith: [] as string[] };
  if (input.caseId !== undefined) {
    if (!deps.caseEvents) throw badRequest('case-link-unavailable');
    if (!isValidObjectId(input.caseId)) throw notFound();
    link = await deps.caseEvents.assertCanSubmitFor(ctx, input.caseId);
  }
  const record = {
    orgId: new Types.ObjectId(link.orgId),
    formId: form._id,
    formPath: form.path,
    revision: revision.number,
    data: result.data,
    caseId: input.caseId ? new Types.ObjectId(input.caseId) : null,
    assignees: link.assignees.map((id) => new Types.ObjectId(id)),
    sharedWith: link.sharedWith.map((id) => new Types.ObjectId(id)),
    createdBy: ctx.auth.user._id,
    modifiedBy: ctx.auth.user._id,
    version: 0,
  };
  ensureCan(ctx.auth.ability, 'create', 'Submission', record);
  refuseNewValues(result.data, forbiddenSensitiveFields(ctx.auth.ability, 'create', record, revision.sensitive));

  // The audit entry of the creation is stored in the same insert, so the two cannot be parted; copied to the log next.
  const audit = auditEntry(auditActor(ctx), {
    action: 'create',
    subjectType: 'Submission',
    subjectId: _id.toHexString(),
    sensitiveFields: filledSensitiveKeys(result.data, revision.sensitive),
  });
  writing();
  const stored = await submissionModel(ctx.db).create({ ...record, _id, auditOutbox: [audit] });
  // What was stored is the record with what the database layer added; `toObject()` would deep-copy the data again
  // (about 3% of a request's CPU time in `npm run bench`).
  const created: Submission = { ...record, _id, createdAt: stored.createdAt, updatedAt: stored.updatedAt };
  copyToAuditLog(ctx.db, [audit]);
  if (created.caseId && deps.caseEvents) {
    await deps.caseEvents.formSubmitted(ctx, {
      caseId: created.caseId.toHexString(),
      formPath: created.formPath,
      submissionId: created._id.toHexString(),
      data: result.data,
    });
  }
  // The creator sees what they may read; writing a value does not audit it as read back.
  const [view] = await presentForReader(ctx.db, ctx.auth.ability, null, [created]);
  return view!;
}

/**
 * The answer to a retried creation, from the submission its first request stored (null when none was stored). The
 * case hears of it now if the first request stopped before the case recorded it (it records a submission once).
 */
async function storedSubmission(ctx: ServiceContext, deps: SubmissionDeps, _id: Types.ObjectId): Promise<SubmissionView | null> {
  const stored = await submissionModel(ctx.db).findOne({ _id, createdBy: ctx.auth.user._id }).lean();
  if (!stored) return null;
  if (stored.caseId && deps.caseEvents) {
    const submission = { caseId: stored.caseId.toHexString(), formPath: stored.formPath, submissionId: _id.toHexString(), data: stored.data };
    await deps.caseEvents.formSubmitted(ctx, { ...submission, resumed: true });
  }
  const [view] = await presentForReader(ctx.db, ctx.auth.ability, null, [stored]);
  return view!;
}

export async function listSubmissions(ctx: ServiceContext, scope: SubmissionScope, query: ListSubmissionsQuery) {
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
 * change are kept as stored; sending a different value for them is refused. Stale `version` -> 409.
 */
export async function updateSubmission(
  ctx: ServiceContext,
  scope: SubmissionScope,
  id: string,
  input: { data: unknown; version?: number },
  t: TFunction,
): Promise<SubmissionView> {
  const stored = await findSubmission(ctx, scope, id);
  ensureCan(ctx.auth.ability, 'update', 'Submission', stored);
  const version = input.version ?? stored.version;
  if (version !== stored.version) throw conflict('version-conflict');
  const revision = await loadRevision(ctx.db, stored.formId, stored.revision);
  if (!isRecord(input.data)) {
    const result = validateSubmission(revision.definition, input.data, t as unknown as Translate);
    if (!result.ok) throw submissionInvalid(result.details);
  }
  const sent = structuredClone(input.data as JsonRecord);
  const readHidden = forbiddenSensitiveFields(ctx.auth.ability, 'read', stored, revision.sensitive);
  const writeHidden = forbiddenSensitiveFields(ctx.auth.ability, 'update', stored, revision.sensitive);
  const kept = [...new Map([...readHidden, ...writeHidden].map((field) => [field.key, field])).values()];
  refuseChangedValues(sent, stored.data, kept);
  for (const field of kept) copyDataPath(stored.data, sent, field.dataPath);

  const result = validateSubmission(revision.definition, sent, t as unknown as Translate);
  if (!result.ok) throw submissionInvalid(result.details);
  ensureStorable(result.data);
  // The claim makes the version check atomic on FerretDB too (see core/db/write-claim.ts).
  const updated = await withWriteClaim(ctx.db, `submission:${String(stored._id)}`, () =>
    submissionModel(ctx.db)
      .findOneAndUpdate(
        { _id: stored._id, version },
        { $set: { data: result.data, modifiedBy: ctx.auth.user._id }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      )
      .lean(),
  );
  if (!updated) throw conflict('version-conflict');
  const keptKeys = new Set(kept.map((field) => field.key));
  const actor = auditActor(ctx);
  await recordAudit(ctx.db, actor, {
    action: 'update',
    subjectType: 'Submission',
    subjectId: id,
    sensitiveFields: filledSensitiveKeys(result.data, revision.sensitive.filter((field) => !keptKeys.has(field.key))),
  });
  const [view] = await presentForReader(ctx.db, ctx.auth.ability, null, [updated]);
  return view!;
}

export async function deleteSubmission(ctx: ServiceContext, scope: SubmissionScope, id: string): Promise<void> {
  const stored = await findSubmission(ctx, scope, id);
  ensureCan(ctx.auth.ability, 'delete', 'Submission', stored);
  const result = await submissionModel(ctx.db).deleteOne({ _id: stored._id, version: stored.version });
  if (result.deletedCount !== 1) throw new AppError(409, 'version-conflict');
  await recordAudit(ctx.db, auditActor(ctx), { action: 'delete', subjectType: 'Submission', subjectId: id });
}
