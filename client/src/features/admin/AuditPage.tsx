import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '@contracts/audit/audit-entry-view.types';
import { ApiStatus } from '../common/ApiStatus';
import { formatDate } from '../common/format';
import { PageHeading } from '../common/PageHeading';
import { useApi } from '../common/use-api';
import { ExportCsvButton } from '../export/ExportCsvButton';
import { AuditNameCell, auditNameText } from './AuditName';

const PAGE = 50;

/**
 * The audit log for auditors and administrators (`GET /api/audit`), filterable by action and subject type, paged.
 * People and records come named by the server as this reader may see them (withheld otherwise), never as raw ids.
 */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [action, setAction] = useState('');
  const [subjectType, setSubjectType] = useState('');
  const [skip, setSkip] = useState(0);
  const params = new URLSearchParams({ limit: String(PAGE), skip: String(skip) });
  if (action) params.set('action', action);
  if (subjectType) params.set('subjectType', subjectType);
  const { data, error, loading } = useApi<{ items: AuditEntryView[]; total: number }>(`/api/audit?${params.toString()}`);
  const rows = data?.items ?? [];
  const typeName = (type: string) => t(`audit.types.${type}`, { defaultValue: type });
  const csvRows = rows.map((entry) => ({
    at: entry.at,
    action: entry.action,
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
          <input id={`${id}-action`} value={action} onChange={(event) => { setSkip(0); setAction(event.target.value); }} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-subject`}>{t('audit.subjectType')}</label>
          <input id={`${id}-subject`} value={subjectType} onChange={(event) => { setSkip(0); setSubjectType(event.target.value); }} />
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
              <td>{entry.action}</td>
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
