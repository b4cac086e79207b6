import { z } from 'zod';

/*
 * Money as whole minor units (cents, fillér, haléř, bani, euro cents): integers, so that sums and comparisons are
 * exact. Typed amounts and exchange rates are read from their decimal text digit by digit, never through a float;
 * conversions use BigInt. Shared by client and server.
 */

/** An amount in a currency's minor units. */
export const MoneySchema = z.object({ minor: z.number().int(), currency: z.string() });
export type Money = z.infer<typeof MoneySchema>;

/**
 * ISO 4217 minor units of the currencies that have other than two. Taken from the standard, not from the runtime's
 * display data (ICU shows forints without decimals, though the forint has 100 fillér), so that stored amounts never
 * depend on the runtime.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

/** How many decimals a currency's minor units make (ISO 4217): CHF, EUR, HUF, CZK, RON and BGN have 2. */
export function currencyExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

/** The largest single amount accepted, in minor units: far above any grant, far below what a double keeps exactly. */
export const MINOR_MAX = 100_000_000_000;

/**
 * The minor units a decimal text stands for ("1 234,50" or "1234.5" → 123450 with exponent 2), or null when the text
 * is no plain non-negative number or has more decimals than the currency has.
 */
export function parseDecimalToMinor(text: string, exponent: number): number | null {
  const plain = text.replace(/[\s\u00a0\u202f']/g, '').replace(',', '.');
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(plain);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return null;
  const minor = BigInt(match[1]!) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, '0') || '0');
  return minor > BigInt(MINOR_MAX) ? null : Number(minor);
}

/** The decimal text of an amount in minor units (123450, 2 → "1234.50"), as Intl.NumberFormat formats it exactly. */
export function minorToDecimal(minor: number, exponent: number): string {
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${minor < 0 ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}

/** An exchange rate as entered: units of the local currency for one unit of the grant's currency ("410.25"). */
export const RATE_PATTERN = /^\d{1,9}(\.\d{1,6})?$/;

/** A rate's decimal text as a scaled integer: "410.25" → { scaled: 41025000000n, scale: 6 }. Null for zero or bad text. */
function scaledRate(rate: string): bigint | null {
  if (!RATE_PATTERN.test(rate)) return null;
  const [whole, fraction = ''] = rate.split('.');
  const scaled = BigInt(whole!) * 10n ** 6n + BigInt(fraction.padEnd(6, '0'));
  return scaled > 0n ? scaled : null;
}

/**
 * The grant currency's minor units that a local amount is worth at `rate` (local units per grant unit), rounded to
 * the nearest minor unit (halves up). Exact: integer arithmetic only.
 */
export function convertToGrantMinor(localMinor: number, local: string, grant: string, rate: string): number | null {
  const scaled = scaledRate(rate);
  if (scaled === null) return null;
  // grantMinor = localMinor / 10^eL / rate * 10^eG = localMinor * 10^6 * 10^eG / (scaled * 10^eL)
  const numerator = BigInt(localMinor) * 10n ** 6n * 10n ** BigInt(currencyExponent(grant));
  const denominator = scaled * 10n ** BigInt(currencyExponent(local));
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/** The local minor units a grant amount is worth at `rate` (for showing what remains in the local currency). */
export function convertToLocalMinor(grantMinor: number, grant: string, local: string, rate: string): number | null {
  const scaled = scaledRate(rate);
  if (scaled === null) return null;
  const numerator = BigInt(grantMinor) * scaled * 10n ** BigInt(currencyExponent(local));
  const denominator = 10n ** 6n * 10n ** BigInt(currencyExponent(grant));
  return Number((2n * numerator + denominator) / (2n * denominator));
}

export function isValidRate(rate: string): boolean {
  return scaledRate(rate) !== null;
}

/** An amount in minor units in the reader's number format and the currency's sign ("CHF 1,500.00", "102 500,00 Ft"). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  // Formatted from its decimal text: exact however large, with no float on the way.
  const digits = currencyExponent(currency);
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  return format.format(minorToDecimal(minor, digits) as Intl.StringNumericLiteral);
}
