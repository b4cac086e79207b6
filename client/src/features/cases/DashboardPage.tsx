import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiStatus } from '../common/ApiStatus';
import { PageHeading } from '../common/PageHeading';
import { useApi } from '../common/use-api';
import { useSession } from '../session/session-context';
import { BarChart } from './BarChart';
import { topStages } from './case-position';
import type { CaseSummary } from './case.types';
import { caseItems, casesUrl } from './cases.api';
import { useStageName } from './StageName';

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Counts per stage and overdue cases over the cases the user may see (computed from the case list). */
export function DashboardPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { data, error, loading } = useApi<{ items: CaseSummary[] }>(casesUrl({ scope: 'all' }));
  const cases = useMemo(() => caseItems(data), [data]);
  const stageName = useStageName(undefined);
  const perStage = [...countBy(cases.flatMap(topStages))].map(([stage, value]) => ({ label: stageName(stage), value }));
  const overdue = cases.filter((record) => record.overdue);
  const perDeadline = [...countBy(overdue.flatMap(topStages))].map(([stage, value]) => ({ label: stageName(stage), value }));
  const mine = cases.filter((record) => record.assignees?.includes(session?.user.id ?? '')).length;

  return (
    <section aria-labelledby="dashboard-title">
      <PageHeading id="dashboard-title">{t('dashboard.title')}</PageHeading>
      <ApiStatus loading={loading} error={error} />
      <ul className="stat-cards">
        <li>
          <span className="stat">{cases.length}</span> {t('dashboard.visibleCases')}
        </li>
        <li>
          <span className="stat">{mine}</span> <Link to="/cases">{t('dashboard.myCases')}</Link>
        </li>
        <li>
          <span className="stat">{overdue.length}</span> {t('dashboard.overdueCases')}
        </li>
      </ul>
      <div className="charts">
        <BarChart title={t('dashboard.perStage')} valueLabel={t('dashboard.cases')} bars={perStage} />
        <BarChart title={t('dashboard.overdueByStage')} valueLabel={t('dashboard.overdueCases')} bars={perDeadline} tone="danger" />
      </div>
    </section>
  );
}
