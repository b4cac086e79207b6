import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CaseView } from '@contracts/cases/case-view.types';
import { ApiStatus, formatDate, useApi } from '../common';
import { CasePlan } from './CasePlan';
import { RoadMap } from './RoadMap';
import { PlanPdfLink } from './PlanPdfLink';

/**
 * The plan of assistance as a printable page in the chosen language: the browser's "Print → Save as PDF" with the
 * print stylesheet (navigation hidden). Only the fields the server sent are shown. The server-made PDF
 * (`PlanPdfLink`) is the same plan as a file, with fonts embedded for every staff language.
 */
export function PlanPrintPage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useApi<CaseView>(`/api/cases/${encodeURIComponent(caseId)}`);
  return (
    <article aria-labelledby="plan-print-title" className="print-page">
      <p className="no-print">
        <Link to={`/cases/${caseId}`}>{t('common.back')}</Link>{' '}
        <button type="button" onClick={() => window.print()}>
          {t('plan.printNow')}
        </button>{' '}
        {data && <PlanPdfLink record={data} />}
      </p>
      <h1 id="plan-print-title">{t('plan.title')}</h1>
      <ApiStatus loading={loading} error={error} />
      {data && (
        <>
          <dl className="facts">
            <dt>{t('cases.reference')}</dt>
            <dd>{data.reference ?? data.id}</dd>
            {data.alias && (
              <>
                <dt>{t('cases.alias')}</dt>
                <dd>{data.alias}</dd>
              </>
            )}
            <dt>{t('plan.printedOn')}</dt>
            <dd>{formatDate(new Date().toISOString(), i18n.language)}</dd>
          </dl>
          <RoadMap plan={data.plan} integration={data.integration} />
          <CasePlan plan={data.plan} />
        </>
      )}
    </article>
  );
}
