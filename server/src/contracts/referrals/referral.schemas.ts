import { z } from 'zod';

/*
 * Referrals between organisations, shared with the client. A referral names the organisation it goes to, why
 * (a service, or a transfer of the responsibility for the case), which field groups of the case the receiver may
 * read, and a message; the receiver accepts or declines it with a reason.
 */

/**
 * The field groups of a case that a referral shares one by one, in the permission vocabulary (the case's top-level
 * keys), plus `submissions`: the forms filled in on the case. The reference, alias and workflow position are what a
 * referral is about and always go with it; everything else is read by the receiver only where shared here.
 */
export const SHAREABLE_GROUPS = [
  'identity',
  'safeAccommodation',
  'narrative',
  'narrativeSummary',
  'criminalProceedings',
  'proceedingsSummary',
  'integration',
  'plan',
  'submissions',
] as const;
export type ShareableGroup = (typeof SHAREABLE_GROUPS)[number];

export const REFERRAL_PURPOSES = ['service', 'transfer'] as const;
export type ReferralPurpose = (typeof REFERRAL_PURPOSES)[number];

export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Why a receiver declines: a key shown in words on both sides and in the case's timeline. */
export const DECLINE_REASONS = ['noCapacity', 'outsideMandate', 'alreadyAssisted', 'needsMoreInformation', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

const message = z.string().trim().max(2000);

/** What a referral shares and says; the recipient and the purpose come from the request or the workflow. */
export const ReferralDetailsSchema = z.strictObject({
  groups: z.array(z.enum(SHAREABLE_GROUPS)).max(SHAREABLE_GROUPS.length).optional(),
  message: message.optional(),
  /** The receiving organisation (slug), where the workflow's recipient fits more than one. */
  organisation: z.string().regex(/^[a-z0-9-]+$/).max(60).optional(),
});

/** `POST /api/cases/:id/referrals`. */
export const CreateReferralSchema = z.strictObject({
  /** The receiving organisation, by slug. */
  organisation: z.string().regex(/^[a-z0-9-]+$/).max(60),
  purpose: z.enum(REFERRAL_PURPOSES),
  groups: z.array(z.enum(SHAREABLE_GROUPS)).max(SHAREABLE_GROUPS.length),
  message: message.default(''),
  /** The case's version the referrer saw. */
  version: z.number().int().min(0),
});

/** `POST /api/referrals/:id/decision`. */
export const DecideReferralSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept') }),
  z.strictObject({ decision: z.literal('decline'), reason: z.enum(DECLINE_REASONS), note: z.string().trim().max(1000).optional() }),
]);

export type ReferralDetails = z.infer<typeof ReferralDetailsSchema>;
export type CreateReferralInput = z.input<typeof CreateReferralSchema>;
export type DecideReferralInput = z.infer<typeof DecideReferralSchema>;

/** `POST /api/inbox/read`: the inbox items to mark read. */
export const MarkInboxReadSchema = z.strictObject({ ids: z.array(z.string().regex(/^[a-zA-Z]+:[A-Za-z0-9:_-]+$/).max(200)).min(1).max(200) });
