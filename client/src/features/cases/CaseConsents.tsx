import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseConsent } from '@contracts/cases/case.schemas';
import { ALWAYS_ASKED_CONSENT_RECIPIENTS } from '@contracts/cases/consent-recipients';
import { SHAREABLE_GROUPS } from '@contracts/referrals/referral.schemas';
import { apiSend, ApiError } from '../../api/http';
import { formatDate, ErrorMessage } from '../common';
import { useReferralWords } from '../referrals';


interface Props {
  caseId: string;
  version: number;
  /** As stored: consents recorded before withdrawals were kept lack `withdrawn`. */
  consents?: Record<string, Omit<CaseConsent, 'withdrawn'> & { withdrawn?: boolean }>;
  /** Recipients the workflow asked a consent for. */
  requested?: string[];
  /** Whether this user may change the case's consents; otherwise the table only shows them. */
  editable: boolean;
  onChanged(): void;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The person's consents per recipient, recorded or withdrawn here with the date. They are the case's `consents`,
 * the same record the consent form feeds and the workflow's guards and the sharing rules read.
 */
// Recipients asked about on every case; a workflow may ask for more (`consentRequests`), the consent form records any.
export function CaseConsents({ caseId, version, consents, requested = [], editable, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const words = useReferralWords();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const stored = consents ?? {};
  const recipients = [...new Set([...requested, ...Object.keys(stored), ...(editable ? ALWAYS_ASKED_CONSENT_RECIPIENTS : [])])];
  if (recipients.length === 0) return <p>{t('caseDetail.noConsents')}</p>;
  const name = (recipient: string) => t(`consent.recipients.${recipient}`, { defaultValue: recipient });

  const change = (recipient: string, given: boolean) => {
    const day = today();
    const next: CaseConsent = given ? { given: true, givenOn: day, withdrawn: false, withdrawnOn: null } : { ...stored[recipient]!, given: false, withdrawn: true, withdrawnOn: day };
    setBusy(true);
    setError(undefined);
    apiSend('PATCH', `/api/cases/${encodeURIComponent(caseId)}`, { version, consents: { ...stored, [recipient]: next } })
      .then(onChanged, (failure: unknown) => setError(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="table-scroll">
      <ErrorMessage>{error}</ErrorMessage>
      <table className="consent-table">
        <thead>
          <tr>
            <th scope="col">{t('consent.recipient')}</th>
            <th scope="col">{t('consent.state')}</th>
            <th scope="col">{t('consent.covers')}</th>
            {editable && <th scope="col">{t('consent.change')}</th>}
          </tr>
        </thead>
        <tbody>
          {recipients.map((recipient) => {
            const consent = stored[recipient];
            const given = Boolean(consent?.given) && !consent?.withdrawn;
            return (
              <tr key={recipient}>
                <th scope="row">{name(recipient)}</th>
                <td>
                  {consent?.withdrawn
                    ? t('consent.withdrawn', { date: formatDate(consent.withdrawnOn, i18n.language) })
                    : given
                      ? t('consent.given', { date: formatDate(consent?.givenOn, i18n.language) })
                      : t('consent.notGiven')}
                </td>
                <td>
                  {/* What a referral to this recipient may share (consent-coverage.ts); nothing without a valid consent. */}
                  {!given ? (
                    '—'
                  ) : consent?.groups ? (
                    <ul className="consent-groups">
                      {SHAREABLE_GROUPS.filter((group) => consent.groups!.includes(group)).map((group) => (
                        <li key={group}>{words.group(group)}</li>
                      ))}
                    </ul>
                  ) : (
                    t('consent.coversAll')
                  )}
                </td>
                {editable && (
                  <td>
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={given ? t('consent.withdrawFor', { recipient: name(recipient) }) : t('consent.recordFor', { recipient: name(recipient) })}
                      onClick={() => change(recipient, !given)}
                    >
                      {given ? t('consent.withdraw') : t('consent.record')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
