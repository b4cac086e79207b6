import { randomUUID } from 'node:crypto';
import { forbidden, notFound, versionConflict } from '../../../core/errors/app-error';
import type {
  DisbursementInput, GrantAnswer, GrantDecisionInput, GrantIncreaseInput, GrantProgramme, GrantView, OpenGrantInput,
} from '../../../contracts/cases/grant.schemas';
import { can, withPermission, auditActor, type ServiceContext } from '../../access';
import { auditedWrite } from '../../audit';
import { readableCase } from '../service/case-access';
import type { CaseRuntime } from '../service/case-runtime';
import type { CaseRecord } from '../storage/case.model';
import {
  grantAlreadyOpened, grantCurrencyMismatch, grantFourEyes, grantExceeded, grantIncreaseAlreadyDecided, grantIncreaseNotIncreasable,
  grantNoProgramme, grantNotOpened, grantPlanGoalUnknown,
} from './grant.errors';
import { grantModel, type GrantRecord } from './grant.model';
import { fromCents, grantTotals, moneyParameter, toCents, totalsInCents } from './grant-money';
import { presentGrant } from './grant-presenter';

const SUBJECT = 'ReintegrationGrant';
const ATTEMPTS = 5;

/** The countries of return whose programme (jurisdiction parameters, with the organisation's own over them) sets a grant. */
async function programmes(rt: CaseRuntime, ctx: ServiceContext): Promise<GrantProgramme[]> {
  const found: GrantProgramme[] = [];
  for (const country of rt.catalog.jurisdictionCodes()) {
    const money = moneyParameter((await rt.catalog.parameters(ctx.auth.org._id, country)).reintegrationGrant);
    if (money && money.amount > 0) found.push({ country, amount: money.amount, currency: money.currency });
  }
  return found;
}

/** The case's grant if this user may read it (`null` when none is open or it is another programme's). */
async function readableGrant(ctx: ServiceContext, record: CaseRecord): Promise<GrantRecord | null> {
  return grantModel(ctx.db).findOne(withPermission(ctx.auth.ability, 'read', SUBJECT, { _id: record._id })).lean();
}

/** Grants are a programme's business: a reader of the case without any grant rule does not learn of them. */
function ensureGrantReader(ctx: ServiceContext): void {
  if (!ctx.auth.ability.can('read', SUBJECT)) throw notFound();
}

/** `GET /api/cases/:id/grant`. */
export async function caseGrant(rt: CaseRuntime, ctx: ServiceContext, caseId: string): Promise<GrantAnswer> {
  const record = await readableCase(ctx, caseId);
  ensureGrantReader(ctx);
  const grant = await readableGrant(ctx, record);
  const offered = grant ? [] : await programmes(rt, ctx);
  const own = record.workflow.jurisdiction;
  return {
    grant: grant ? await presentGrant(ctx.db, grant) : null,
    programmes: offered,
    defaultCountry: offered.some((p) => p.country === own) ? own : null,
  };
}

/**
 * `POST /api/cases/:id/grant`: opens the grant with the amount per beneficiary that the country's programme sets
 * (`reintegrationGrant`), owned by the user's organisation.
 */
export async function openGrant(rt: CaseRuntime, ctx: ServiceContext, caseId: string, input: OpenGrantInput): Promise<GrantView> {
  const record = await readableCase(ctx, caseId);
  ensureGrantReader(ctx);
  const orgId = ctx.auth.org._id;
  if (!can(ctx.auth.ability, 'create', SUBJECT, { orgId })) throw forbidden(['create']);
  const programme = (await programmes(rt, ctx)).find((p) => p.country === input.country);
  if (!programme) throw grantNoProgramme(input.country);
  if (await grantModel(ctx.db).exists({ _id: record._id })) throw grantAlreadyOpened();
  const now = rt.clock.now();
  const by = ctx.auth.user._id.toHexString();
  const created = await auditedWrite(ctx.db, auditActor(ctx), { action: 'open-grant', subjectType: SUBJECT, subjectId: caseId }, async () => {
    try {
      const doc = await grantModel(ctx.db).create({
        _id: record._id, orgId, country: programme.country, currency: programme.currency, grantedCents: toCents(programme.amount),
        increases: [], disbursements: [], version: 0, createdBy: by, createdAt: now, updatedAt: now,
      });
      return doc.toObject() as GrantRecord;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) throw grantAlreadyOpened();
      throw error;
    }
  });
  return presentGrant(ctx.db, created);
}

/**
 * Changes the case's grant by `change`, which sees the grant as stored and returns the new lists (or throws a
 * refusal). The write is conditional on the version read, and read again after a concurrent change, so two people
 * can never both spend the last of a grant.
 */
