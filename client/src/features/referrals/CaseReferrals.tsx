import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@contracts/cases/case-view.types';
import type { ReferralView } from '@contracts/referrals/referral-view.types';
import { ApiStatus, useApi } from '../common';
import { asSubject, useSession } from '../session';
import { ReferralDetails } from './ReferralDetails';
import { ReferralForm } from './ReferralForm';
import { useReferralWords } from './referral-words';

/**
 * The case's referrals as this organisation sees them (sent by it, or received), each with where it stands, and the
 * form to refer the case elsewhere for those who may.
 */
export function CaseReferrals({ record, onChanged }: { record: CaseDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const { session, ability } = useSession();
  const words = useReferralWords();
  const referrals = useApi<{ items: ReferralView[] }>(`/api/cases/${encodeURIComponent(record.id)}/referrals`);
  const { reload } = referrals;
  // A step taken on the case (e.g. the workflow's own "Refer to …") may have made a referral.
  const seenVersion = useRef(record.version);
  useEffect(() => {
    if (seenVersion.current === record.version) return;
    seenVersion.current = record.version;
    reload();
  }, [record.version, reload]);
  const ownOrg = session?.org.id;
  const mayRefer = ability.can('create', 'Referral') && record.orgId === ownOrg && ability.can('update', asSubject('Case', record));
  const items = referrals.data?.items ?? [];
  return (
    <>
      <ApiStatus loading={referrals.loading && !referrals.data} error={referrals.error} />
      {items.length === 0 ? (
        <p>{t('referrals.none')}</p>
      ) : (
        <ul className="referrals">
          {items.map((referral) => (
            <li key={referral.id} className={`referral referral-${referral.status}`}>
              <strong>
                {referral.from.id === ownOrg
                  ? t('referrals.sentTo', { organisation: referral.to.name })
                  : t('referrals.receivedFrom', { organisation: referral.from.name })}
              </strong>{' '}
              <span className={`status-tag${referral.status === 'declined' ? ' warning' : ''}`}>{words.status(referral)}</span>
              <ReferralDetails referral={referral} />
            </li>
          ))}
        </ul>
      )}
      {mayRefer && (
        <ReferralForm
          record={record}
          onSent={() => {
            onChanged();
            referrals.reload();
          }}
        />
      )}
    </>
  );
}
