import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '@contracts/cases/case-view.types';
import { taskIsFor } from '@contracts/cases/case-tasks';
import { roleKey } from '@contracts/workflows/i18n-keys.util';
import { apiSend, ApiError } from '../../api/http';
import { formatDate, isPast, ErrorMessage } from '../common';
import { asSubject, useSession } from '../session';

/**
 * The tasks the workflow gave this case (reviews, appointing a representative, booking travel…), open ones first,
 * each with the role it falls to and its due date; users who may update the case's workflow mark them done, but only
 * their own organisation's tasks (a referral's receiver has its own task on the sender's case).
 */
export function CaseTasks({ record, onChanged }: { record: CaseView; onChanged: (updated: CaseView) => void }) {
  const { t, i18n } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  const { ability, session } = useSession();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const tasks = [...(record.workflow?.tasks ?? [])].sort((a, b) => (a.status === b.status ? (a.dueAt ?? '~').localeCompare(b.dueAt ?? '~') : a.status === 'open' ? -1 : 1));
  if (tasks.length === 0) return <p>{t('caseDetail.noTasks')}</p>;
  const mayComplete = ability.can('update', asSubject('Case', record), 'workflow');
  const complete = (taskId: string) => {
    setBusy(taskId);
    setError(undefined);
    apiSend<CaseView>('POST', `/api/cases/${encodeURIComponent(record.id)}/tasks/${encodeURIComponent(taskId)}/done`, { version: record.version })
      .then(onChanged, (failure: unknown) => setError(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure)))
      .finally(() => setBusy(undefined));
  };
  return (
    <>
      <ErrorMessage>{error}</ErrorMessage>
      <ul className="tasks">
        {tasks.map((task) => {
          const title = t(task.titleKey, { defaultValue: task.titleKey });
          const overdue = task.status === 'open' && task.dueAt !== null && isPast(task.dueAt);
          const ours = session ? taskIsFor(task, record.orgId, session.org.id) : false;
          return (
            <li key={task.id} className={task.status === 'done' ? 'done' : overdue ? 'overdue' : undefined}>
              <strong>{title}</strong> ({tw(roleKey(task.role), { defaultValue: task.role })})
              {task.dueAt && (
                <>
                  {' '}
                  {t('caseDetail.taskDue')} <time dateTime={task.dueAt}>{formatDate(task.dueAt, i18n.language)}</time>
                </>
              )}
              {overdue && <span className="status-tag danger">{t('cases.overdue')}</span>}
              {task.status === 'done' ? (
                <span className="status-tag">{t('caseDetail.taskDone')}</span>
              ) : !ours ? (
                <span className="status-tag">{t('caseDetail.taskOfOtherOrganisation')}</span>
              ) : (
                mayComplete && (
                  <button type="button" disabled={busy !== undefined} onClick={() => complete(task.id)} aria-label={t('caseDetail.completeTask', { task: title })}>
                    {t('caseDetail.complete')}
                  </button>
                )
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
