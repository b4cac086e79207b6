import type { ExchangeRateInput, ExchangeRatesAnswer } from '../../../contracts/cases/grant.schemas';
import { forbidden, notFound } from '../../../core/errors/app-error';
import { can, userModel, withPermission, auditActor, type ServiceContext } from '../../access';
import { auditedWrite } from '../../audit';
import { organisationModel } from '../../tenants';
import type { CaseRuntime } from '../service/case-runtime';
import { effectiveRates, ratesOf } from './exchange-rates';

/** An organisation's exchange rates as its readers see them, and whether this user may add one (the contract's shape). */
export type { ExchangeRatesAnswer };

async function readableOrganisation(ctx: ServiceContext, id: string) {
  const org = await organisationModel(ctx.db).findOne(withPermission(ctx.auth.ability, 'read', 'Organisation', { _id: id })).lean();
  if (!org) throw notFound();
  return org;
}

/** Editing the rates is editing the organisation's parameters: its data administrator's right (org-admin). */
const mayEdit = (ctx: ServiceContext, org: object) => can(ctx.auth.ability, 'update', 'Organisation', org, 'parameters');

async function present(ctx: ServiceContext, org: { parameters?: Record<string, unknown> }): Promise<ExchangeRatesAnswer> {
  const rates = effectiveRates(ratesOf(org.parameters?.exchangeRates));
  const ids = [...new Set(rates.map((rate) => rate.recordedBy).filter((id): id is string => Boolean(id)))];
  const users = ids.length ? await userModel(ctx.db).find({ _id: { $in: ids } }, { name: 1 }).lean() : [];
  const names = new Map(users.map((user) => [String(user._id), user.name]));
  return {
    rates: rates.map(({ recordedBy, recordedAt, ...rate }) => ({
      ...rate,
      ...(recordedBy ? { recordedBy: { id: recordedBy, name: names.get(recordedBy) ?? '—' } } : {}),
      ...(recordedAt ? { recordedAt: new Date(recordedAt).toISOString() } : {}),
    })),
    mayEdit: mayEdit(ctx, org),
  };
}

/** `GET /api/organisations/:id/exchange-rates`: the programme's rates, each with the day it applies from. */
export async function listExchangeRates(ctx: ServiceContext, orgId: string): Promise<ExchangeRatesAnswer> {
  return present(ctx, await readableOrganisation(ctx, orgId));
}

/**
 * `POST /api/organisations/:id/exchange-rates`: adds a rate to the organisation's parameter `exchangeRates`. Nothing is
 * overwritten: a correction is a later entry for the same currency and day, so what a disbursement used stays on record.
 */
export async function addExchangeRate(rt: CaseRuntime, ctx: ServiceContext, orgId: string, input: ExchangeRateInput): Promise<ExchangeRatesAnswer> {
  const org = await readableOrganisation(ctx, orgId);
  if (!mayEdit(ctx, org)) throw forbidden(['parameters']);
  const entry = { ...input, recordedBy: ctx.auth.user._id.toHexString(), recordedAt: rt.clock.now() };
  const current = org.parameters?.exchangeRates;
  // A value the administrator's parameter editor once stored as text is no list: the list starts again from what it holds.
  // Audited as what it is: an update of the organisation's parameters.
  const update = Array.isArray(current)
    ? { $push: { 'parameters.exchangeRates': entry } }
    : { $set: { 'parameters.exchangeRates': [entry] } };
  const updated = await auditedWrite(ctx.db, auditActor(ctx), { action: 'update', subjectType: 'Organisation', subjectId: String(org._id) }, () =>
    organisationModel(ctx.db).findOneAndUpdate({ _id: org._id }, update, { returnDocument: 'after' }).lean(),
  );
  if (!updated) throw notFound();
  return present(ctx, updated);
}
