import { z } from 'zod';
import type { DateSchema } from '../api/wire.schemas';
import { IsoDateTime } from '../api/wire.schemas';
import { DECLINE_REASONS, REFERRAL_PURPOSES, REFERRAL_STATUSES, SHAREABLE_GROUPS } from './referral.schemas';

/** An organisation as a referral names it: never more than its name and kind. */
export const ReferralPartySchema = z.object({ id: z.string(), slug: z.string(), name: z.string() });
export type ReferralParty = z.infer<typeof ReferralPartySchema>;

/**
 * A referral as either side sees it. It carries no personal data: the case's reference and the referrer's message
 * (which the referrer writes for the receiver); the case itself is read through the case API once accepted. The
 * server holds its dates as `Date`s (`ReferralView<Date>`), the API answers ISO text (`ReferralViewSchema`).
 */
export const referralViewSchema = <D extends z.ZodType>(date: D) =>
  z.object({
    id: z.string(),
    caseId: z.string(),
    caseReference: z.string(),
    from: ReferralPartySchema,
    to: ReferralPartySchema,
    /** The consent recipient key the referral rests on (`nas`, `iom` …). */
    recipient: z.string(),
    purpose: z.enum(REFERRAL_PURPOSES),
    groups: z.array(z.enum(SHAREABLE_GROUPS)),
    message: z.string(),
    status: z.enum(REFERRAL_STATUSES),
    /** True once the receiver no longer has access (the person withdrew the consent it rested on). */
    accessEnded: z.boolean(),
    declineReason: z.enum(DECLINE_REASONS).optional(),
    declineNote: z.string().optional(),
    /** Names of other organisations where a case of the same person may already exist (no more than that; to the receiver only). */
    possibleDuplicatesAt: z.array(z.string()),
    createdAt: date,
    decidedAt: date.optional(),
  });
export type ReferralView<TDate = string> = z.infer<ReturnType<typeof referralViewSchema<DateSchema<TDate>>>>;
export const ReferralViewSchema = referralViewSchema(IsoDateTime);

/** An organisation a case can be referred to, with the consent key a referral to it rests on. */
export const ReferralRecipientViewSchema = z.object({ slug: z.string(), name: z.string(), type: z.string(), country: z.string(), consentKey: z.string() });
export type ReferralRecipientView = z.infer<typeof ReferralRecipientViewSchema>;

/** `GET /api/cases/:id/referrals`. */
export const ReferralListSchema = z.object({ items: z.array(ReferralViewSchema) });
/** `GET /api/referral-recipients`. */
export const ReferralRecipientListSchema = z.object({ items: z.array(ReferralRecipientViewSchema) });
