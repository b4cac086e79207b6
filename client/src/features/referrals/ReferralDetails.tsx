import { useTranslation } from 'react-i18next';
import type { ReferralView } from '@contracts/referrals/referral-view.types';
import { useReferralWords } from './referral-words';

/**
 * What a referral says, as both sides read it: the purpose, the shared groups, the referrer's message, the reason of
 * a decline, and (to the receiver) only the names of organisations where a case of the person may already exist.
 */
export function ReferralDetails({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation();
  const words = useReferralWords();
  return (
    <>
      <dl className="referral-details">
      <dt>{t('referrals.purpose')}</dt>
      <dd>{words.purpose(referral.purpose)}</dd>
      <dt>{t('referrals.sharedGroups')}</dt>
      <dd>{referral.groups.length > 0 ? referral.groups.map(words.group).join(', ') : t('referrals.noGroups')}</dd>
      {referral.message && (
        <>
          <dt>{t('referrals.message')}</dt>
          <dd className="referral-message">{referral.message}</dd>
        </>
      )}
      {referral.declineNote && (
        <>
          <dt>{t('referrals.declineNote')}</dt>
          <dd>{referral.declineNote}</dd>
        </>
      )}
      </dl>
      {referral.possibleDuplicatesAt.map((organisation) => (
        <p key={organisation} className="duplicate-hint">
          {t('referrals.possibleDuplicate', { organisation })}
        </p>
      ))}
    </>
  );
}
