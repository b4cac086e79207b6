import { z } from 'zod';
import { ensureCan, type ServiceContext } from '../../access';
import { formDraftModel } from '../storage/form-draft.model';
import { readableCase } from './case-access';
import type { CaseRuntime } from './case-runtime';

export const DraftPathSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(100);
export const SaveDraftSchema = z.strictObject({ data: z.record(z.string().max(200), z.unknown()) });

/**
 * The draft of a form this user saved for the case, or null when there is none (the route answers 204: having no
 * draft is the usual case, not an error); a draft is never shown to anyone else.
 */
export async function getDraft(rt: CaseRuntime, ctx: ServiceContext, caseId: string, formPath: string) {
  const record = await readableCase(ctx, caseId);
  const draft = await formDraftModel(rt.db).findOne({ userId: ctx.auth.user._id, caseId: record._id, formPath }).lean();
  if (!draft) return null;
  return { formPath, data: JSON.parse(draft.dataText) as Record<string, unknown>, updatedAt: draft.updatedAt };
}

/**
 * `PUT /api/cases/:id/drafts/:formPath`: keeps what this user has entered so far, for someone who may submit forms
 * for a case they can read. Nothing is validated: a draft is unfinished by nature, and it is validated when it is
 * submitted.
 */
export async function saveDraft(rt: CaseRuntime, ctx: ServiceContext, caseId: string, formPath: string, input: z.infer<typeof SaveDraftSchema>) {
  const record = await readableCase(ctx, caseId);
  ensureCan(ctx.auth.ability, 'create', 'Submission', { orgId: record.orgId });
  const now = rt.clock.now();
  await formDraftModel(rt.db).updateOne(
    { userId: ctx.auth.user._id, caseId: record._id, formPath },
    { $set: { orgId: record.orgId, dataText: JSON.stringify(input.data), updatedAt: now } },
    { upsert: true },
  );
  return { formPath, updatedAt: now };
}

export async function deleteDraft(rt: CaseRuntime, ctx: ServiceContext, caseId: string, formPath: string): Promise<void> {
  const record = await readableCase(ctx, caseId);
  await formDraftModel(rt.db).deleteOne({ userId: ctx.auth.user._id, caseId: record._id, formPath });
}
