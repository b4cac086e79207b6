import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '@contracts/cases/case-view.types';
import type { GrantAnswer, GrantIncreaseView, GrantProgramme, GrantView } from '@contracts/cases/grant.schemas';
import { apiSend } from '../../api/http';
import { ApiStatus, formatDate, useApi, ErrorMessage } from '../common';
import { asSubject, useSession } from '../session';
import { refusalOf, useMoney } from './grant-api';
import { DisbursementForm, IncreaseForm } from './GrantForms';

/**
 * The in-kind reintegration grant of a return programme (seed 003): the amount the programme of the case's country of
 * return grants per beneficiary, increases asked for with a reason and decided by a second person, disbursements
 * against the reintegration plan paid in the country's currency at the programme's rate, and the totals in CHF. Shown to those whose rules reach grants (the programme's staff).
 */
export function CaseGrant({ record }: { record: CaseView }) {
  const loaded = useApi<GrantAnswer>(`/api/cases/${encodeURIComponent(record.id)}/grant`);
  const [grant, setGrant] = useState<GrantView | null>();
  useEffect(() => setGrant(loaded.data?.grant), [loaded.data]);
  if (!loaded.data) return <ApiStatus loading={loaded.loading} error={loaded.error} />;
  if (!grant) return <OpenGrant caseId={record.id} answer={loaded.data} onOpened={setGrant} />;
  return <GrantDetails record={record} grant={grant} onChanged={setGrant} />;
}

/** What the country of return's programme grants, where disbursements are paid, and whether the grant may grow. */
function ProgrammeTerms({ programme }: { programme: GrantProgramme }) {
  const { t } = useTranslation();
  const money = useMoney(programme.currency);
  return (
    <>
      <p>{t('grant.perBeneficiary', { amount: money(programme.amountMinor) })}</p>
      {programme.localCurrency && programme.localCurrency !== programme.currency && <p>{t('grant.paidIn', { currency: programme.localCurrency })}</p>}
      <p>
        {!programme.increasable
          ? t('grant.notIncreasable')
          : programme.increaseMaxMinor === null
            ? t('grant.increasable')
            : t('grant.increasableUpTo', { amount: money(programme.increaseMaxMinor) })}
      </p>
    </>
  );
}

/** The country of return is the case's own (its return form records it): the grant is opened under that country's programme. */
function OpenGrant({ caseId, answer, onOpened }: { caseId: string; answer: GrantAnswer; onOpened: (grant: GrantView) => void }) {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  const { ability } = useSession();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const country = answer.returnCountry ? tw(`jurisdictions.${answer.returnCountry}.name`, { defaultValue: answer.returnCountry }) : null;
  const open = () => {
    setBusy(true);
    setError(undefined);
    apiSend<GrantView>('POST', `/api/cases/${encodeURIComponent(caseId)}/grant`, {})
      .then(onOpened, (failure: unknown) => setError(refusalOf(failure).message))
      .finally(() => setBusy(false));
  };
  return (
    <div className="grant-open">
      <p>{t('grant.notOpened')}</p>
      {country ? (
        <dl className="facts">
          <dt>{t('grant.country')}</dt>
          <dd>
            {country} <span className="hint">{t('grant.countryFromForm')}</span>
          </dd>
        </dl>
      ) : (
        <p>{t('grant.noReturnCountry')}</p>
      )}
      {country && !answer.programme && <p>{t('grant.noProgrammeFor', { country })}</p>}
      {answer.programme && <ProgrammeTerms programme={answer.programme} />}
      <ErrorMessage>{error}</ErrorMessage>
      {answer.programme && ability.can('create', 'ReintegrationGrant') && (
        <button type="button" className="primary" disabled={busy} onClick={open}>
          {t('grant.open')}
        </button>
      )}
    </div>
  );
}

