import { useTranslation } from 'react-i18next';
import type { ReferralView } from '@contracts/referrals/referral-view.types';
import { formatDate } from '../common';

/** A referral's parts in words, the same on the case page and in the inbox. */
export function useReferralWords() {
  const { t, i18n } = useTranslation();
  return {
    group: (group: string) => t(`referrals.groups.${group}`, { defaultValue: group }),
    purpose: (purpose: string) => t(`referrals.purposes.${purpose}`, { defaultValue: purpose }),
    reason: (reason: string) => t(`referrals.declineReasons.${reason}`, { defaultValue: reason }),
    /** Where the referral stands, with the date of the decision and the reason of a decline. */
    status(referral: ReferralView): string {
      const date = formatDate(referral.decidedAt ?? referral.createdAt, i18n.language);
      if (referral.status === 'accepted') return t(referral.accessEnded ? 'referrals.status.accessEnded' : 'referrals.status.accepted', { date });
      if (referral.status === 'declined') {
        return t('referrals.status.declined', { date, reason: t(`referrals.declineReasons.${referral.declineReason ?? 'other'}`) });
      }
      return t('referrals.status.pending', { date });
    },
  };
}
