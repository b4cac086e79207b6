import { ExchangeRateSchema, type ExchangeRateInput } from '../../../contracts/cases/grant.schemas';

/**
 * A return programme's exchange rates: the organisation's parameter `exchangeRates`, a list its data administrator
 * adds to, each entry with the day it applies from. Entries are never changed or removed: a correction is a new
 * entry for the same currency and day, and the later entry wins. Disbursements keep the rate they used.
 */
export interface ExchangeRateEntry extends ExchangeRateInput {
  recordedBy?: string;
  recordedAt?: Date | string;
}

/** The entries of the parameter that are well formed (the parameter is data; an entry it cannot read is skipped). */
export function ratesOf(parameter: unknown): ExchangeRateEntry[] {
  if (!Array.isArray(parameter)) return [];
  return parameter.flatMap((entry: unknown) => {
    const { recordedBy, recordedAt, ...rest } = (entry ?? {}) as Record<string, unknown>;
    const parsed = ExchangeRateSchema.safeParse(rest);
    if (!parsed.success) return [];
    return [{ ...parsed.data, ...(typeof recordedBy === 'string' ? { recordedBy } : {}), ...(recordedAt ? { recordedAt: recordedAt as Date | string } : {}) }];
  });
}

/** The entries in force or once in force, one per currency pair and day: a later correction replaces an earlier entry. */
export function effectiveRates(rates: ExchangeRateEntry[]): ExchangeRateEntry[] {
  const byDay = new Map<string, ExchangeRateEntry>();
  for (const entry of rates) byDay.set(`${entry.currency}/${entry.base}/${entry.from}`, entry);
  return [...byDay.values()].sort((a, b) => a.currency.localeCompare(b.currency) || b.from.localeCompare(a.from));
}

/** The rate for `currency` against `base` in force on `day`: the one with the latest `from` not after it. */
export function rateInForce(rates: ExchangeRateEntry[], currency: string, base: string, day: string): ExchangeRateEntry | null {
  return effectiveRates(rates).find((entry) => entry.currency === currency && entry.base === base && entry.from <= day) ?? null;
}
