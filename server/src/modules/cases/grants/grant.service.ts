import { randomUUID } from 'node:crypto';
import { forbidden, notFound, versionConflict } from '../../../core/errors/app-error';
import type {
  DisbursementInput, GrantAnswer, GrantDecisionInput, GrantIncreaseInput, GrantView, OpenGrantInput,
} from '../../../contracts/cases/grant.schemas';
import { convertToGrantMinor } from '../../../contracts/cases/money';
import { can, withPermission, auditActor, type ServiceContext } from '../../access';
import { auditedWrite } from '../../audit';
import { readableCase } from '../service/case-access';
import type { CaseRuntime } from '../service/case-runtime';
import type { CaseRecord } from '../storage/case.model';
import {
  grantAlreadyOpened, grantCurrencyMismatch, grantFourEyes, grantExceeded, grantIncreaseAboveLimit, grantIncreaseAlreadyDecided,
  grantIncreaseNotIncreasable, grantNoExchangeRate, grantNoProgramme, grantNoReturnCountry, grantNotOpened, grantPlanGoalUnknown,
} from './grant.errors';
import { grantModel, type DisbursementRecord, type GrantRecord } from './grant.model';
import { grantTotals, moneyText, paidPerCurrency } from './grant-money';
import { presentGrant } from './grant-presenter';
import { programmeOf, returnCountryOf } from './grant-programme';
import { rateInForce, ratesOf } from './exchange-rates';

const SUBJECT = 'ReintegrationGrant';
const ATTEMPTS = 5;

/** The case's grant if this user may read it (`null` when none is open or it is another programme's). */
async function readableGrant(ctx: ServiceContext, record: CaseRecord): Promise<GrantRecord | null> {
  return grantModel(ctx.db).findOne(withPermission(ctx.auth.ability, 'read', SUBJECT, { _id: record._id })).lean();
}

/** Grants are a programme's business: a reader of the case without any grant rule does not learn of them. */
function ensureGrantReader(ctx: ServiceContext): void {
  if (!ctx.auth.ability.can('read', SUBJECT)) throw notFound();
}

/** The programme's exchange rates (the organisation's parameter `exchangeRates`). */
async function ratesFor(rt: CaseRuntime, grant: Pick<GrantRecord, 'orgId' | 'country'>) {
  return ratesOf((await rt.catalog.parameters(grant.orgId, grant.country)).exchangeRates);
}

function today(rt: CaseRuntime): string {
  return rt.clock.now().toISOString().slice(0, 10);
}

/** `GET /api/cases/:id/grant`: the grant, or the programme of the case's country of return it would be opened under. */
export async function caseGrant(rt: CaseRuntime, ctx: ServiceContext, caseId: string): Promise<GrantAnswer> {
  const record = await readableCase(ctx, caseId);
  ensureGrantReader(ctx);
  const grant = await readableGrant(ctx, record);
  const returnCountry = returnCountryOf(rt, record);
  if (grant) {
    return { grant: await presentGrant(ctx.db, grant, await ratesFor(rt, grant), today(rt)), returnCountry, programme: null, unavailable: null };
  }
  const programme = returnCountry ? await programmeOf(rt, ctx.auth.org._id, returnCountry) : null;
  const unavailable = !returnCountry ? 'no-return-country' : !programme ? 'no-programme' : null;
  return { grant: null, returnCountry, programme, unavailable };
}

/**
 * `POST /api/cases/:id/grant`: opens the grant under the programme of the case's country of return, as its return
 * form records it, with the amount per beneficiary that programme sets (`reintegrationGrant`), owned by the user's
 * organisation. No country is chosen here: it is the case's.
 */
export async function openGrant(rt: CaseRuntime, ctx: ServiceContext, caseId: string, _input: OpenGrantInput): Promise<GrantView> {
  const record = await readableCase(ctx, caseId);
  ensureGrantReader(ctx);
  const orgId = ctx.auth.org._id;
  if (!can(ctx.auth.ability, 'create', SUBJECT, { orgId })) throw forbidden(['create']);
  const country = returnCountryOf(rt, record);
  if (!country) throw grantNoReturnCountry();
  const programme = await programmeOf(rt, orgId, country);
  if (!programme) throw grantNoProgramme(country);
  if (await grantModel(ctx.db).exists({ _id: record._id })) throw grantAlreadyOpened();
  const now = rt.clock.now();
  const by = ctx.auth.user._id.toHexString();
  const created = await auditedWrite(ctx.db, auditActor(ctx), { action: 'open-grant', subjectType: SUBJECT, subjectId: caseId }, async () => {
    try {
      const doc = await grantModel(ctx.db).create({
        _id: record._id, orgId, country, currency: programme.currency, ...(programme.localCurrency ? { localCurrency: programme.localCurrency } : {}),
        grantedMinor: programme.amountMinor, increases: [], disbursements: [], version: 0, createdBy: by, createdAt: now, updatedAt: now,
      });
      return doc.toObject() as GrantRecord;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) throw grantAlreadyOpened();
      throw error;
    }
  });
  return presentGrant(ctx.db, created, await ratesFor(rt, created), today(rt));
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
    if (written) return presentGrant(ctx.db, written, await ratesFor(rt, written), today(rt));
  }
  throw versionConflict();
}