function GrantDetails({ record, grant, onChanged }: { record: CaseView; grant: GrantView; onChanged: (grant: GrantView) => void }) {
  const { t, i18n } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  const { ability } = useSession();
  const money = useMoney(grant.currency);
  const mayChange = ability.can('update', asSubject('ReintegrationGrant', { orgId: grant.orgId }));
  const goals = record.plan?.goals ?? [];
  const goalName = (goalId: string) => {
    const goal = goals.find((g) => g.id === goalId);
    return goal ? [t(`plan.stops.${goal.stop}`, { defaultValue: goal.stop }), goal.description].filter(Boolean).join(': ') : goalId;
  };
  const { totals, today } = grant;
  const paidLocally = grant.paidLocal.filter((paid) => paid.currency !== grant.currency);
  return (
    <>
      <dl className="facts grant-totals" aria-label={t('grant.totals')}>
        <dt>{t('grant.country')}</dt>
        <dd>{tw(`jurisdictions.${grant.country}.name`, { defaultValue: grant.country })}</dd>
        <dt>{t('grant.granted')}</dt>
        <dd>{money(totals.granted)}</dd>
        <dt>{t('grant.increaseApproved')}</dt>
        <dd>{money(totals.increaseApproved)}</dd>
        {totals.increasePending > 0 && (
          <>
            <dt>{t('grant.increasePending')}</dt>
            <dd>{money(totals.increasePending)}</dd>
          </>
        )}
        <dt>{t('grant.disbursed')}</dt>
        <dd>{money(totals.disbursed)}</dd>
        {paidLocally.length > 0 && (
          <>
            <dt>{t('grant.paidLocal')}</dt>
            <dd>{paidLocally.map((paid) => money(paid.minor, paid.currency)).join(', ')}</dd>
          </>
        )}
        <dt>{t('grant.remaining')}</dt>
        <dd>
          <strong>{money(totals.remaining)}</strong>
        </dd>
        {today && (
          <>
            <dt>{t('grant.remainingLocal', { currency: today.remainingLocal.currency, date: formatDate(today.from, i18n.language) })}</dt>
            <dd>{money(today.remainingLocal.minor, today.remainingLocal.currency)}</dd>
          </>
        )}
      </dl>
      {grant.increases.length > 0 && (
        <>
          <h3>{t('grant.increases')}</h3>
          <ul className="grant-increases">
            {grant.increases.map((increase) => (
              <IncreaseItem key={increase.id} caseId={record.id} grant={grant} increase={increase} onChanged={onChanged} />
            ))}
          </ul>
        </>
      )}
      <h3>{t('grant.disbursements')}</h3>
      {grant.disbursements.length === 0 ? (
        <p>{t('grant.noDisbursements')}</p>
      ) : (
        <div className="table-scroll">
          <table className="grant-disbursements">
            <thead>
              <tr>
                <th scope="col">{t('grant.date')}</th>
                <th scope="col">{t('grant.amountPaid')}</th>
                <th scope="col">{t('grant.worth', { currency: grant.currency })}</th>
                <th scope="col">{t('grant.rate')}</th>
                <th scope="col">{t('grant.purpose')}</th>
                <th scope="col">{t('grant.recordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {grant.disbursements.map((d) => (
                <tr key={d.id}>
                  <td>{formatDate(d.date, i18n.language)}</td>
                  <td>{money(d.paid.minor, d.paid.currency)}</td>
                  <td>{money(d.grantMinor)}</td>
                  <td>{d.rate ? t('grant.rateValue', { base: grant.currency, rate: d.rate.rate, currency: d.paid.currency }) : '—'}</td>
                  <td>{[d.planGoal && goalName(d.planGoal), d.purpose].filter(Boolean).join(' — ')}</td>
                  <td>{d.recordedBy.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayChange && (
        <div className="grant-forms">
          <DisbursementForm caseId={record.id} grant={grant} onChanged={onChanged} goals={goals} />
          <IncreaseForm caseId={record.id} grant={grant} onChanged={onChanged} />
        </div>
      )}
    </>
  );
}

/** An increase with its reason and state; a second person (never the requester: four eyes) approves or declines it. */
function IncreaseItem({ caseId, grant, increase, onChanged }: { caseId: string; grant: GrantView; increase: GrantIncreaseView; onChanged: (grant: GrantView) => void }) {
  const { t, i18n } = useTranslation();
  const { ability } = useSession();
  const money = useMoney(grant.currency);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const mayDecide = increase.status === 'pending' && ability.can('approve', asSubject('GrantIncrease', { orgId: grant.orgId, requestedBy: increase.requestedBy.id }));
  const decide = (decision: 'approve' | 'decline') => {
    setBusy(true);
    setError(undefined);
    const url = `/api/cases/${encodeURIComponent(caseId)}/grant/increases/${encodeURIComponent(increase.id)}/decision`;
    apiSend<GrantView>('POST', url, { decision })
      .then(onChanged, (failure: unknown) => setError(refusalOf(failure).message))
      .finally(() => setBusy(false));
  };
  return (
    <li>
      <strong>{money(increase.amountMinor)}</strong> <span className="status-tag">{t(`grant.statuses.${increase.status}`)}</span>
      <p>{increase.reason}</p>
      <p className="hint">
        {t('grant.requestedBy', { name: increase.requestedBy.name, date: formatDate(increase.requestedAt, i18n.language) })}
        {increase.decidedBy && increase.decidedAt && <> · {t(`grant.decidedBy.${increase.status}`, { name: increase.decidedBy.name, date: formatDate(increase.decidedAt, i18n.language) })}</>}
      </p>
      {increase.status === 'pending' && !mayDecide && <p className="hint">{t('grant.fourEyes')}</p>}
      {mayDecide && (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => decide('approve')} aria-label={t('grant.approveLabel', { amount: money(increase.amountMinor) })}>
            {t('grant.approve')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => decide('decline')} aria-label={t('grant.declineLabel', { amount: money(increase.amountMinor) })}>
            {t('grant.decline')}
          </button>
        </div>
      )}
      <ErrorMessage>{error}</ErrorMessage>
    </li>
  );
}
