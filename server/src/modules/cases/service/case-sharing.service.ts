import { notFound, orVersionConflict, versionConflict } from '../../../core/errors/app-error';
import { consentRequired } from '../case.errors';
import { auditedWrite } from '../../audit/audit-trail';
import { auditActor, type ServiceContext } from '../../access/service-context';
import { organisationModel } from '../../tenants/organisation.model';
import type { CaseRecord } from '../storage/case.model';
import { ensureCaseAction, readableCase } from './case-access';
import { presentCase } from './case-presenter';
import type { CaseRuntime } from './case-runtime';
import { commitCase } from './case-writer';

export function consentValid(record: Pick<CaseRecord, 'consents'>, recipient: string): boolean {
  const consent = record.consents?.[recipient];
  return Boolean(consent?.given && !consent.withdrawn);
}

/**
 * Shares (refers) a case with another organisation. The person's consent to that recipient is required and checked
 * here, on the server, whatever the client shows; the recipient's rules then decide what it sees of the case.
 */
export async function shareCase(rt: CaseRuntime, ctx: ServiceContext, id: string, input: { recipient: string; organisation: string; version: number }) {
  const record = await readableCase(ctx, id);
  ensureCaseAction(ctx, record, 'update', ['sharedWith']);
  if (record.version !== input.version) throw versionConflict();
  if (!consentValid(record, input.recipient)) throw consentRequired(input.recipient);
  const org = await organisationModel(rt.db).findOne({ slug: input.organisation }).lean();
  if (!org) throw notFound();
  const orgId = org._id.toHexString();
  const now = rt.clock.now();
  const userId = ctx.auth.user._id.toHexString();
  const fields = record.workflow.fields;
  const shares = [...((fields.shares as Array<{ orgId: string; recipient: string }> | undefined) ?? []).filter((s) => s.orgId !== orgId), { orgId, recipient: input.recipient }];
  const committed = await auditedWrite(ctx.db, auditActor(ctx), { action: 'share', subjectType: 'Case', subjectId: id }, async () =>
    orVersionConflict(
      await commitCase(rt, record, {
        set: {
          sharedWith: [...new Set([...record.sharedWith, orgId])],
          workflow: {
            ...record.workflow,
            fields: { ...fields, shares },
            timeline: [...record.workflow.timeline, { at: now, type: 'shared', by: userId, detail: input.recipient }],
          },
        },
        notifications: [],
      }),
    ),
  );
  return presentCase(ctx, committed, now).body;
}

/** Organisations whose share rests on a consent that is no longer valid lose access when the consent changes. */
export function sharesAfterConsentChange(record: CaseRecord): { sharedWith: string[]; shares: Array<{ orgId: string; recipient: string }> } {
  const shares = ((record.workflow.fields.shares as Array<{ orgId: string; recipient: string }> | undefined) ?? []).filter((s) => consentValid(record, s.recipient));
  const allowed = new Set(shares.map((s) => s.orgId));
  return { sharedWith: record.sharedWith.filter((orgId) => allowed.has(orgId)), shares };
}
