import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePlan } from '@contracts/cases/case.schemas';
import type { GrantView } from '@contracts/cases/grant.schemas';
import { apiSend } from '../../api/http';
import { refusalOf } from './grant-api';
import { ErrorMessage } from '../common/ErrorMessage';

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
        setRefusal(refusalOf(failure));
        return false;
      })
      .finally(() => setBusy(false));
  };
  return { busy, refusal, send };
}

const amountOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')));
/** The rule the server applies too: above zero, at most two decimals. */
const validAmount = (amount: number) => Number.isFinite(amount) && amount > 0 && Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;

/** Records what was given from the grant: amount, currency, date, and what for (a goal of the plan, if any). */
export function DisbursementForm({ caseId, grant, onChanged, goals }: FormProps & { goals: NonNullable<CasePlan['goals']> }) {
  const { t } = useTranslation();
  const id = useId();
  const empty = { amount: '', currency: grant.currency, date: new Date().toISOString().slice(0, 10), purpose: '', planGoal: '' };
  const [values, setValues] = useState(empty);
  const { busy, refusal, send } = useSubmit(`/api/cases/${encodeURIComponent(caseId)}/grant/disbursements`, onChanged);
  const problem = (field: string) => (refusal?.fields.includes(field) ? t(`grant.problems.${field}`) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { planGoal, amount, ...rest } = values;
    const invalid = [
      ...(validAmount(amountOf(amount)) ? [] : ['amount']),
      ...(/^[A-Z]{3}$/.test(rest.currency) ? [] : ['currency']),
      ...(rest.date ? [] : ['date']),
      ...(rest.purpose.trim() ? [] : ['purpose']),
    ];
    void send({ ...rest, amount: amountOf(amount), ...(planGoal ? { planGoal } : {}) }, invalid).then((ok) => ok && setValues(empty));
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="grant-form">
      <h3 id={`${id}-title`}>{t('grant.disburseTitle')}</h3>
      <Field id={`${id}-amount`} label={t('grant.amount')} problem={problem('amount')}>
        <input id={`${id}-amount`} inputMode="decimal" value={values.amount} aria-invalid={problem('amount') ? true : undefined} onChange={(e) => setValues({ ...values, amount: e.target.value })} />
      </Field>
      <Field id={`${id}-currency`} label={t('grant.currency')} problem={problem('currency')}>
        <input id={`${id}-currency`} maxLength={3} value={values.currency} onChange={(e) => setValues({ ...values, currency: e.target.value.toUpperCase() })} />
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
export function IncreaseForm({ caseId, onChanged }: FormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState({ amount: '', reason: '' });
  const { busy, refusal, send } = useSubmit(`/api/cases/${encodeURIComponent(caseId)}/grant/increases`, onChanged);
  const problem = (field: string) => (refusal?.fields.includes(field) ? t(`grant.problems.${field}`) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = [...(validAmount(amountOf(values.amount)) ? [] : ['amount']), ...(values.reason.trim() ? [] : ['reason'])];
    void send({ amount: amountOf(values.amount), reason: values.reason }, invalid).then((ok) => ok && setValues({ amount: '', reason: '' }));
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="grant-form">
      <h3 id={`${id}-title`}>{t('grant.increaseTitle')}</h3>
      <Field id={`${id}-amount`} label={t('grant.amount')} problem={problem('amount')}>
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
