import type { GrantTotals } from '../../../contracts/cases/grant.schemas';
import type { GrantRecord } from './grant.model';

/** Amounts travel as numbers with at most two decimals and are kept as whole cents, so that sums stay exact. */
export const toCents = (amount: number): number => Math.round(amount * 100);
export const fromCents = (cents: number): number => cents / 100;

/** The totals of a grant in cents: granted, increases approved and pending, disbursed, and what is left. */
export function totalsInCents(grant: Pick<GrantRecord, 'grantedCents' | 'increases' | 'disbursements'>): GrantTotals {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const increaseApproved = sum(grant.increases.filter((i) => i.status === 'approved').map((i) => i.cents));
  const increasePending = sum(grant.increases.filter((i) => i.status === 'pending').map((i) => i.cents));
  const disbursed = sum(grant.disbursements.map((d) => d.cents));
  return { granted: grant.grantedCents, increaseApproved, increasePending, disbursed, remaining: grant.grantedCents + increaseApproved - disbursed };
}

/** The same totals in currency units, as the API and the documents show them. */
export function grantTotals(grant: Pick<GrantRecord, 'grantedCents' | 'increases' | 'disbursements'>): GrantTotals {
  const cents = totalsInCents(grant);
  return Object.fromEntries(Object.entries(cents).map(([key, value]) => [key, fromCents(value)])) as unknown as GrantTotals;
}

/** The programme's money parameter (`{ amount, currency }`), or null when it sets none. */
export function moneyParameter(value: unknown): { amount: number; currency: string } | null {
  const money = value as { amount?: unknown; currency?: unknown } | null | undefined;
  return money && typeof money.amount === 'number' && money.amount >= 0 && typeof money.currency === 'string' ? { amount: money.amount, currency: money.currency } : null;
}
