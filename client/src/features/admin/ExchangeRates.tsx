import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeRateView } from '@contracts/cases/grant.schemas';
import { isValidRate } from '@contracts/cases/money';
import { apiSend } from '../../api/http';
import { ApiStatus, ErrorMessage, formatDate, useApi } from '../common';
import { refusalOf } from '../cases';

interface ExchangeRatesAnswer {
  rates: ExchangeRateView[];
  mayEdit: boolean;
}

/**
 * A return programme's exchange rates (the organisation's parameter `exchangeRates`): disbursements of a
 * reintegration grant in a country of return's currency are converted at the rate in force on the day paid. The data
 * administrator adds a rate with the day it applies from; a correction is a new entry for the same day.
 */
export function ExchangeRates({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const url = `/api/organisations/${encodeURIComponent(orgId)}/exchange-rates`;
  const { data, error, loading } = useApi<ExchangeRatesAnswer>(url);
  const [answer, setAnswer] = useState<ExchangeRatesAnswer>();
  const shown = answer ?? data;
  if (!shown) return <ApiStatus loading={loading} error={error} />;
  // Only a programme with rates, or whoever may enter them, has anything to see here.
  if (shown.rates.length === 0 && !shown.mayEdit) return null;
  const id = `rates-${orgId}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t('grant.rates.title')}</h3>
      <p className="hint">{t('grant.rates.intro')}</p>
      {shown.rates.length === 0 ? (
        <p>{t('grant.rates.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('grant.currency')}</th>
                <th scope="col">{t('grant.rate')}</th>
                <th scope="col">{t('grant.rates.from')}</th>
                <th scope="col">{t('grant.rates.recordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.rates.map((rate) => (
                <tr key={`${rate.currency}/${rate.base}/${rate.from}`}>
                  <td>{rate.currency}</td>
                  <td>{t('grant.rateValue', { base: rate.base, rate: rate.rate, currency: rate.currency })}</td>
                  <td>{formatDate(rate.from, i18n.language)}</td>
                  <td>{rate.recordedBy?.name ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown.mayEdit && <AddRate url={url} onAdded={setAnswer} />}
    </section>
  );
}

function AddRate({ url, onAdded }: { url: string; onAdded: (answer: ExchangeRatesAnswer) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const empty = { currency: '', base: 'CHF', rate: '', from: new Date().toISOString().slice(0, 10) };
  const [values, setValues] = useState(empty);
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const rate = values.rate.trim().replace(',', '.');
    const invalid = [
      ...(/^[A-Z]{3}$/.test(values.currency) ? [] : ['currency']),
      ...(/^[A-Z]{3}$/.test(values.base) ? [] : ['base']),
      ...(isValidRate(rate) ? [] : ['rate']),
      ...(values.from ? [] : ['from']),
    ];
    setProblems(invalid);
    setMessage(undefined);
    setStatus(undefined);
    if (invalid.length > 0) return;
    setBusy(true);
    apiSend<ExchangeRatesAnswer>('POST', url, { ...values, rate })
      .then((answer) => {
        onAdded(answer);
        setValues(empty);
        setStatus(t('grant.rates.added'));
      }, (failure: unknown) => {
        const refusal = refusalOf(failure);
        setProblems(refusal.fields);
        setMessage(refusal.message);
      })
      .finally(() => setBusy(false));
  };
  const field = (name: 'currency' | 'base' | 'rate' | 'from', label: string, input: React.ReactNode) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {input}
      <ErrorMessage as="small" id={`${id}-${name}-problem`}>
        {problems.includes(name) ? t(`grant.problems.${name === 'base' ? 'currency' : name}`) : undefined}
      </ErrorMessage>
    </div>
  );
  const text = (name: 'currency' | 'base', upper = true) => (
    <input id={`${id}-${name}`} maxLength={3} value={values[name]} aria-invalid={problems.includes(name) ? true : undefined}
      onChange={(e) => setValues({ ...values, [name]: upper ? e.target.value.toUpperCase() : e.target.value })} />
  );
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="grant-form">
      <h4 id={`${id}-title`}>{t('grant.rates.add')}</h4>
      {field('currency', t('grant.currency'), text('currency'))}
      {field('base', t('grant.rates.base'), text('base'))}
      {field('rate', t('grant.rates.rateLabel', { base: values.base || 'CHF' }),
        <input id={`${id}-rate`} inputMode="decimal" value={values.rate} aria-invalid={problems.includes('rate') ? true : undefined} onChange={(e) => setValues({ ...values, rate: e.target.value })} />)}
      {field('from', t('grant.rates.from'),
        <input id={`${id}-from`} type="date" value={values.from} aria-invalid={problems.includes('from') ? true : undefined} onChange={(e) => setValues({ ...values, from: e.target.value })} />)}
      <ErrorMessage>{message}</ErrorMessage>
      <button type="submit" className="primary" disabled={busy}>
        {t('grant.rates.submit')}
      </button>
      {status && <p role="status">{status}</p>}
    </form>
  );
}
