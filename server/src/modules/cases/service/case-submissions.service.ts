import { isValidObjectId, Types } from 'mongoose';
import { forbidden, notFound, versionConflict } from '../../../core/errors/app-error';
import { can, withPermission, type ServiceContext } from '../../access';
import { auditedWrite, type AuditActor } from '../../audit';
import type { SubmissionCasePort, SubmissionChange } from '../../submissions';
import { CASE_UPDATED_EVENT, FORM_SUBMITTED_EVENT, type WorkflowEvent } from '../../workflows';
import { caseModel, type CaseRecord, type TimelineEntry } from '../storage/case.model';
import { advanceCase, definitionOf, type CaseChange } from './case-advance';
import { evaluationContext } from './case-context';
import { applyFormBindings, caseFieldOf } from './case-form-bindings';
import { guardFormData, latestPerForm, removeFormData, writeFormData, type KnownFormData } from './case-form-data';
import type { CaseRuntime } from './case-runtime';
import { commitCase, submissionReaders } from './case-writer';

const ATTEMPTS = 5;

type StoredChange = Extract<SubmissionChange, { type: 'created' | 'updated' }>;
type DeletedChange = Extract<SubmissionChange, { type: 'deleted' }>;

/** How one change moves a case, planned against the case as loaded; null when the case has it already. */
interface Planned {
  /** The case with the change made to its list of submissions. */
  record: CaseRecord;
  event: WorkflowEvent;
  entry: Partial<TimelineEntry> & { type: string };
  /** What the case's audit entry calls it. */
  action: string;
  known?: KnownFormData;
  /** Whether the workflow's bindings changed the case's profile, consents or plan (then they are written too). */
  bound?: boolean;
}

/**
 * The cases side of the submissions seam. A change is applied in this order, each step repeatable, so that a process
 * stopping anywhere leaves the case consistent once the change is reported again (by a retry or the submissions'
 * recovery): a stored submission's row first, then the case (its list of submissions, timeline and automatic
 * transitions, in one conditional write); a deleted submission leaves the case first, then its row goes (a row
 * the case no longer lists is never read).
 */
export function createCaseSubmissions(rt: CaseRuntime): SubmissionCasePort {
  return {
    async assertCanSubmitFor(ctx, caseId, formPath) {
      if (!isValidObjectId(caseId)) throw notFound();
      const record = await caseModel(rt.db).findOne(withPermission(ctx.auth.ability, 'update', 'Case', { _id: caseId })).lean();
      if (!record) throw notFound();
      await assertMayWriteBoundFields(rt, ctx, record, formPath);
      return { orgId: record.orgId.toHexString(), assignees: record.assignees, sharedWith: submissionReaders(record), openedOn: openedOn(record) };
    },

    async assertMayChangeFor(ctx, caseId, formPath) {
      // Read without a permission check: the caller may already change this submission; only the fields it feeds are judged.
      if (!isValidObjectId(caseId)) return;
      const record = await caseModel(rt.db).findById(caseId).lean();
      if (record) await assertMayWriteBoundFields(rt, ctx, record, formPath);
    },

    async caseOpenedOn(caseId) {
      // Read without a permission check: the caller may already change a submission of this case, and only the day is used.
      if (!isValidObjectId(caseId)) return undefined;
      const record = await caseModel(rt.db).findById(caseId, { createdAt: 1 }).lean();
      return record ? openedOn(record) : undefined;
    },

    async submissionIdsOf(caseId) {
      if (!isValidObjectId(caseId)) return null;
      // A lookup by `_id` (docs/case-queries.md): the case's own list, not a search of every submission by caseId.
      const record = await caseModel(rt.db).findById(caseId, { 'workflow.submissions': 1 }).lean();
      return record ? (record.workflow?.submissions ?? []).map((s) => s.submissionId) : null;
    },

    async submissionChanged(by, change) {
      // A case that is gone has nothing to update (the submission's own permissions were checked before it was written).
      if (!isValidObjectId(change.caseId)) return;
      const caseId = new Types.ObjectId(change.caseId);
      if (change.type === 'deleted') {
        await applyToCase(rt, by, caseId, async (record) => withBindings(rt, planDeletion(record, change), change.formPath));
        await removeFormData(rt.db, caseId, change.submissionId);
      } else {
        await writeFormData(rt.db, caseId, { ...change, at: change.submittedAt });
        await applyToCase(rt, by, caseId, async (record) => withBindings(rt, planStored(record, change, rt.clock.now()), change.formPath));
      }
    },
  };
}

/**
 * The workflow's bindings write the case's profile, consents or plan from a form's latest submission. Whoever stores,
 * edits or deletes that submission writes those fields through it, so field-level rules on the case apply to them as
 * to a direct edit: a role that may move the case's workflow but not change its consents cannot record consents by
 * submitting the consent form. Refused with a 403 naming the fields, before anything is stored.
 */
