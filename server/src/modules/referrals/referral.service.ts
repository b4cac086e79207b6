import { isValidObjectId, Types } from 'mongoose';
import { notFound, orVersionConflict, versionConflict } from '../../core/errors/app-error';
import type { CreateReferralInput } from '../../contracts/referrals/referral.schemas';
import { auditedWrite } from '../audit';
import { can, ensureCan, withPermission, auditActor, type ServiceContext } from '../access';
import { definitionOf, ensureCaseAction, readableCase, fireCaseEvent, type CaseRuntime, commitCase } from '../cases';
import { AppError } from '../../core/errors/app-error';
import { referralEvents } from '../workflows';
import { referralModel } from './referral.model';
import { referralsOfCase } from './case-referrals-lookup';
import { partiesOf, presentReferral } from './referral-presenter';
import { consentKeyOf, organisationBySlug, referralRecipients } from './referral-recipients';

/** The task a receiver gets on accepting a referral made outside the workflow. */
const DIRECT_REFERRAL_TASK = 'workflows:actions.refer.task';

/**
 * `POST /api/cases/:id/referrals`: refers the case to an organisation the caseworker names. Where the case's workflow
 * refers to that recipient from its current stage (`refer` action), that event is fired with the referral, so the
 * case moves as the workflow says; otherwise the referral is recorded on its own. Either way the consent, the groups
 * and the recipient are checked on the server (referral-port.ts) before anything is written.
 */
export async function createReferral(rt: CaseRuntime, ctx: ServiceContext, caseId: string, input: CreateReferralInput & { message: string }) {
  const record = await readableCase(ctx, caseId);
  ensureCaseAction(ctx, record, 'update');
  ensureCan(ctx.auth.ability, 'create', 'Referral', { fromOrgId: record.orgId });
  if (record.version !== input.version) throw versionConflict();
  const to = await organisationBySlug(rt.db, input.organisation, record.orgId);
  const recipient = consentKeyOf(to);
  const details = { groups: input.groups, message: input.message, organisation: to.slug };
  const viaWorkflow = referralEvents(await definitionOf(rt, record), record.workflow.activeStages).find((option) => option.recipient === recipient);
  if (viaWorkflow && can(ctx.auth.ability, 'fire', 'Case', record)) {
    try {
      await fireCaseEvent(rt, ctx, caseId, { type: viaWorkflow.event, data: {}, referral: details });
      return latestReferral(ctx, record._id, to._id);
    } catch (error) {
      // The stage's guard does not hold (e.g. a form still missing): the referral is made without moving the case.
      if (!(error instanceof AppError && error.code === 'event-not-accepted')) throw error;
    }
  }
  const by = ctx.auth.user._id.toHexString();
  await auditedWrite(ctx.db, auditActor(ctx), { action: 'refer', subjectType: 'Case', subjectId: caseId }, async () =>
    orVersionConflict(
      await commitCase(rt, record, {
        set: {},
        notifications: [],
        referrals: [{ type: 'referral.request', recipient, purpose: input.purpose, role: 'caseOwner', taskKey: DIRECT_REFERRAL_TASK }],
        referralDetails: details,
        referredBy: by,
      }),
    ),
  );
  return latestReferral(ctx, record._id, to._id);
}

async function latestReferral(ctx: ServiceContext, caseId: Types.ObjectId, toOrgId: Types.ObjectId) {
  const referral = (await referralsOfCase(ctx.db, caseId)).find((candidate) => candidate.toOrgId.equals(toOrgId));
  if (!referral) throw notFound();
  return presentReferral(referral, await partiesOf(ctx.db, [referral]), ctx.auth.org._id);
}

/** `GET /api/cases/:id/referrals`: the case's referrals this user may see (its organisation's side of each). */
export async function caseReferrals(ctx: ServiceContext, caseId: string) {
  if (!isValidObjectId(caseId)) throw notFound();
  const referrals = (await referralsOfCase(ctx.db, new Types.ObjectId(caseId), ctx.auth.ability)).slice(0, 100);
  const parties = await partiesOf(ctx.db, referrals);
  return { items: referrals.map((referral) => presentReferral(referral, parties, ctx.auth.org._id)) };
}

/** `GET /api/referrals/:id`: one referral, to either side. */
export async function getReferral(ctx: ServiceContext, id: string) {
  if (!isValidObjectId(id)) throw notFound();
  const referral = await referralModel(ctx.db).findOne(withPermission(ctx.auth.ability, 'read', 'Referral', { _id: id })).lean();
  if (!referral) throw notFound();
  return presentReferral(referral, await partiesOf(ctx.db, [referral]), ctx.auth.org._id);
}

/** `GET /api/referral-recipients`: the organisations a case can be referred to (for those who may refer). */
export async function recipients(ctx: ServiceContext) {
  ensureCan(ctx.auth.ability, 'create', 'Referral', { fromOrgId: ctx.auth.org._id });
  return { items: await referralRecipients(ctx.db, ctx.auth.org._id) };
}
