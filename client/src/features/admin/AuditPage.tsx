import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '@contracts/audit/audit-entry-view.types';
import { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES } from '@contracts/audit/audit-actions';
import { itemsOf } from '../../api/http';
import { ApiStatus, formatDate, PageHeading, useApi } from '../common';
import { ExportCsvButton } from '../export';
import { useSession } from '../session';
import { AuditNameCell, auditNameText } from './AuditName';

const PAGE = 50;

/** The periods the log can be narrowed to, in days back from today (today included). */
const PERIODS = ['1', '7', '30', '365'] as const;

/** The start of the period: local midnight `days - 1` days ago, as the ISO time the API takes. */
function periodStart(days: string, now = new Date()): string {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (Number(days) - 1));
  return start.toISOString();
}

/**
 * The audit log for auditors and administrators (`GET /api/audit`), paged, narrowed by choices from lists: the
 * action (every action the platform records, in words), the person (the users this reader may see), the kind of
 * record and a period. People and records come named by the server as this reader may see them (withheld
 * otherwise), never as raw ids.
 */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [action, setAction] = useState('');
  const [subjectType, setSubjectType] = useState('');
  const [userId, setUserId] = useState('');
  const [period, setPeriod] = useState('');
  const [skip, setSkip] = useState(0);
  const { ability } = useSession();
  const users = useApi<Array<{ id: string; name?: string; email?: string }>>(ability.can('read', 'User') ? '/api/users' : null);
  const people = itemsOf(users.data)
    .map((user) => ({ id: user.id, label: user.name && user.email ? `${user.name} (${user.email})` : (user.name ?? user.email ?? user.id) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const params = new URLSearchParams({ limit: String(PAGE), skip: String(skip) });
  if (action) params.set('action', action);
  if (subjectType) params.set('subjectType', subjectType);
  if (userId) params.set('userId', userId);
  // The start of the day the period begins, fixed while the page is open so that paging does not move it.
  const [periodFrom, setPeriodFrom] = useState('');
  if (periodFrom) params.set('from', periodFrom);
  const { data, error, loading } = useApi<{ items: AuditEntryView[]; total: number }>(`/api/audit?${params.toString()}`);
  const rows = data?.items ?? [];
  const typeName = (type: string) => t(`audit.types.${type}`, { defaultValue: type });
  const actionName = (name: string) => t(`audit.actions.${name}`, { defaultValue: name });
  const choose = (set: (value: string) => void) => (event: { target: { value: string } }) => {
    setSkip(0);
    set(event.target.value);
  };
  const csvRows = rows.map((entry) => ({
    at: entry.at,
    action: actionName(entry.action),
    subjectType: typeName(entry.subjectType),
    subject: auditNameText(entry.subject, t),
    who: auditNameText(entry.who, t, t('audit.system')),
  }));
  return (
    <section aria-labelledby="audit-title">
      <PageHeading
        id="audit-title"
        actions={
          <ExportCsvButton
            filename="audit.csv"
            rows={csvRows}
            columns={[
              { key: 'at', label: t('audit.at') },
              { key: 'action', label: t('audit.action') },
              { key: 'subjectType', label: t('audit.subjectType') },
              { key: 'subject', label: t('audit.subjectId') },
              { key: 'who', label: t('audit.userId') },
            ]}
          />
        }
      >
        {t('audit.title')}
      </PageHeading>
      <form className="filters" role="search" aria-label={t('cases.filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-action`}>{t('audit.action')}</label>
          <select id={`${id}-action`} value={action} onChange={choose(setAction)}>
            <option value="">{t('audit.anyAction')}</option>
            {[...AUDIT_ACTIONS]
              .sort((a, b) => actionName(a).localeCompare(actionName(b), i18n.language))
              .map((name) => (
                <option key={name} value={name}>
                  {actionName(name)}
                </option>
              ))}
          </select>
        </div>
        {people.length > 0 && (
          <div className="field">
            <label htmlFor={`${id}-person`}>{t('audit.person')}</label>
            <select id={`${id}-person`} value={userId} onChange={choose(setUserId)}>
              <option value="">{t('audit.anyPerson')}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-subject`}>{t('audit.subjectType')}</label>
          <select id={`${id}-subject`} value={subjectType} onChange={choose(setSubjectType)}>
            <option value="">{t('audit.anyType')}</option>
            {AUDIT_SUBJECT_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeName(type)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-period`}>{t('audit.period')}</label>
          <select
            id={`${id}-period`}
            value={period}
            onChange={choose((value) => {
              setPeriod(value);
              setPeriodFrom(value ? periodStart(value) : '');
            })}
          >
            <option value="">{t('audit.anyTime')}</option>
            {PERIODS.map((days) => (
              <option key={days} value={days}>
                {days === '1' ? t('audit.today') : t('audit.lastDays', { count: Number(days) })}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ApiStatus loading={loading} error={error} />
      {data && <p role="status">{t('audit.showing', { from: rows.length ? skip + 1 : 0, to: skip + rows.length, total: data.total })}</p>}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.subjectType')}</th>
            <th scope="col">{t('audit.subjectId')}</th>
            <th scope="col">{t('audit.userId')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => (
            <tr key={entry._id}>
              <td>{formatDate(entry.at, i18n.language, true)}</td>
              <td>{actionName(entry.action)}</td>
              <td>{typeName(entry.subjectType)}</td>
              <td>
                <AuditNameCell name={entry.subject} />
              </td>
              <td>
                <AuditNameCell name={entry.who} none={t('audit.system')} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pager">
        <button type="button" disabled={skip === 0} onClick={() => setSkip(Math.max(0, skip - PAGE))}>
          {t('common.previous')}
        </button>
        <button type="button" disabled={!data || skip + PAGE >= data.total} onClick={() => setSkip(skip + PAGE)}>
          {t('common.next')}
        </button>
      </div>
    </section>
  );
}
