import type { Connection } from 'mongoose';
import type { GrantPerson, GrantView } from '../../../contracts/cases/grant.schemas';
import { userModel } from '../../access';
import type { GrantRecord } from './grant.model';
import { fromCents, grantTotals } from './grant-money';

/** Staff names for the people who recorded and decided (colleagues' names, never the person's data). */
async function peopleOf(db: Connection, ids: string[]): Promise<Map<string, GrantPerson>> {
  const unique = [...new Set(ids)];
  const users = unique.length ? await userModel(db).find({ _id: { $in: unique } }, { name: 1 }).lean() : [];
  const names = new Map(users.map((user) => [String(user._id), user.name]));
  return new Map(unique.map((id) => [id, { id, name: names.get(id) ?? '—' }]));
}

export async function presentGrant(db: Connection, grant: GrantRecord): Promise<GrantView> {
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
    totals: grantTotals(grant),
    increases: grant.increases.map((i) => ({
      id: i.id,
      amount: fromCents(i.cents),
      reason: i.reason,
      status: i.status,
      requestedBy: person(i.requestedBy),
      requestedAt: i.requestedAt.toISOString(),
      ...(i.decidedBy ? { decidedBy: person(i.decidedBy) } : {}),
      ...(i.decidedAt ? { decidedAt: i.decidedAt.toISOString() } : {}),
    })),
    disbursements: grant.disbursements.map((d) => ({
      id: d.id,
      amount: fromCents(d.cents),
      currency: d.currency,
      date: d.date,
      purpose: d.purpose,
      ...(d.planGoal ? { planGoal: d.planGoal } : {}),
      recordedBy: person(d.recordedBy),
      recordedAt: d.recordedAt.toISOString(),
    })),
    version: grant.version,
  };
}
