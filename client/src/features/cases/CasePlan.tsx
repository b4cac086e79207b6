import { useTranslation } from 'react-i18next';
import type { CasePlan as Plan } from '@contracts/cases/case.schemas';
import { formatDate } from '../common';

/** The plan of assistance: the person's own goals, actions per stop, review dates. */
export function CasePlan({ plan }: { plan?: Plan }) {
  const { t, i18n } = useTranslation();
  if (!plan) return <p>{t('caseDetail.noPlan')}</p>;
  const goals = plan.goals ?? [];
  return (
    <div className="plan">
      <h3>{t('plan.goals')}</h3>
      <p>{plan.ownGoals || '—'}</p>
      <h3>{t('plan.actions')}</h3>
      {goals.length ? (
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
            {goals.map((goal) => (
              <tr key={goal.id}>
                <td>{t(`plan.stops.${goal.stop}`, { defaultValue: goal.stop })}</td>
                <td>{goal.description}</td>
                <td>{goal.provider}</td>
                <td>{goal.owner ? t(`plan.owners.${goal.owner}`, { defaultValue: goal.owner }) : ''}</td>
                <td>{formatDate(goal.dueDate, i18n.language)}</td>
                <td>{t(`plan.statuses.${goal.status ?? 'planned'}`, { defaultValue: goal.status })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>—</p>
      )}
      {plan.nextReviewDate && (
        <p>
          <strong>{t('plan.nextReview')}:</strong> {formatDate(plan.nextReviewDate, i18n.language)}
        </p>
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
