import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DECLINE_REASONS, type DeclineReason } from '@contracts/referrals/referral.schemas';
import type { ReferralView } from '@contracts/referrals/referral-view.types';
import { apiSend, ApiError } from '../../api/http';
import { ReferralDetails, useReferralWords } from '../referrals';
import { announceInboxChanged } from './inbox-events';
import { ErrorMessage } from '../common';

/**
 * A referral sent to this organisation: what it asks, and the decision: accept, or decline with a reason. Once
 * accepted, the organisation's own view of the case is one link away (the case's reference is all it knew before).
 */
export function ReferralDecision({ referral: initial }: { referral: ReferralView }) {
  const { t } = useTranslation();
  const words = useReferralWords();
  const [referral, setReferral] = useState(initial);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState<DeclineReason | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const prefix = `referral-${referral.id}`;

  const decide = (body: unknown) => {
    setBusy(true);
    setError(undefined);
    apiSend<ReferralView>('POST', `/api/referrals/${encodeURIComponent(referral.id)}/decision`, body)
      .then(
        (decided) => {
          setReferral(decided);
          announceInboxChanged();
        },
        (failure: unknown) => setError(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure)),
      )
      .finally(() => setBusy(false));
  };
  const decline = (event: FormEvent) => {
    event.preventDefault();
    if (reason) decide({ decision: 'decline', reason, ...(note.trim() ? { note } : {}) });
  };

  return (
    <article className="inbox-referral" aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{t('inbox.referralFrom', { reference: referral.caseReference, organisation: referral.from.name })}</h3>
      <ReferralDetails referral={referral} />
      <ErrorMessage>{error}</ErrorMessage>
      {referral.status === 'pending' ? (
        <div className="decision">
          <button type="button" disabled={busy} onClick={() => decide({ decision: 'accept' })}>
            {t('inbox.accept')}
          </button>
          {!declining ? (
            <button type="button" disabled={busy} onClick={() => setDeclining(true)}>
              {t('inbox.decline')}
            </button>
          ) : (
            <form onSubmit={decline} className="decline-form">
              <label htmlFor={`${prefix}-reason`}>{t('inbox.declineReason')}</label>
              <select id={`${prefix}-reason`} value={reason} required onChange={(event) => setReason(event.target.value as DeclineReason)}>
                  <option value="">{t('inbox.chooseReason')}</option>
                  {DECLINE_REASONS.map((value) => (
                    <option key={value} value={value}>
                      {words.reason(value)}
                    </option>
                  ))}
              </select>
              <label htmlFor={`${prefix}-note`}>{t('referrals.declineNote')}</label>
              <textarea id={`${prefix}-note`} value={note} maxLength={1000} rows={2} onChange={(event) => setNote(event.target.value)} />
              <button type="submit" disabled={busy || !reason}>
                {t('inbox.confirmDecline')}
              </button>
            </form>
          )}
        </div>
      ) : (
        <p role="status">
          <span className="status-tag">{words.status(referral)}</span>{' '}
          {referral.status === 'accepted' && <Link to={`/cases/${encodeURIComponent(referral.caseId)}`}>{t('inbox.openCase', { reference: referral.caseReference })}</Link>}
        </p>
      )}
    </article>
  );
}
