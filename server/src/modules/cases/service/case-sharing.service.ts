import { notFound, orVersionConflict, versionConflict } from '../../../core/errors/app-error';
import { consentRequired, shareWithOwnOrganisation } from '../case.errors';
import { auditedWrite } from '../../audit';
import { auditActor, type ServiceContext } from '../../access';
import { organisationModel } from '../../tenants';
import type { ShareableGroup } from '../../../contracts/referrals/referral.schemas';
import { consentCoverage, consentValid } from '../../../contracts/cases/consent-coverage';
import type { CaseRecord, TimelineEntry } from '../storage/case.model';
import { ensureCaseAction, readableCase } from './case-access';
import { presentCase } from './case-presenter';
import type { CaseRuntime } from './case-runtime';
import { commitCase } from './case-writer';

/** One organisation's access to a case: the consent it rests on and the groups it may read. */
export interface CaseShare {
  orgId: string;
  recipient: string;
  /** Absent on shares made before groups were recorded: what the consent covers. */
  groups?: ShareableGroup[];
  /** The organisation's name, for the timeline entry when the share ends. */
  name?: string;
}

export { consentCoverage, consentValid };

export const sharesOf = (record: Pick<CaseRecord, 'workflow'>): CaseShare[] => (record.workflow.fields.shares as CaseShare[] | undefined) ?? [];

/** `shareGroups` as the permission layer reads them (`<org>:<group>`), from the shares. */
export function shareGroupsOf(record: Pick<CaseRecord, 'consents'>, shares: readonly CaseShare[]): string[] {
  return shares.flatMap((share) => (share.groups ?? consentCoverage(record, share.recipient)).map((group) => `${share.orgId}:${group}`));
}

/**
 * Shares (refers) a case with another organisation at once, with everything the person's consent to that recipient
 * covers. The consent is required and checked here, on the server, whatever the client shows; the recipient's rules
 * then decide what it sees of the case. Referrals (modules/referrals) are the way with the receiver's decision.
 */
export async function shareCase(rt: CaseRuntime, ctx: ServiceContext, id: string, input: { recipient: string; organisation: string; version: number }) {
  const record = await readableCase(ctx, id);
  ensureCaseAction(ctx, record, 'update', ['sharedWith']);
  if (record.version !== input.version) throw versionConflict();
  if (!consentValid(record, input.recipient)) throw consentRequired(input.recipient);
  const org = await organisationModel(rt.db).findOne({ slug: input.organisation }).lean();
  if (!org) throw notFound();
  if (org._id.equals(record.orgId)) throw shareWithOwnOrganisation();
  const orgId = org._id.toHexString();
  const now = rt.clock.now();
  const userId = ctx.auth.user._id.toHexString();
  const fields = record.workflow.fields;
  const shares = [...sharesOf(record).filter((s) => s.orgId !== orgId), { orgId, recipient: input.recipient, groups: consentCoverage(record, input.recipient), name: org.name }];
  const committed = await auditedWrite(ctx.db, auditActor(ctx), { action: 'share', subjectType: 'Case', subjectId: id }, async () =>
    orVersionConflict(
      await commitCase(rt, record, {
        set: {
          sharedWith: [...new Set([...record.sharedWith, orgId])],
          shareGroups: shareGroupsOf(record, shares),
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

/**
 * Organisations whose share rests on a consent that is no longer valid lose access when the consent changes, and a
 * share keeps only the groups the consent still covers. `ended` names the organisations that lost access, with the
 * timeline entries saying so.
 */
export function sharesAfterConsentChange(
  record: CaseRecord,
  now: Date,
  by: string,
): { sharedWith: string[]; shares: CaseShare[]; shareGroups: string[]; ended: string[]; timeline: TimelineEntry[] } {
  const before = sharesOf(record);
  const shares = before
    .filter((s) => consentValid(record, s.recipient))
    .map((s) => (s.groups ? { ...s, groups: s.groups.filter((group) => consentCoverage(record, s.recipient).includes(group)) } : s));
  const allowed = new Set(shares.map((s) => s.orgId));
  const endedShares = before.filter((s) => !allowed.has(s.orgId) && record.sharedWith.includes(s.orgId));
  return {
    sharedWith: record.sharedWith.filter((orgId) => allowed.has(orgId)),
    shares,
    shareGroups: shareGroupsOf(record, shares),
    ended: endedShares.map((s) => s.orgId),
    timeline: endedShares.map((s) => ({ at: now, type: 'referral-ended', by, detail: s.recipient, ...(s.name ? { organisation: s.name } : {}) })),
  };
}
