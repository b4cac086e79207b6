import { z } from 'zod';
import { MINOR_MAX, MoneySchema, RATE_PATTERN, isValidRate } from './money';

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

/*
 * The answers of the grant API, as zod schemas (the OpenAPI document is generated from them) with their types
 * derived. Amounts are integers in minor units; times are ISO text, days calendar days.
 */
const personRef = z.object({ id: z.string(), name: z.string() });
export type GrantPerson = z.infer<typeof personRef>;
const isoTime = z.iso.datetime({ offset: true });
/** A rate as used: the rate text and the day it applies from. */
const rateRef = z.object({ rate: z.string(), from: calendarDay });

export const ExchangeRateViewSchema = ExchangeRateSchema.extend({ recordedBy: personRef.optional(), recordedAt: isoTime.optional() });
export type ExchangeRateView = z.infer<typeof ExchangeRateViewSchema>;
/** `GET|POST /api/organisations/:id/exchange-rates`: an organisation's exchange rates, and whether this user may add one. */
export const ExchangeRatesAnswerSchema = z.object({ rates: z.array(ExchangeRateViewSchema), mayEdit: z.boolean() });
export type ExchangeRatesAnswer = z.infer<typeof ExchangeRatesAnswerSchema>;

export const GRANT_INCREASE_STATUSES = ['pending', 'approved', 'declined'] as const;
export type GrantIncreaseStatus = (typeof GRANT_INCREASE_STATUSES)[number];

export const GrantIncreaseViewSchema = z.object({
  id: z.string(),
  amountMinor: z.number().int(),
  reason: z.string(),
  status: z.enum(GRANT_INCREASE_STATUSES),
  requestedBy: personRef,
  requestedAt: isoTime,
  decidedBy: personRef.optional(),
  decidedAt: isoTime.optional(),
});
export type GrantIncreaseView = z.infer<typeof GrantIncreaseViewSchema>;

export const DisbursementViewSchema = z.object({
  id: z.string(),
  /** What was paid, in the currency it was paid in. */
  paid: MoneySchema,
  /** Its worth in the grant's currency, at `rate`. */
  grantMinor: z.number().int(),
  /** The rate used (null when paid in the grant's own currency). */
  rate: rateRef.nullable(),
  date: calendarDay,
  purpose: z.string(),
  planGoal: z.string().optional(),
  recordedBy: personRef,
  recordedAt: isoTime,
});
export type DisbursementView = z.infer<typeof DisbursementViewSchema>;

/** The totals of a grant, in the grant's currency's minor units. */
export const GrantTotalsSchema = z.object({
  /** The amount per beneficiary the programme granted when the grant was opened. */
  granted: z.number().int(),
  increaseApproved: z.number().int(),
  increasePending: z.number().int(),
  disbursed: z.number().int(),
  /** granted + approved increases − disbursed. */
  remaining: z.number().int(),
});
export type GrantTotals = z.infer<typeof GrantTotalsSchema>;

export const GrantViewSchema = z.object({
  caseId: z.string(),
  /** The organisation running the programme (it alone may read and change the grant). */
  orgId: z.string(),
  country: z.string(),
  /** The grant's currency (CHF): what is granted, increased and totalled. */
  currency: z.string(),
  /** The country of return's currency, in which disbursements are paid. */
  localCurrency: z.string().nullable(),
  totals: GrantTotalsSchema,
  /** What was paid per currency, as paid. */
  paidLocal: z.array(MoneySchema),
  /** The rate in force today for the local currency, and what remains at it. */
  today: rateRef.extend({ remainingLocal: MoneySchema }).nullable(),
  increases: z.array(GrantIncreaseViewSchema),
  disbursements: z.array(DisbursementViewSchema),
  version: z.number().int(),
});
export type GrantView = z.infer<typeof GrantViewSchema>;

/** The programme of a country of return: what it grants and whether and how far the grant may grow. */
export const GrantProgrammeSchema = z.object({
  country: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  localCurrency: z.string().nullable(),
  increasable: z.boolean(),
  /** The most all increases together may add, in the grant's minor units; null where the programme sets no limit. */
  increaseMaxMinor: z.number().int().nullable(),
});
export type GrantProgramme = z.infer<typeof GrantProgrammeSchema>;

/** Why a grant cannot be opened on this case. */
export const GRANT_UNAVAILABLE = ['no-return-country', 'no-programme'] as const;
export type GrantUnavailable = (typeof GRANT_UNAVAILABLE)[number];

/** `GET /api/cases/:id/grant`: the grant, or the programme of the case's country of return it would be opened under. */
export const GrantAnswerSchema = z.object({
  grant: GrantViewSchema.nullable(),
  /** The case's country of return as its return form records it (a jurisdiction code), if the reader may see it. */
  returnCountry: z.string().nullable(),
  programme: GrantProgrammeSchema.nullable(),
  unavailable: z.enum(GRANT_UNAVAILABLE).nullable(),
});
export type GrantAnswer = z.infer<typeof GrantAnswerSchema>;
