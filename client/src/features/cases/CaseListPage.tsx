import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiStatus } from '../common/ApiStatus';
import { formatDate } from '../common/format';
import { PageHeading } from '../common/PageHeading';
import { useApi } from '../common/use-api';
import { ExportCsvButton } from '../export/ExportCsvButton';
import { useSession } from '../session/session-context';
import { leafStages, topStages } from './case-position';
import type { CaseSummary } from './case.types';
import { caseItems, casesUrl, EMPTY_FILTER, type CaseFilter } from './cases.api';
import { CaseFilters } from './CaseFilters';
import { filterCases } from './filter-cases';
import { useStageName } from './StageName';

export function CaseListPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [filter, setFilter] = useState<CaseFilter>(EMPTY_FILTER);
  const { data, error, loading } = useApi<{ items: CaseSummary[] }>(casesUrl({ scope: filter.scope }));
  const all = useMemo(() => caseItems(data), [data]);
  const rows = useMemo(() => filterCases(all, filter, session?.user.id ?? ''), [all, filter, session]);
  const stageName = useStageName(undefined);
  const stages = [...new Set(all.flatMap(topStages))].map((id) => ({ id, label: stageName(id) }));

  const exportRows = rows.map((record) => ({
    ...record,
    stage: leafStages(record).map(stageName).join('; '),
    overdue: record.overdue ? t('common.yes') : '',
  }));
  const columns = [
    { key: 'reference', label: t('cases.reference') },
    { key: 'alias', label: t('cases.alias') },
    { key: 'stage', label: t('cases.stage') },
    { key: 'overdue', label: t('cases.overdue') },
    { key: 'updatedAt', label: t('cases.updated') },
  ];

  return (
    <section aria-labelledby="cases-title">
      <PageHeading id="cases-title" actions={<ExportCsvButton filename="cases.csv" rows={exportRows} columns={columns} />}>
        {t('cases.title')}
      </PageHeading>
      <CaseFilters filter={filter} stages={stages} onChange={setFilter} />
      <ApiStatus loading={loading} error={error} />
      <p role="status" aria-live="polite">
        {t('cases.count', { count: rows.length })}
      </p>
      {rows.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('cases.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.reference')}</th>
              <th scope="col">{t('cases.alias')}</th>
              <th scope="col">{t('cases.stage')}</th>
              <th scope="col">{t('cases.overdue')}</th>
              <th scope="col">{t('cases.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((record) => {
              return (
                <tr key={record.id}>
                  <td>
                    <Link to={`/cases/${record.id}`}>{record.reference ?? record.id}</Link>
                  </td>
                  <td>{record.alias ?? '—'}</td>
                  <td>{leafStages(record).map(stageName).join(', ')}</td>
                  <td>{record.overdue ? <strong className="overdue">{t('cases.overdueSince', { date: formatDate(record.nextDueAt ?? undefined, i18n.language) })}</strong> : '—'}</td>
                  <td>{formatDate(record.updatedAt, i18n.language)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
