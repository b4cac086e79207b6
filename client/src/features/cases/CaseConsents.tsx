import { useTranslation } from 'react-i18next';
import type { CaseConsent } from '@contracts/cases/case.schemas';
import { formatDate } from '../common/format';

export function CaseConsents({ consents }: { consents?: Record<string, CaseConsent> }) {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(consents ?? {});
  if (entries.length === 0) return <p>{t('caseDetail.noConsents')}</p>;
  return (
    <dl className="facts">
      {entries.map(([recipient, consent]) => (
        <div key={recipient} className="fact">
          <dt>{t(`consent.recipients.${recipient}`, { defaultValue: recipient })}</dt>
          <dd>
            {consent.withdrawn
              ? t('consent.withdrawn', { date: formatDate(consent.withdrawnOn, i18n.language) })
              : consent.given
                ? t('consent.given', { date: formatDate(consent.givenOn, i18n.language) })
                : t('consent.notGiven')}
          </dd>
        </div>
      ))}
    </dl>
  );
}