async function assertMayWriteBoundFields(rt: CaseRuntime, ctx: ServiceContext, record: CaseRecord, formPath: string): Promise<void> {
  const bindings = (await definitionOf(rt, record)).bindings ?? [];
  const fed = new Set(bindings.filter((binding) => binding.form === formPath).map((binding) => caseFieldOf(binding.to)));
  const refused = [...fed].filter((field) => !can(ctx.auth.ability, 'update', 'Case', record, field));
  if (refused.length > 0) throw forbidden(refused);
}

function openedOn(record: Pick<CaseRecord, 'createdAt'>): string {
  return new Date(record.createdAt).toISOString().slice(0, 10);
}

function planStored(record: CaseRecord, change: StoredChange, now: Date): Planned | null {
  const recorded = record.workflow.submissions.find((s) => s.submissionId === change.submissionId);
  if (recorded && (recorded.version ?? 0) >= change.version) return null;
  const entry = { submissionId: change.submissionId, formPath: change.formPath, at: recorded?.at ?? now, submittedAt: change.submittedAt, version: change.version };
  const submissions = recorded
    ? record.workflow.submissions.map((s) => (s.submissionId === change.submissionId ? entry : s))
    : [...record.workflow.submissions, entry];
  return {
    record: { ...record, workflow: { ...record.workflow, submissions } },
    event: { type: FORM_SUBMITTED_EVENT, data: { formPath: change.formPath } },
    entry: { type: recorded ? 'submission-updated' : 'submission', formPath: change.formPath, submissionId: change.submissionId },
    action: recorded ? 'update-submission' : 'submit',
    known: { submissionId: change.submissionId, data: change.data },
  };
}

function planDeletion(record: CaseRecord, change: DeletedChange): Planned | null {
  if (!record.workflow.submissions.some((s) => s.submissionId === change.submissionId)) return null;
  const submissions = record.workflow.submissions.filter((s) => s.submissionId !== change.submissionId);
  return {
    record: { ...record, workflow: { ...record.workflow, submissions } },
    event: { type: CASE_UPDATED_EVENT },
    entry: { type: 'submission-deleted', formPath: change.formPath, submissionId: change.submissionId },
    action: 'delete-submission',
  };
}

/**
 * The workflow's bindings of the changed form applied to the planned case, from the form's latest submission after
 * the change (the one guards will read): an edit of an older submission changes nothing, deleting the latest brings
 * back what the one before it recorded, deleting the last takes back what the form fed. So guards, evaluated on the
 * planned case, never see data the submissions no longer hold.
 */
async function withBindings(rt: CaseRuntime, planned: Planned | null, formPath: string): Promise<Planned | null> {
  if (!planned) return null;
  const record = planned.record;
  const bindings = (await definitionOf(rt, record)).bindings ?? [];
  if (!bindings.some((binding) => binding.form === formPath)) return planned;
  const latest = latestPerForm(record.workflow.submissions).get(formPath);
  let data: Record<string, unknown> | null = null;
  if (latest !== undefined) {
    const rows = await guardFormData(rt.db, record._id, record.workflow.submissions.filter((s) => s.submissionId === latest), planned.known);
    data = rows[formPath] ?? null;
  }
  const parts = applyFormBindings(record, bindings, formPath, data);
  if (!parts) return planned;
  const { bound, ...fields } = parts;
  return { ...planned, bound: true, record: { ...record, ...fields, workflow: { ...record.workflow, bound } } };
}

/**
 * Plans the change against the case as it is now and stores it with one conditional write; on a concurrent change
 * the case is read again and the change planned again. The change re-checks the automatic transitions (guards see
 * the case's form data after the change); a finished workflow takes no events, so there the change is only recorded.
 */
async function applyToCase(rt: CaseRuntime, by: AuditActor, caseId: Types.ObjectId, plan: (record: CaseRecord) => Promise<Planned | null>): Promise<void> {
  const userId = by.userId ? by.userId.toHexString() : null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const loaded = await caseModel(rt.db).findById(caseId).lean();
    if (!loaded) return;
    const planned = await plan(loaded);
    if (!planned) return;
    const advanced =
      loaded.workflow.snapshot.status === 'done'
        ? null
        : await advanceCase(rt, planned.record, planned.event, userId, planned.entry, await evaluationContext(rt, planned.record, planned.known));
    const change: CaseChange =
      advanced && !('ok' in advanced)
        ? advanced
        : { set: { workflow: { ...planned.record.workflow, timeline: [...planned.record.workflow.timeline, { at: rt.clock.now(), by: userId, ...planned.entry }] } }, notifications: [] };
    // What the bindings changed is stored with the step (advanceCase already carries the plan with its track statuses).
    if (planned.bound) change.set = { identity: planned.record.identity, consents: planned.record.consents, plan: planned.record.plan, ...change.set };
    const event = { action: planned.action, subjectType: 'Case', subjectId: caseId.toHexString() };
    // A lost race writes nothing and leaves no entry; the change is planned again on the case as it is now.
    if (await auditedWrite(rt.db, by, (committed) => (committed ? event : null), () => commitCase(rt, loaded, change))) return;
  }
  throw versionConflict();
}
