import type { DeclineReason, ReferralPurpose, ReferralStatus, ShareableGroup } from './referral.schemas';

/** An organisation as a referral names it: never more than its name and kind. */
export interface ReferralParty {
  id: string;
  slug: string;
  name: string;
}

/**
 * A referral as either side sees it. It carries no personal data: the case's reference and the referrer's message
 * (which the referrer writes for the receiver); the case itself is read through the case API once accepted.
 */
export interface ReferralView<TDate = string> {
  id: string;
  caseId: string;
  caseReference: string;
  from: ReferralParty;
  to: ReferralParty;
  /** The consent recipient key the referral rests on (`nas`, `iom` …). */
  recipient: string;
  purpose: ReferralPurpose;
  groups: ShareableGroup[];
  message: string;
  status: ReferralStatus;
  /** True once the receiver no longer has access (the person withdrew the consent it rested on). */
  accessEnded: boolean;
  declineReason?: DeclineReason;
  declineNote?: string;
  /** Names of other organisations where a case of the same person may already exist (no more than that; to the receiver only). */
  possibleDuplicatesAt: string[];
  createdAt: TDate;
  decidedAt?: TDate;
}

/** An organisation a case can be referred to, with the consent key a referral to it rests on. */
export interface ReferralRecipientView {
  slug: string;
  name: string;
  type: string;
  country: string;
  consentKey: string;
}
