import { z } from 'zod';

/*
 * The in-kind reintegration grant of a return programme (seed 003: "each beneficiary receives an in-kind grant of
 * CHF 1,500, which can later be increased, based on the reintegration plan"), shared by client and server. The
 * amount per beneficiary comes from the country of return's parameters (`reintegrationGrant`); disbursements are
 * recorded against the reintegration plan; an increase carries a reason and is decided by a second person.
 */

/** The largest single amount accepted: far above any grant, small enough to keep cents exact in a double. */
export const GRANT_AMOUNT_MAX = 1_000_000;

/** A positive amount with at most two decimals (cents are stored as whole numbers). */
const amount = z
  .number()
  .positive()
  .max(GRANT_AMOUNT_MAX)
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, { message: 'At most two decimals' });

const currency = z.string().regex(/^[A-Z]{3}$/);
const calendarDay = z.iso.date();

/** `POST /api/cases/:id/grant`: opens the grant under the programme of a country of return (a jurisdiction code). */
export const OpenGrantSchema = z.strictObject({ country: z.string().regex(/^[a-z]{2}$/) });
export type OpenGrantInput = z.infer<typeof OpenGrantSchema>;

/** `POST /api/cases/:id/grant/disbursements`: what was given, when, and for which part of the reintegration plan. */
export const DisbursementSchema = z.strictObject({
  amount,
  currency,
  date: calendarDay,
  purpose: z.string().trim().min(1).max(500),
  /** The goal of the case's plan this is for, when the reader may see the plan. */
  planGoal: z.string().trim().min(1).max(100).optional(),
});
export type DisbursementInput = z.infer<typeof DisbursementSchema>;

/** `POST /api/cases/:id/grant/increases`: an increase asked for with its reason. */
export const GrantIncreaseSchema = z.strictObject({
  amount,
  reason: z.string().trim().min(1).max(1000),
});
export type GrantIncreaseInput = z.infer<typeof GrantIncreaseSchema>;

export const GRANT_DECISIONS = ['approve', 'decline'] as const;
/** `POST /api/cases/:id/grant/increases/:increaseId/decision`: the second person's decision. */
export const GrantDecisionSchema = z.strictObject({ decision: z.enum(GRANT_DECISIONS) });
export type GrantDecisionInput = z.infer<typeof GrantDecisionSchema>;

export type GrantIncreaseStatus = 'pending' | 'approved' | 'declined';

export interface GrantPerson {
  id: string;
  name: string;
}

export interface GrantIncreaseView {
  id: string;
  amount: number;
  reason: string;
  status: GrantIncreaseStatus;
  requestedBy: GrantPerson;
  requestedAt: string;
  decidedBy?: GrantPerson;
  decidedAt?: string;
}

export interface DisbursementView {
  id: string;
  amount: number;
  currency: string;
  date: string;
  purpose: string;
  planGoal?: string;
  recordedBy: GrantPerson;
  recordedAt: string;
}

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
  currency: string;
  totals: GrantTotals;
  increases: GrantIncreaseView[];
  disbursements: DisbursementView[];
  version: number;
}

/** A country of return whose programme sets a grant, for opening one. */
export interface GrantProgramme {
  country: string;
  amount: number;
  currency: string;
}

/** `GET /api/cases/:id/grant`: the grant, or null with the programmes it could be opened under. */
export interface GrantAnswer {
  grant: GrantView | null;
  programmes: GrantProgramme[];
  /** The case's own country of return, when its workflow runs under one that has a programme. */
  defaultCountry: string | null;
}