async function changeGrant(
  rt: CaseRuntime, ctx: ServiceContext, caseId: string, action: string,
  change: (grant: GrantRecord, record: CaseRecord) => Partial<Pick<GrantRecord, 'increases' | 'disbursements'>> | Promise<Partial<Pick<GrantRecord, 'increases' | 'disbursements'>>>,
): Promise<GrantView> {
  const record = await readableCase(ctx, caseId);
  ensureGrantReader(ctx);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const grant = await readableGrant(ctx, record);
    if (!grant) throw grantNotOpened();
    const set = await change(grant, record);
    const written = await auditedWrite(ctx.db, auditActor(ctx), (result: GrantRecord | null) => (result ? { action, subjectType: SUBJECT, subjectId: caseId } : null), () =>
      grantModel(ctx.db)
        .findOneAndUpdate({ _id: grant._id, version: grant.version }, { $set: { ...set, version: grant.version + 1, updatedAt: rt.clock.now() } }, { returnDocument: 'after' })
        .lean(),
    );
    if (written) return presentGrant(ctx.db, written);
  }
  throw versionConflict();
}

function ensureUpdate(ctx: ServiceContext, grant: GrantRecord): void {
  if (!can(ctx.auth.ability, 'update', SUBJECT, grant)) throw forbidden(['update']);
}

/** `POST /api/cases/:id/grant/disbursements`: in the grant's currency, within what is left, for a goal of the plan if named. */
export function recordDisbursement(rt: CaseRuntime, ctx: ServiceContext, caseId: string, input: DisbursementInput): Promise<GrantView> {
  return changeGrant(rt, ctx, caseId, 'disburse-grant', (grant, record) => {
    ensureUpdate(ctx, grant);
    if (input.currency !== grant.currency) throw grantCurrencyMismatch(input.currency, grant.currency);
    if (input.planGoal && !(record.plan?.goals ?? []).some((goal) => goal.id === input.planGoal)) throw grantPlanGoalUnknown(input.planGoal);
    const cents = toCents(input.amount);
    const { remaining } = totalsInCents(grant);
    if (cents > remaining) throw grantExceeded(`${fromCents(remaining).toFixed(2)} ${grant.currency}`);
    const disbursement = {
      id: randomUUID(), cents, currency: input.currency, date: input.date, purpose: input.purpose,
      ...(input.planGoal ? { planGoal: input.planGoal } : {}), recordedBy: ctx.auth.user._id.toHexString(), recordedAt: rt.clock.now(),
    };
    return { disbursements: [...grant.disbursements, disbursement] };
  });
}

/** `POST /api/cases/:id/grant/increases`: asks for an increase with its reason; a second person decides. */
export function requestIncrease(rt: CaseRuntime, ctx: ServiceContext, caseId: string, input: GrantIncreaseInput): Promise<GrantView> {
  return changeGrant(rt, ctx, caseId, 'request-grant-increase', async (grant) => {
    ensureUpdate(ctx, grant);
    // Whether the country's programme lets the grant grow (seed 003: Hungary's can, "based on the reintegration plan").
    const params = await rt.catalog.parameters(grant.orgId, grant.country);
    if (params.reintegrationGrantIncreasable !== true) throw grantIncreaseNotIncreasable(grant.country);
    return {
      increases: [
        ...grant.increases,
        { id: randomUUID(), cents: toCents(input.amount), reason: input.reason, status: 'pending', requestedBy: ctx.auth.user._id.toHexString(), requestedAt: rt.clock.now() },
      ],
    };
  });
}

/**
 * `POST /api/cases/:id/grant/increases/:increaseId/decision`: four eyes. The rules give `approve` on a grant increase
 * only where someone else asked for it (`requestedBy: { $ne: user }`), so the requester is refused here, by CASL.
 */
export function decideIncrease(rt: CaseRuntime, ctx: ServiceContext, caseId: string, increaseId: string, input: GrantDecisionInput): Promise<GrantView> {
  const action = input.decision === 'approve' ? 'approve-grant-increase' : 'decline-grant-increase';
  return changeGrant(rt, ctx, caseId, action, (grant) => {
    const increase = grant.increases.find((item) => item.id === increaseId);
    if (!increase) throw notFound();
    if (!can(ctx.auth.ability, 'approve', 'GrantIncrease', { orgId: grant.orgId, requestedBy: increase.requestedBy })) {
      throw increase.requestedBy === ctx.auth.user._id.toHexString() ? grantFourEyes() : forbidden(['approve']);
    }
    if (increase.status !== 'pending') throw grantIncreaseAlreadyDecided();
    const decided = { ...increase, status: input.decision === 'approve' ? ('approved' as const) : ('declined' as const), decidedBy: ctx.auth.user._id.toHexString(), decidedAt: rt.clock.now() };
    return { increases: grant.increases.map((item) => (item.id === increaseId ? decided : item)) };
  });
}

/** The grant's currency and totals for the plan document, when this reader may see the grant. */
export async function grantSummaryFor(ctx: ServiceContext, record: CaseRecord): Promise<{ currency: string; country: string; totals: GrantView['totals'] } | null> {
  if (!ctx.auth.ability.can('read', SUBJECT)) return null;
  const grant = await readableGrant(ctx, record);
  if (!grant) return null;
  return { currency: grant.currency, country: grant.country, totals: grantTotals(grant) };
}
