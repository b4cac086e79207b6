import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseList, CaseSummary } from '@contracts/cases/case-view.types';
import { ApiStatus, formatDate, PageHeading, useApi } from '../common';
import { NewCaseLink } from './NewCaseLink';
import { ExportCsvButton } from '../export';
import { topStages } from './case-position';
import { allCases, CASE_PAGE_SIZE, caseItems, casesUrl, EMPTY_FILTER, type CaseFilter } from './cases.api';
import { CaseFilters } from './CaseFilters';
import { useStageName, useGivenStageNames } from '../workflows';

const SEARCH_DELAY_MS = 300;

/** The filter as the server gets it: typing in the search box asks the server once the typing pauses. */
function useSettledFilter(filter: CaseFilter): CaseFilter {
  const [settled, setSettled] = useState(filter);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(filter), filter.q === settled.q ? 0 : SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filter, settled.q]);
  return settled;
}

/** Cases the user may see, filtered and paged by the server; stages offered are those cases are in (case-stats). */
export function CaseListPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<CaseFilter>(EMPTY_FILTER);
  const [page, setPage] = useState(1);
  const query = useSettledFilter(filter);
  useEffect(() => setPage(1), [query]);
  const { data, error, loading } = useApi<CaseList>(casesUrl(query, page));
  const rows = useMemo(() => caseItems(data), [data]);
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / CASE_PAGE_SIZE));
  const stats = useApi<{ perStage: Record<string, number> }>('/api/case-stats');
  // A stage an administrator added is named as she named it (the workflows' stageNames).
  const stageName = useStageName(undefined, useGivenStageNames());
  const stages = Object.keys(stats.data?.perStage ?? {}).map((id) => ({ id, label: stageName(id) }));

  const exportRow = (record: CaseSummary) => ({
    ...record,
    stage: topStages(record).map(stageName).join('; '),
    overdue: record.overdue ? t('common.yes') : '',
  });
  const columns = [
    { key: 'reference', label: t('cases.reference') },
    { key: 'alias', label: t('cases.alias') },
    { key: 'stage', label: t('cases.stage') },
    { key: 'overdue', label: t('cases.overdue') },
    { key: 'updatedAt', label: t('cases.updated') },
  ];

  return (
    <section aria-labelledby="cases-title">
      <PageHeading
        id="cases-title"
        actions={
          <>
            <NewCaseLink />
            <ExportCsvButton filename="cases.csv" rows={rows.map(exportRow)} loadRows={async () => (await allCases(query)).map(exportRow)} columns={columns} />
          </>
        }
      >
        {t('cases.title')}
      </PageHeading>
      <CaseFilters filter={filter} stages={stages} onChange={setFilter} />
      <ApiStatus loading={loading} error={error} />
      <p role="status" aria-live="polite">
        {t('cases.count', { count: total })}
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
                  <td>{topStages(record).map(stageName).join(', ')}</td>
                  <td>{record.overdue ? <strong className="overdue">{t('cases.overdueSince', { date: formatDate(record.nextDueAt ?? undefined, i18n.language) })}</strong> : '—'}</td>
                  <td>{formatDate(record.updatedAt, i18n.language)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t('cases.pages')}>
          <button type="button" disabled={page <= 1 || loading} onClick={() => setPage(page - 1)}>
            {t('common.previous')}
          </button>
          <span aria-current="page">{t('common.pageOf', { page, pages })}</span>
          <button type="button" disabled={page >= pages || loading} onClick={() => setPage(page + 1)}>
            {t('common.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
