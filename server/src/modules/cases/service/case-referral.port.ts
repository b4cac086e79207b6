import type { ReferralDetails } from '../../../contracts/referrals/referral.schemas';
import type { ReferralRequest } from '../../workflows';
import type { CaseRecord, TimelineEntry } from '../storage/case.model';
import type { CaseNotification } from '../storage/notification.model';

/** Referrals a case write carries: checked before the write, recorded after it. */
export interface PreparedReferrals {
  /** Timeline entries stored with the case's write (`referral-sent`). */
  timeline: TimelineEntry[];
  /** Stores the referral records once the case is written. */
  store(): Promise<void>;
}

/**
 * The seam between cases and referrals (implemented by modules/referrals): the cases module asks for the referrals
 * a workflow step requested, and reports organisations whose access to a case ended; it imports nothing else.
 */
export interface CaseReferralPort {
  /**
   * Checks the referrals `requests` of a case about to be written as `record` (recipient, consent, groups) and
   * refuses the write by throwing when one cannot be made.
   */
  prepare(record: CaseRecord, requests: readonly ReferralRequest[], details: ReferralDetails | undefined, by: string | null, now: Date): Promise<PreparedReferrals>;
  /** The person withdrew a consent: the referrals that gave these organisations access to the case are ended. */
  accessEnded(caseId: string, orgIds: readonly string[], at: Date): Promise<void>;
  /** Stores notifications of a case write and files them in the inboxes they reach (case-notifications.ts). */
  storeNotifications(notifications: readonly CaseNotification[]): Promise<void>;
}
