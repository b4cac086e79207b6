import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { consentCoverage as coveredGroups, consentNamedGroups } from '@contracts/cases/consent-coverage';
import type { CaseDetail } from '@contracts/cases/case-view.types';
import { REFERRAL_PURPOSES, SHAREABLE_GROUPS, type ReferralPurpose, type ShareableGroup } from '@contracts/referrals/referral.schemas';
import type { ReferralRecipientView } from '@contracts/referrals/referral-view.types';
import { apiSend, ApiError } from '../../api/http';
import { useApi, ErrorMessage } from '../common';
import { useReferralWords } from './referral-words';

/**
 * Refers the case to another organisation: the recipient, the purpose, the field groups to share and a message. Only
 * the groups the person's consent to that recipient covers can be chosen; the others say why. The groups the consent
 * names (the consent form's answers) start ticked, the caseworker unticks what the receiver does not need. The server
 * checks the consent again (the form only spares the caseworker a refusal).
 */
export function ReferralForm({ record, onSent }: { record: CaseDetail; onSent(): void }) {
  const { t } = useTranslation();
  const words = useReferralWords();
  const recipients = useApi<{ items: ReferralRecipientView[] }>('/api/referral-recipients');
  const [slug, setSlug] = useState('');
  const [purpose, setPurpose] = useState<ReferralPurpose>('service');
  const [groups, setGroups] = useState<ShareableGroup[]>([]);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const prefix = `referral-${record.id}`;
  const recipient = recipients.data?.items.find((item) => item.slug === slug);
  const consentName = recipient ? t(`consent.recipients.${recipient.consentKey}`, { defaultValue: recipient.name }) : '';
  const covered = recipient ? coveredGroups(record, recipient.consentKey) : [];
  const named = recipient ? consentNamedGroups(record, recipient.consentKey) : [];
  const namedKey = named.join(' ');

  // Another recipient, or a consent recorded or changed meanwhile: start again from what the consent names (what was
  // ticked for another recipient may not be covered for this one).
  useEffect(() => {
    setGroups(namedKey ? (namedKey.split(' ') as ShareableGroup[]) : []);
  }, [slug, namedKey]);

  const choose = (next: string) => setSlug(next);
  const toggle = (group: ShareableGroup, on: boolean) => setGroups((current) => (on ? [...current, group] : current.filter((item) => item !== group)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!recipient) return;
    setBusy(true);
    setError(undefined);
    apiSend('POST', `/api/cases/${encodeURIComponent(record.id)}/referrals`, { organisation: recipient.slug, purpose, groups, message, version: record.version })
      .then(
        () => {
          setSlug('');
          setGroups([]);
          setMessage('');
          onSent();
        },
        (failure: unknown) => setError(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <form className="referral-form" onSubmit={submit} aria-labelledby="referral-form-title">
      <h3 id="referral-form-title">{t('referrals.newTitle')}</h3>
      <ErrorMessage>{error}</ErrorMessage>
      <label htmlFor={`${prefix}-organisation`}>{t('referrals.organisation')}</label>
      <select id={`${prefix}-organisation`} value={slug} onChange={(event) => choose(event.target.value)} required>
          <option value="">{t('referrals.chooseOrganisation')}</option>
          {(recipients.data?.items ?? []).map((item) => (
            <option key={item.slug} value={item.slug}>
              {item.name}
            </option>
          ))}
      </select>
      <fieldset>
        <legend>{t('referrals.purpose')}</legend>
        {REFERRAL_PURPOSES.map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="referral-purpose" value={value} checked={purpose === value} onChange={() => setPurpose(value)} />
            {words.purpose(value)}
          </label>
        ))}
      </fieldset>
      <fieldset aria-describedby="referral-groups-hint">
        <legend>{t('referrals.groupsToShare')}</legend>
        <p className="hint" id="referral-groups-hint">
          {!recipient
            ? t('referrals.chooseOrganisationFirst')
            : covered.length === 0
              ? t('referrals.noConsent', { recipient: consentName })
              : covered.length < SHAREABLE_GROUPS.length
                ? t('referrals.consentCoversSome', { recipient: consentName })
                : t('referrals.consentCoversAll', { recipient: consentName })}
          {named.length > 0 && ` ${t('referrals.namedGroupsTicked', { recipient: consentName })}`}
        </p>
        {SHAREABLE_GROUPS.map((group) => {
          const allowed = covered.includes(group);
          // Each group says why it cannot be chosen where the consent covers others; without any consent the hint says it once.
          const explain = !allowed && covered.length > 0;
          const why = `${prefix}-${group}-why`;
          return (
            <label key={group} className="choice">
              <input
                type="checkbox"
                value={group}
                checked={groups.includes(group)}
                disabled={!allowed}
                aria-describedby={explain ? why : undefined}
                onChange={(event) => toggle(group, event.target.checked)}
              />
              {words.group(group)}
              {explain && (
                <span className="hint" id={why}>
                  {' '}
                  — {t('referrals.notCovered', { recipient: consentName })}
                </span>
              )}
            </label>
          );
        })}
      </fieldset>
      <label htmlFor={`${prefix}-message`}>{t('referrals.messageToReceiver')}</label>
      <textarea id={`${prefix}-message`} value={message} maxLength={2000} rows={3} onChange={(event) => setMessage(event.target.value)} />
      <button type="submit" disabled={busy || !recipient || covered.length === 0}>
        {t('referrals.send')}
      </button>
    </form>
  );
}
