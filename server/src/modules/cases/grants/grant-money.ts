import type { GrantTotals } from '../../../contracts/cases/grant.schemas';
import { currencyExponent, minorToDecimal, parseDecimalToMinor, type Money } from '../../../contracts/cases/money';
import type { GrantRecord } from './grant.model';

type Sums = Pick<GrantRecord, 'grantedMinor' | 'increases' | 'disbursements'>;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The totals of a grant in its currency's minor units: granted, increases approved and pending, disbursed, left. */
export function grantTotals(grant: Sums): GrantTotals {
  const increaseApproved = sum(grant.increases.filter((i) => i.status === 'approved').map((i) => i.minor));
  const increasePending = sum(grant.increases.filter((i) => i.status === 'pending').map((i) => i.minor));
  const disbursed = sum(grant.disbursements.map((d) => d.grantMinor));
  return { granted: grant.grantedMinor, increaseApproved, increasePending, disbursed, remaining: grant.grantedMinor + increaseApproved - disbursed };
}

/** What was paid per currency, as paid (the grant's own currency among them if some was paid in it). */
export function paidPerCurrency(grant: Pick<GrantRecord, 'disbursements'>): Money[] {
  const per = new Map<string, number>();
  for (const d of grant.disbursements) per.set(d.paidCurrency, (per.get(d.paidCurrency) ?? 0) + d.paidMinor);
  return [...per.entries()].map(([currency, minor]) => ({ currency, minor }));
}

/** "1,234.50 CHF"-like text for a refusal's message (the client formats amounts itself). */
export function moneyText(minor: number, currency: string): string {
  return `${minorToDecimal(minor, currencyExponent(currency))} ${currency}`;
}

/** The programme's money parameter (`{ amount, currency }`, amount in units) in minor units, or null when it sets none. */
export function moneyParameter(value: unknown): Money | null {
  const money = value as { amount?: unknown; currency?: unknown } | null | undefined;
  if (!money || typeof money.amount !== 'number' || typeof money.currency !== 'string' || !/^[A-Z]{3}$/.test(money.currency)) return null;
  // From the parameter's decimal text, not by multiplying a float.
  const minor = Number.isFinite(money.amount) ? parseDecimalToMinor(String(money.amount), currencyExponent(money.currency)) : null;
  return minor === null ? null : { minor, currency: money.currency };
}
