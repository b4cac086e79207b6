import type { ReferralRecord } from './referral.model';

/** Who hears of a referral beyond the inbox (e-mail, when configured): told that something waits, never what. */
export interface ReferralNotifier {
  referralSent(referral: ReferralRecord): Promise<void>;
  referralDecided(referral: ReferralRecord): Promise<void>;
}
