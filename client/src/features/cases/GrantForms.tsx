import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePlan } from '@contracts/cases/case.schemas';
import type { GrantView } from '@contracts/cases/grant.schemas';
import { currencyExponent, parseDecimalToMinor } from '@contracts/cases/money';
import { apiSend } from '../../api/http';
import { refusalOf } from './grant-api';
import { ErrorMessage } from '../common';

interface FormProps {
  caseId: string;
  grant: GrantView;
  onChanged: (grant: GrantView) => void;
}

/** A field with its label, and the problem the server found with it beside it. */
function Field({ id, label, problem, children }: { id: string; label: string; problem?: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <ErrorMessage as="small" id={`${id}-problem`}>
        {problem}
      </ErrorMessage>
    </div>
  );
}

/** Sends a form's body and shows what the server refused, at the form and at the fields it names. */
function useSubmit(url: string, onDone: (grant: GrantView) => void) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; fields: string[] }>();
  const send = (body: object, invalid: string[] = []) => {
    // What the form can tell at once is shown at the fields before anything is sent (the server checks again).
    if (invalid.length > 0) {
      setRefusal({ message: '', fields: invalid });
      return Promise.resolve(false);
    }
    setBusy(true);
    setRefusal(undefined);
    return apiSend<GrantView>('POST', url, body)
      .then((grant) => {
        onDone(grant);
        return true;
      }, (failure: unknown) => {
        // The API names the amount in minor units (`amountMinor`); the form's field is the amount as typed.
        const refusal = refusalOf(failure);
        setRefusal({ ...refusal, fields: refusal.fields.map((field) => (field === 'amountMinor' ? 'amount' : field)) });
        return false;
      })
      .finally(() => setBusy(false));
  };
  return { busy, refusal, send };
}

/** The typed amount in the currency's minor units (read digit by digit, no float), or null if it is no amount above zero. */
function minorOf(text: string, currency: string): number | null {
  const minor = parseDecimalToMinor(text, currencyExponent(currency));
  return minor !== null && minor > 0 ? minor : null;
}

/**
 * Records what was given from the grant: the amount in the currency it was paid in (the country of return's, converted
 * by the server at the programme's rate in force that day, or the grant's own), the date, and what for.
 */
export function DisbursementForm({ caseId, grant, onChanged, goals }: FormProps & { goals: NonNullable<CasePlan['goals']> }) {
  const { t } = useTranslation();
  const id = useId();
  const currencies = [...new Set([grant.localCurrency, grant.currency].filter((c): c is string => Boolean(c)))];
  const empty = { amount: '', currency: currencies[0]!, date: new Date().toISOString().slice(0, 10), purpose: '', planGoal: '' };
  const [values, setValues] = useState(empty);
  const { busy, refusal, send } = useSubmit(`/api/cases/${encodeURIComponent(caseId)}/grant/disbursements`, onChanged);
  const problem = (field: string) => (refusal?.fields.includes(field) ? t(`grant.problems.${field}`) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { planGoal, amount, ...rest } = values;
    const amountMinor = minorOf(amount, rest.currency);
    const invalid = [...(amountMinor === null ? ['amount'] : []), ...(rest.date ? [] : ['date']), ...(rest.purpose.trim() ? [] : ['purpose'])];
    void send({ ...rest, amountMinor, ...(planGoal ? { planGoal } : {}) }, invalid).then((ok) => ok && setValues(empty));
  };
  const amountProblem = problem('amount');
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="grant-form">
      <h3 id={`${id}-title`}>{t('grant.disburseTitle')}</h3>
      <Field id={`${id}-amount`} label={t('grant.amount')} problem={amountProblem}>
        <input id={`${id}-amount`} inputMode="decimal" value={values.amount} aria-invalid={amountProblem ? true : undefined} onChange={(e) => setValues({ ...values, amount: e.target.value })} />
      </Field>
      <Field id={`${id}-currency`} label={t('grant.currency')}>
        <select id={`${id}-currency`} value={values.currency} onChange={(e) => setValues({ ...values, currency: e.target.value })}>
          {currencies.map((currency) => (
            <option key={currency} value={currency}>
              {currency}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-date`} label={t('grant.date')} problem={problem('date')}>
        <input id={`${id}-date`} type="date" value={values.date} onChange={(e) => setValues({ ...values, date: e.target.value })} />
      </Field>
      {goals.length > 0 && (
        <Field id={`${id}-goal`} label={t('grant.planGoal')}>
          <select id={`${id}-goal`} value={values.planGoal} onChange={(e) => setValues({ ...values, planGoal: e.target.value })}>
            <option value="">{t('grant.noPlanGoal')}</option>
            {goals.map((goal) => (
              <option key={goal.id} value={goal.id}>
                {[t(`plan.stops.${goal.stop}`, { defaultValue: goal.stop }), goal.description].filter(Boolean).join(': ')}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id={`${id}-purpose`} label={t('grant.purpose')} problem={problem('purpose')}>
        <input id={`${id}-purpose`} maxLength={500} value={values.purpose} onChange={(e) => setValues({ ...values, purpose: e.target.value })} />
      </Field>
      <ErrorMessage>{refusal?.message}</ErrorMessage>
      <button type="submit" className="primary" disabled={busy}>
        {t('grant.disburse')}
      </button>
    </form>
  );
}

/** Asks for an increase of the grant, with the reason (the reintegration plan, the service provider's advice). */
export function IncreaseForm({ caseId, grant, onChanged }: FormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState({ amount: '', reason: '' });
  const { busy, refusal, send } = useSubmit(`/api/cases/${encodeURIComponent(caseId)}/grant/increases`, onChanged);
  const problem = (field: string) => (refusal?.fields.includes(field) ? t(`grant.problems.${field}`) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amountMinor = minorOf(values.amount, grant.currency);
    const invalid = [...(amountMinor === null ? ['amount'] : []), ...(values.reason.trim() ? [] : ['reason'])];
    void send({ amountMinor, reason: values.reason }, invalid).then((ok) => ok && setValues({ amount: '', reason: '' }));
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="grant-form">
      <h3 id={`${id}-title`}>{t('grant.increaseTitle')}</h3>
      <Field id={`${id}-amount`} label={t('grant.amountIn', { currency: grant.currency })} problem={problem('amount')}>
        <input id={`${id}-amount`} inputMode="decimal" value={values.amount} aria-invalid={problem('amount') ? true : undefined} onChange={(e) => setValues({ ...values, amount: e.target.value })} />
      </Field>
      <Field id={`${id}-reason`} label={t('grant.reason')} problem={problem('reason')}>
        <textarea id={`${id}-reason`} maxLength={1000} rows={3} value={values.reason} onChange={(e) => setValues({ ...values, reason: e.target.value })} />
      </Field>
      <ErrorMessage>{refusal?.message}</ErrorMessage>
      <button type="submit" disabled={busy}>
        {t('grant.requestIncrease')}
      </button>
    </form>
  );
}
