import { z } from 'zod';
import { MINOR_MAX, RATE_PATTERN, isValidRate, type Money } from './money';

/*
 * The in-kind reintegration grant of a return programme (seed 003: "each beneficiary receives an in-kind grant of
 * CHF 1,500, which can later be increased, based on the reintegration plan"), shared by client and server. The
 * country of return is the case's own (its return form records it); the amount per beneficiary and the rules for an
 * increase are that country's parameters. Disbursements are made in the country's own currency and converted to the
 * grant's currency (CHF) at the programme's exchange rate in force on the day paid. Amounts are whole minor units.
 */

/** A positive amount in minor units (an integer: 250 CHF is 25000). */
const amountMinor = z.number().int().positive().max(MINOR_MAX);
const currency = z.string().regex(/^[A-Z]{3}$/);
const calendarDay = z.iso.date();

/** `POST /api/cases/:id/grant`: opens the grant under the programme of the case's country of return. */
export const OpenGrantSchema = z.strictObject({});
export type OpenGrantInput = z.infer<typeof OpenGrantSchema>;

/** `POST /api/cases/:id/grant/disbursements`: what was paid, in which currency, when, and for which part of the plan. */
export const DisbursementSchema = z.strictObject({
  amountMinor,
  /** The country of return's currency (converted at the rate in force on `date`), or the grant's own. */
  currency,
  date: calendarDay,
  purpose: z.string().trim().min(1).max(500),
  /** The goal of the case's plan this is for, when the reader may see the plan. */
  planGoal: z.string().trim().min(1).max(100).optional(),
});
export type DisbursementInput = z.infer<typeof DisbursementSchema>;

/** `POST /api/cases/:id/grant/increases`: an increase, in the grant's currency, asked for with its reason. */
export const GrantIncreaseSchema = z.strictObject({
  amountMinor,
  reason: z.string().trim().min(1).max(1000),
});
export type GrantIncreaseInput = z.infer<typeof GrantIncreaseSchema>;

export const GRANT_DECISIONS = ['approve', 'decline'] as const;
/** `POST /api/cases/:id/grant/increases/:increaseId/decision`: the second person's decision. */
export const GrantDecisionSchema = z.strictObject({ decision: z.enum(GRANT_DECISIONS) });
export type GrantDecisionInput = z.infer<typeof GrantDecisionSchema>;

/**
 * `POST /api/organisations/:id/exchange-rates`: a programme's exchange rate, entered by its data administrator with
 * the day it applies from. `rate` is units of `currency` for one unit of `base` ("410.25" HUF for 1 CHF), as text so
 * that no digit is lost. A later entry for the same currency and day corrects the earlier one.
 */
export const ExchangeRateSchema = z.strictObject({
  currency,
  base: currency,
  rate: z.string().regex(RATE_PATTERN).refine(isValidRate, { message: 'Above zero' }),
  from: calendarDay,
});
export type ExchangeRateInput = z.infer<typeof ExchangeRateSchema>;

export interface ExchangeRateView extends ExchangeRateInput {
  recordedBy?: GrantPerson;
  recordedAt?: string;
}

export type GrantIncreaseStatus = 'pending' | 'approved' | 'declined';

export interface GrantPerson {
  id: string;
  name: string;
}

export interface GrantIncreaseView {
  id: string;
  amountMinor: number;
  reason: string;
  status: GrantIncreaseStatus;
  requestedBy: GrantPerson;
  requestedAt: string;
  decidedBy?: GrantPerson;
  decidedAt?: string;
}

export interface DisbursementView {
  id: string;
  /** What was paid, in the currency it was paid in. */
  paid: Money;
  /** Its worth in the grant's currency, at `rate`. */
  grantMinor: number;
  /** The rate used (null when paid in the grant's own currency). */
  rate: { rate: string; from: string } | null;
  date: string;
  purpose: string;
  planGoal?: string;
  recordedBy: GrantPerson;
  recordedAt: string;
}

/** The totals of a grant, in the grant's currency's minor units. */
export interface GrantTotals {
  /** The amount per beneficiary the programme granted when the grant was opened. */
  granted: number;
  increaseApproved: number;
  increasePending: number;
  disbursed: number;
  /** granted + approved increases − disbursed. */
  remaining: number;
}

export interface GrantView {
  caseId: string;
  /** The organisation running the programme (it alone may read and change the grant). */
  orgId: string;
  country: string;
  /** The grant's currency (CHF): what is granted, increased and totalled. */
  currency: string;
  /** The country of return's currency, in which disbursements are paid. */
  localCurrency: string | null;
  totals: GrantTotals;
  /** What was paid per currency, as paid. */
  paidLocal: Money[];
  /** The rate in force today for the local currency, and what remains at it. */
  today: { rate: string; from: string; remainingLocal: Money } | null;
  increases: GrantIncreaseView[];
  disbursements: DisbursementView[];
  version: number;
}

/** The programme of a country of return: what it grants and whether and how far the grant may grow. */
export interface GrantProgramme {
  country: string;
  amountMinor: number;
  currency: string;
  localCurrency: string | null;
  increasable: boolean;
  /** The most all increases together may add, in the grant's minor units; null where the programme sets no limit. */
  increaseMaxMinor: number | null;
}

/** Why a grant cannot be opened on this case. */
export type GrantUnavailable = 'no-return-country' | 'no-programme';

/** `GET /api/cases/:id/grant`: the grant, or the programme of the case's country of return it would be opened under. */
export interface GrantAnswer {
  grant: GrantView | null;
  /** The case's country of return as its return form records it (a jurisdiction code), if the reader may see it. */
  returnCountry: string | null;
  programme: GrantProgramme | null;
  unavailable: GrantUnavailable | null;
}
