import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiStatus } from '../common/ApiStatus';
import { PageHeading } from '../common/PageHeading';
import { useApi } from '../common/use-api';
import { StageGraph } from '../workflows/StageGraph';
import { useWorkflowDefinition } from '../workflows/use-workflow';
import { activeStages } from './case-position';
import type { CaseRecord } from './case.types';
import { CaseConsents } from './CaseConsents';
import { CaseDeadlines } from './CaseDeadlines';
import { CaseEvents } from './CaseEvents';
import { CasePlan } from './CasePlan';
import { CaseTimeline } from './CaseTimeline';
import { ServiceTracks } from './ServiceTracks';
import { useStageName } from './StageName';

export function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  const loaded = useApi<CaseRecord>(`/api/cases/${encodeURIComponent(caseId)}`);
  const [record, setRecord] = useState<CaseRecord>();
  useEffect(() => setRecord(loaded.data), [loaded.data]);
  const workflow = useWorkflowDefinition(record?.workflow?.id, record?.workflow?.version);
  const stageName = useStageName(record?.workflow?.id);
  const current = record ? activeStages(record) : [];
  const nested = workflow.definition
    ? [...new Set(current.map((path) => path.split('/')[0]!))].filter((id) => {
        const type = workflow.definition!.stages[id]?.type;
        return type === 'parallel' || type === 'compound';
      })
    : [];

  return (
    <section aria-labelledby="case-title">
      <PageHeading
        id="case-title"
        actions={
          record && (
            <Link className="button" to={`/cases/${caseId}/plan`}>
              {t('plan.print')}
            </Link>
          )
        }
      >
        {t('caseDetail.title', { reference: record?.reference ?? caseId })}
      </PageHeading>
      <ApiStatus loading={loaded.loading} error={loaded.error} />
      {record && (
        <div className="case-grid">
          <section aria-labelledby="position-title" className="panel wide">
            <h2 id="position-title">{t('caseDetail.position')}</h2>
            <p>{t('caseDetail.currentStages', { stages: current.map(stageName).join(', ') || '—' })}</p>
            {workflow.definition && (
              <>
                <StageGraph stages={workflow.definition.stages} initial={workflow.definition.initial} label={stageName} current={current} title={t('caseDetail.position')} />
                {nested.map((id) => (
                  <ServiceTracks key={id} stageId={id} stage={workflow.definition!.stages[id]!} current={current} label={stageName} />
                ))}
              </>
            )}
          </section>
          <section aria-labelledby="events-title" className="panel">
            <h2 id="events-title">{t('caseDetail.events')}</h2>
            <CaseEvents record={record} onFired={(updated) => setRecord({ ...record, ...updated })} />
          </section>
          <section aria-labelledby="forms-title" className="panel">
            <h2 id="forms-title">{t('caseDetail.forms')}</h2>
            {record.requiredForms?.length ? (
              <ul>
                {record.requiredForms.map((form) => (
                  <li key={form.path}>
                    <Link to={`/cases/${caseId}/forms/${form.path}${form.revision ? `?revision=${form.revision}` : ''}`}>{form.path}</Link>
                    {form.submitted && <span className="badge">{t('caseDetail.submitted')}</span>}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('caseDetail.noForms')}</p>
            )}
          </section>
          <section aria-labelledby="deadlines-title" className="panel">
            <h2 id="deadlines-title">{t('caseDetail.deadlines')}</h2>
            <CaseDeadlines workflowId={record.workflow?.id} deadlines={record.workflow?.deadlines ?? []} />
          </section>
          <section aria-labelledby="consents-title" className="panel">
            <h2 id="consents-title">{t('caseDetail.consents')}</h2>
            <CaseConsents consents={record.consents} />
          </section>
          <section aria-labelledby="plan-title" className="panel wide">
            <h2 id="plan-title">{t('plan.title')}</h2>
            <CasePlan plan={record.plan} />
          </section>
          <section aria-labelledby="timeline-title" className="panel wide">
            <h2 id="timeline-title">{t('caseDetail.timeline')}</h2>
            <CaseTimeline workflowId={record.workflow?.id} entries={record.workflow?.timeline ?? []} />
          </section>
        </div>
      )}
    </section>
  );
}
