import { useTranslation } from 'react-i18next';
import type { CaseDeadline } from '@contracts/cases/case-view.types';
import { deadlineKey } from '@contracts/workflows/i18n-keys.util';
import { formatDate, isPast } from '../common';
import { useStageName } from '../workflows';

/** The case's open deadlines and reminders, soonest first; overdue ones marked. */
export function CaseDeadlines({ workflowId, deadlines }: { workflowId?: string; deadlines: CaseDeadline[] }) {
  const { t, i18n } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  const stageName = useStageName(workflowId);
  if (deadlines.length === 0) return <p>{t('caseDetail.noDeadlines')}</p>;
  return (
    <ul className="deadlines">
      {[...deadlines]
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .map((deadline) => {
          const overdue = isPast(deadline.dueAt);
          const name = workflowId ? tw(deadlineKey(workflowId, deadline.deadlineId), { defaultValue: deadline.deadlineId }) : deadline.deadlineId;
          return (
            <li key={deadline.key} className={overdue ? 'overdue' : undefined}>
              <strong>{typeof name === 'string' ? name : deadline.deadlineId}</strong> ({stageName(deadline.stagePath)}){' '}
              <time dateTime={deadline.dueAt}>{formatDate(deadline.dueAt, i18n.language, true)}</time>
              {overdue && <span className="status-tag danger">{t('cases.overdue')}</span>}
            </li>
          );
        })}
    </ul>
  );
}
