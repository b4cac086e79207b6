import { isValidObjectId } from 'mongoose';
import { AppError, notFound } from '../../../core/errors/app-error';
import { recordAudit } from '../../audit/audit.service';
import { withPermission } from '../../access/permissions';
import { auditActor, type ServiceContext } from '../../access/service-context';
import type { WorkflowEvent } from '../../workflows/engine/evaluation-context.types';
import type { CaseEventsPort, CaseSubmission } from '../case-events.port';
import { caseModel, type CaseRecord, type TimelineEntry } from '../storage/case.model';
import { caseFormDataModel } from '../storage/case-form-data.model';
import { advanceCase } from './case-advance';
import { availableEvents } from './case-available-events';
import { ensureCaseAction, readableCase } from './case-access';
import { presentCase } from './case-presenter';
import type { CaseRuntime } from './case-runtime';
import { commitCase, versionConflict } from './case-writer';

const ATTEMPTS = 5;

/**
 * Applies an event to the case as it is now: on a concurrent change the case is read again and the event re-checked
 * against the new state, so an event is never applied to a state it was not accepted in.
 */
export async function applyEvent(
  rt: CaseRuntime,
  load: () => Promise<CaseRecord | null>,
  event: WorkflowEvent,
  by: string | null,
  extra: Partial<TimelineEntry> = {},
  prepare: (record: CaseRecord) => CaseRecord = (r) => r,
): Promise<CaseRecord> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const loaded = await load();
    if (!loaded) throw notFound();
    const record = prepare(loaded);
    const change = await advanceCase(rt, record, event, by, extra);
    if ('ok' in change) {
      throw new AppError(409, 'event-not-accepted', { params: { event: change.event }, extensions: { event: change.event, acceptedEvents: change.acceptedEvents } });
    }
    const committed = await commitCase(rt, loaded, change);
    if (committed) return committed;
  }
  throw versionConflict();
}

/** `POST /api/cases/:id/events`: firing is a CASL action on the case, so roles decide who may move it. */
export async function fireCaseEvent(rt: CaseRuntime, ctx: ServiceContext, id: string, event: WorkflowEvent) {
  const record = await readableCase(ctx, id);
  ensureCaseAction(ctx, record, 'fire');
  const Cases = caseModel(rt.db);
  const committed = await applyEvent(
    rt,
    () => Cases.findOne(withPermission(ctx.auth.ability, 'fire', 'Case', { _id: record._id })).lean(),
    event,
    ctx.auth.user._id.toHexString(),
  );
  await recordAudit(ctx.db, auditActor(ctx), { action: 'fire', subjectType: 'Case', subjectId: id });
  return { ...presentCase(ctx, committed, rt.clock.now()).body, ...(await availableEvents(rt, ctx, committed)) };
}

/** The cases side of the submissions seam. */
export function createCaseEvents(rt: CaseRuntime): CaseEventsPort {
  return {
    async assertCanSubmitFor(ctx, caseId) {
      if (!isValidObjectId(caseId)) throw notFound();
      const record = await caseModel(rt.db).findOne(withPermission(ctx.auth.ability, 'update', 'Case', { _id: caseId })).lean();
      if (!record) throw notFound();
      return { orgId: record.orgId.toHexString(), assignees: record.assignees, sharedWith: record.sharedWith };
    },

    async formSubmitted(ctx: ServiceContext, submission: CaseSubmission) {
      if (!isValidObjectId(submission.caseId)) throw notFound();
      const caseId = new (caseModel(rt.db).base.Types.ObjectId)(submission.caseId);
      const now = rt.clock.now();
      await caseFormDataModel(rt.db).updateOne(
        { caseId, formPath: submission.formPath },
        { $set: { submissionId: submission.submissionId, dataText: JSON.stringify(submission.data), at: now } },
        { upsert: true },
      );
      // The submission was already authorised (assertCanSubmitFor); the event only re-checks automatic transitions,
      // which is not moving the case by hand, so it needs no `fire` permission.
      await applyEvent(
        rt,
        () => caseModel(rt.db).findOne(withPermission(ctx.auth.ability, 'update', 'Case', { _id: caseId })).lean(),
        { type: 'formSubmitted', data: { formPath: submission.formPath } },
        ctx.auth.user._id.toHexString(),
        { type: 'submission', formPath: submission.formPath, submissionId: submission.submissionId },
        (record) => ({
          ...record,
          workflow: {
            ...record.workflow,
            submissions: [...record.workflow.submissions, { submissionId: submission.submissionId, formPath: submission.formPath, at: now }],
          },
        }),
      );
      await recordAudit(ctx.db, auditActor(ctx), { action: 'submit', subjectType: 'Case', subjectId: submission.caseId });
    },
  };
}