function ensureUpdate(ctx: ServiceContext, grant: GrantRecord): void {
  if (!can(ctx.auth.ability, 'update', SUBJECT, grant)) throw forbidden(['update']);
}

/** The currencies a disbursement may be paid in: the country of return's (as its programme says now, and as it said at opening) and the grant's own. */
async function payableCurrencies(rt: CaseRuntime, grant: GrantRecord): Promise<string[]> {
  const programme = await programmeOf(rt, grant.orgId, grant.country);
  return [...new Set([programme?.localCurrency, grant.localCurrency, grant.currency].filter((c): c is string => Boolean(c)))];
}

/**
 * `POST /api/cases/:id/grant/disbursements`: paid in the country of return's currency and converted at the
 * programme's rate in force on the day paid (or paid in the grant's own currency), within what is left, for a goal of
 * the plan if named. The rate used and the worth in the grant's currency are recorded with it.
 */
export function recordDisbursement(rt: CaseRuntime, ctx: ServiceContext, caseId: string, input: DisbursementInput): Promise<GrantView> {
  return changeGrant(rt, ctx, caseId, 'disburse-grant', async (grant, record) => {
    ensureUpdate(ctx, grant);
    const payable = await payableCurrencies(rt, grant);
    if (!payable.includes(input.currency)) throw grantCurrencyMismatch(input.currency, payable);
    if (input.planGoal && !(record.plan?.goals ?? []).some((goal) => goal.id === input.planGoal)) throw grantPlanGoalUnknown(input.planGoal);
    let grantMinor = input.amountMinor;
    let rate: DisbursementRecord['rate'];
    if (input.currency !== grant.currency) {
      const entry = rateInForce(await ratesFor(rt, grant), input.currency, grant.currency, input.date);
      const converted = entry ? convertToGrantMinor(input.amountMinor, input.currency, grant.currency, entry.rate) : null;
      if (!entry || converted === null) throw grantNoExchangeRate(input.currency, grant.currency, input.date);
      grantMinor = converted;
      rate = { rate: entry.rate, from: entry.from };
    }
    const { remaining } = grantTotals(grant);
    if (grantMinor > remaining) throw grantExceeded(moneyText(remaining, grant.currency));
    const disbursement: DisbursementRecord = {
      id: randomUUID(), paidMinor: input.amountMinor, paidCurrency: input.currency, grantMinor, ...(rate ? { rate } : {}),
      date: input.date, purpose: input.purpose, ...(input.planGoal ? { planGoal: input.planGoal } : {}),
      recordedBy: ctx.auth.user._id.toHexString(), recordedAt: rt.clock.now(),
    };
    return { disbursements: [...grant.disbursements, disbursement] };
  });
}

/**
 * `POST /api/cases/:id/grant/increases`: asks for an increase with its reason, where the country's programme lets the
 * grant grow (seed 003: Hungary's can, "based on the reintegration plan and the recommendations of the service
 * provider") and within the limit it sets, if any; a second person decides.
 */
export function requestIncrease(rt: CaseRuntime, ctx: ServiceContext, caseId: string, input: GrantIncreaseInput): Promise<GrantView> {
  return changeGrant(rt, ctx, caseId, 'request-grant-increase', async (grant) => {
    ensureUpdate(ctx, grant);
    const programme = await programmeOf(rt, grant.orgId, grant.country);
    if (!programme?.increasable) throw grantIncreaseNotIncreasable(grant.country);
    if (programme.increaseMaxMinor !== null) {
      const { increaseApproved, increasePending } = grantTotals(grant);
      const left = Math.max(0, programme.increaseMaxMinor - increaseApproved - increasePending);
      if (input.amountMinor > left) throw grantIncreaseAboveLimit(moneyText(programme.increaseMaxMinor, grant.currency), moneyText(left, grant.currency));
    }
    return {
      increases: [
        ...grant.increases,
        { id: randomUUID(), minor: input.amountMinor, reason: input.reason, status: 'pending', requestedBy: ctx.auth.user._id.toHexString(), requestedAt: rt.clock.now() },
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

/** The grant's totals, in its currency and as paid locally, for the plan document, when this reader may see the grant. */
export async function grantSummaryFor(
  ctx: ServiceContext, record: CaseRecord,
): Promise<{ currency: string; country: string; totals: GrantView['totals']; paidLocal: GrantView['paidLocal'] } | null> {
  if (!ctx.auth.ability.can('read', SUBJECT)) return null;
  const grant = await readableGrant(ctx, record);
  if (!grant) return null;
  return { currency: grant.currency, country: grant.country, totals: grantTotals(grant), paidLocal: paidPerCurrency(grant) };
}
