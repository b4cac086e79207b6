import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format';
import type { CasePlan as Plan } from './case.types';

/** The plan of assistance: the person's own goals, actions per stop, review dates. */
export function CasePlan({ plan }: { plan?: Plan }) {
  const { t, i18n } = useTranslation();
  if (!plan) return <p>{t('caseDetail.noPlan')}</p>;
  const goals = Array.isArray(plan.goals) ? plan.goals : plan.goals ? [plan.goals] : [];
  return (
    <div className="plan">
      <h3>{t('plan.goals')}</h3>
      {goals.length ? (
        <ul>
          {goals.map((goal) => (
            <li key={goal}>{goal}</li>
          ))}
        </ul>
      ) : (
        <p>—</p>
      )}
      <h3>{t('plan.actions')}</h3>
      {plan.actions?.length ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('plan.stop')}</th>
              <th scope="col">{t('plan.action')}</th>
              <th scope="col">{t('plan.provider')}</th>
              <th scope="col">{t('plan.owner')}</th>
              <th scope="col">{t('plan.due')}</th>
              <th scope="col">{t('plan.status')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.actions.map((action, index) => (
              <tr key={action.id ?? index}>
                <td>{action.stop}</td>
                <td>{action.action}</td>
                <td>{action.provider}</td>
                <td>{action.owner}</td>
                <td>{formatDate(action.due, i18n.language)}</td>
                <td>{action.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>—</p>
      )}
      {plan.reviewDates?.length ? (
        <>
          <h3>{t('plan.reviews')}</h3>
          <ul>
            {plan.reviewDates.map((date) => (
              <li key={date}>{formatDate(date, i18n.language)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
