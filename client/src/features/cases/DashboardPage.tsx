import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiStatus, PageHeading, useApi } from '../common';
import { NewCaseLink } from './NewCaseLink';
import { BarChart } from './BarChart';
import { useStageName, useGivenStageNames } from '../workflows';

/** The server's figures over every case the user may see (GET /api/case-stats), counted through the case rules. */
interface CaseStats {
  total: number;
  mine: number;
  overdue: number;
  perStage: Record<string, number>;
  overdueByStage: Record<string, number>;
}

/** Counts per stage and overdue cases over all the cases the user may see, as cards and bar charts. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { data, error, loading } = useApi<CaseStats>('/api/case-stats');
  // A stage an administrator added is named as she named it (the workflows' stageNames).
  const stageName = useStageName(undefined, useGivenStageNames());
  const bars = (counts: Record<string, number> | undefined) => Object.entries(counts ?? {}).map(([stage, value]) => ({ label: stageName(stage), value }));
  const perStage = bars(data?.perStage);
  const perDeadline = bars(data?.overdueByStage);

  return (
    <section aria-labelledby="dashboard-title">
      <PageHeading id="dashboard-title" actions={<NewCaseLink />}>
        {t('dashboard.title')}
      </PageHeading>
      <ApiStatus loading={loading} error={error} />
      <ul className="stat-cards">
        <li>
          <span className="stat">{data?.total ?? 0}</span> {t('dashboard.visibleCasesCount', { count: data?.total ?? 0 })}
        </li>
        <li>
          <span className="stat">{data?.mine ?? 0}</span> <Link to="/cases">{t('dashboard.myCases')}</Link>
        </li>
        <li>
          <span className="stat">{data?.overdue ?? 0}</span> {t('dashboard.overdueCasesCount', { count: data?.overdue ?? 0 })}
        </li>
      </ul>
      <div className="charts">
        <BarChart title={t('dashboard.perStage')} valueLabel={t('dashboard.cases')} bars={perStage} />
        <BarChart title={t('dashboard.overdueByStage')} valueLabel={t('dashboard.overdueCases')} bars={perDeadline} tone="danger" />
      </div>
    </section>
  );
}
