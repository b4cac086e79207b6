import type { Connection } from 'mongoose';
import type { GrantPerson, GrantView } from '../../../contracts/cases/grant.schemas';
import { convertToLocalMinor } from '../../../contracts/cases/money';
import { userModel } from '../../access';
import type { GrantRecord } from './grant.model';
import { grantTotals, paidPerCurrency } from './grant-money';
import { rateInForce, type ExchangeRateEntry } from './exchange-rates';

/** Staff names for the people who recorded and decided (colleagues' names, never the person's data). */
async function peopleOf(db: Connection, ids: string[]): Promise<Map<string, GrantPerson>> {
  const unique = [...new Set(ids)];
  const users = unique.length ? await userModel(db).find({ _id: { $in: unique } }, { name: 1 }).lean() : [];
  const names = new Map(users.map((user) => [String(user._id), user.name]));
  return new Map(unique.map((id) => [id, { id, name: names.get(id) ?? '—' }]));
}

/** The rate in force `day` for the country's currency, and what remains of the grant at it. */
function remainingToday(grant: GrantRecord, rates: ExchangeRateEntry[], day: string): GrantView['today'] {
  if (!grant.localCurrency || grant.localCurrency === grant.currency) return null;
  const entry = rateInForce(rates, grant.localCurrency, grant.currency, day);
  if (!entry) return null;
  const minor = convertToLocalMinor(grantTotals(grant).remaining, grant.currency, grant.localCurrency, entry.rate);
  return minor === null ? null : { rate: entry.rate, from: entry.from, remainingLocal: { minor, currency: grant.localCurrency } };
}

export async function presentGrant(db: Connection, grant: GrantRecord, rates: ExchangeRateEntry[], day: string): Promise<GrantView> {
  const people = await peopleOf(db, [
    ...grant.increases.flatMap((i) => [i.requestedBy, ...(i.decidedBy ? [i.decidedBy] : [])]),
    ...grant.disbursements.map((d) => d.recordedBy),
  ]);
  const person = (id: string) => people.get(id)!;
  return {
    caseId: String(grant._id),
    orgId: String(grant.orgId),
    country: grant.country,
    currency: grant.currency,
    localCurrency: grant.localCurrency ?? null,
    totals: grantTotals(grant),
    paidLocal: paidPerCurrency(grant),
    today: remainingToday(grant, rates, day),
    increases: grant.increases.map((i) => ({
      id: i.id,
      amountMinor: i.minor,
      reason: i.reason,
      status: i.status,
      requestedBy: person(i.requestedBy),
      requestedAt: i.requestedAt.toISOString(),
      ...(i.decidedBy ? { decidedBy: person(i.decidedBy) } : {}),
      ...(i.decidedAt ? { decidedAt: i.decidedAt.toISOString() } : {}),
    })),
    disbursements: grant.disbursements.map((d) => ({
      id: d.id,
      paid: { minor: d.paidMinor, currency: d.paidCurrency },
      grantMinor: d.grantMinor,
      rate: d.rate ? { rate: d.rate.rate, from: d.rate.from } : null,
      date: d.date,
      purpose: d.purpose,
      ...(d.planGoal ? { planGoal: d.planGoal } : {}),
      recordedBy: person(d.recordedBy),
      recordedAt: d.recordedAt.toISOString(),
    })),
    version: grant.version,
  };
}
