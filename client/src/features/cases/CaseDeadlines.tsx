import { useTranslation } from 'react-i18next';
import { formatDate, isPast } from '../common/format';
import type { CaseDeadline } from './case.types';

export function CaseDeadlines({ workflowId, deadlines }: { workflowId?: string; deadlines: CaseDeadline[] }) {
  const { t, i18n } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  if (deadlines.length === 0) return <p>{t('caseDetail.noDeadlines')}</p>;
  return (
    <ul className="deadlines">
      {[...deadlines]
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .map((deadline) => {
          const overdue = !deadline.done && isPast(deadline.dueAt);
          return (
            <li key={`${deadline.stage ?? ''}-${deadline.id}`} className={overdue ? 'overdue' : undefined}>
              <strong>{workflowId ? tw(`${workflowId}.deadlines.${deadline.id}`, { defaultValue: deadline.id }) : deadline.id}</strong>{' '}
              <time dateTime={deadline.dueAt}>{formatDate(deadline.dueAt, i18n.language, true)}</time>
              {overdue && <span className="badge danger">{t('cases.overdue')}</span>}
              {deadline.done && <span className="badge">{t('caseDetail.done')}</span>}
            </li>
          );
        })}
    </ul>
  );
}
