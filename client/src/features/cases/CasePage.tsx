import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { asSubject, useSession } from '../session';
import type { CaseDetail } from '@contracts/cases/case-view.types';
import { ApiStatus, PageHeading, useApi } from '../common';
import { LazyStageGraph, useCaseWorkflowDefinition, GivenStageNamesProvider, useStageName } from '../workflows';
import { activeStages, topStages } from './case-position';
import { CaseConsents } from './CaseConsents';
import { CaseDeadlines } from './CaseDeadlines';
import { CaseRecordedValues } from './CaseRecordedValues';
import { CaseEvents } from './CaseEvents';
import { CaseForms } from './CaseForms';
import { CaseGrant } from './CaseGrant';
import { CasePlan } from './CasePlan';
import { CaseProfile } from './CaseProfile';
import { RoadMap } from './RoadMap';
import { PlanPdfLink } from './PlanPdfLink';
import { ConsentSheetLink } from './ConsentSheetLink';
import { CaseTasks } from './CaseTasks';
import { CaseTimeline } from './CaseTimeline';
import { CaseReferrals } from '../referrals';
import { ServiceTracks } from './ServiceTracks';

export function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  const flash = (useLocation().state as { message?: string } | null)?.message;
  const { ability } = useSession();
  const loaded = useApi<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}`);
  const [record, setRecord] = useState<CaseDetail>();
  useEffect(() => setRecord(loaded.data), [loaded.data]);
  const workflow = useCaseWorkflowDefinition(record?.workflow);
  const workflowId = record?.workflow?.definitionId;
  const stageName = useStageName(record?.workflow?.source === 'template' ? workflowId : workflow.definition?.id, workflow.definition?.stageNames);
  const current = record ? activeStages(record) : [];
  // The top-level stages; the service tracks inside them are drawn below the graph.
  const tops = record ? topStages(record) : [];
  const nested = workflow.definition
    ? [...new Set(current.map((path) => path.split('/')[0]!))].filter((id) => {
        const type = workflow.definition!.stages[id]?.type;
        return type === 'parallel' || type === 'compound';
      })
    : [];

  return (
    <GivenStageNamesProvider value={workflow.definition?.stageNames}>
    <section aria-labelledby="case-title">
      <PageHeading
        id="case-title"
        actions={
          // Only readers of the plan group get these: the server would refuse the PDF to anyone else.
          record?.plan && (
            <>
              <PlanPdfLink record={record} />
              <Link className="button" to={`/cases/${caseId}/plan`}>
                {t('plan.printView')}
              </Link>
            </>
          )
        }
      >
        {t('caseDetail.title', { reference: record?.reference ?? caseId })}
      </PageHeading>
      {flash && <p role="status">{flash}</p>}
      <ApiStatus loading={loaded.loading} error={loaded.error} />
      {record && (
        <div className="case-grid">
          {(record.alias !== undefined || record.identity !== undefined || record.safeAccommodation !== undefined) && (
            <section aria-labelledby="profile-title" className="panel wide">
              <h2 id="profile-title">{t('profile.title')}</h2>
              <CaseProfile record={record} onChanged={loaded.reload} />
              <p className="hint" id="person-view-hint">
                {t('personView.openHint')}
              </p>
              <Link className="button" to={`/cases/${caseId}/person`} aria-describedby="person-view-hint">
                {t('personView.open')}
              </Link>{' '}
              <ConsentSheetLink record={record} />
            </section>
          )}
          <section aria-labelledby="position-title" className="panel wide">
            <h2 id="position-title">{t('caseDetail.position')}</h2>
            <p>{t('caseDetail.currentStages', { stages: tops.map(stageName).join(', ') || '—' })}</p>
            {record.workflow && <p>{t('caseDetail.workflowVersion', { version: record.workflow.version })}</p>}
            {workflow.definition && (
              <>
                <LazyStageGraph stages={workflow.definition.stages} initial={workflow.definition.initial} label={stageName} current={current} title={t('caseDetail.position')} />
                {nested.map((id) => (
                  <ServiceTracks key={id} stageId={id} stage={workflow.definition!.stages[id]!} current={current} label={stageName} />
                ))}
              </>
            )}
          </section>
          <section aria-labelledby="events-title" className="panel">
            <h2 id="events-title">{t('caseDetail.events')}</h2>
            <CaseEvents record={record} definition={workflow.definition} onFired={(updated) => setRecord({ ...record, ...updated })} />
          </section>
          <section aria-labelledby="forms-title" className="panel">
            <h2 id="forms-title">{t('caseDetail.forms')}</h2>
            <CaseForms record={record} definition={workflow.definition} />
          </section>
          <section aria-labelledby="deadlines-title" className="panel">
            <h2 id="deadlines-title">{t('caseDetail.deadlines')}</h2>
            <CaseDeadlines workflowId={workflow.definition?.id} deadlines={record.workflow?.deadlines ?? []} />
            <CaseRecordedValues workflowId={workflow.definition?.id} dates={record.workflow?.dates ?? {}} fields={record.workflow?.fields ?? {}} />
          </section>
          <section aria-labelledby="tasks-title" className="panel">
            <h2 id="tasks-title">{t('caseDetail.tasks')}</h2>
            <CaseTasks record={record} onChanged={(updated) => setRecord({ ...record, ...updated })} />
          </section>
          <section aria-labelledby="consents-title" className="panel wide">
            <h2 id="consents-title">{t('caseDetail.consents')}</h2>
            <CaseConsents
              caseId={record.id}
              version={record.version}
              consents={record.consents}
              requested={record.workflow?.consentRequests}
              editable={record.consents !== undefined && ability.can('update', asSubject('Case', record), 'consents')}
              onChanged={loaded.reload}
            />
          </section>
          {ability.can('read', 'Referral') && (
            <section aria-labelledby="referrals-title" className="panel wide">
              <h2 id="referrals-title">{t('referrals.title')}</h2>
              <CaseReferrals record={record} onChanged={loaded.reload} />
            </section>
          )}
          {record.plan && (
            <section aria-labelledby="road-map-title" className="panel wide">
              <h2 id="road-map-title">{t('roadMap.title')}</h2>
              <RoadMap plan={record.plan} integration={record.integration} />
            </section>
          )}
          <section aria-labelledby="plan-title" className="panel wide">
            <h2 id="plan-title">{t('plan.title')}</h2>
            <CasePlan plan={record.plan} />
          </section>
          {ability.can('read', 'ReintegrationGrant') && (
            <section aria-labelledby="grant-title" className="panel wide">
              <h2 id="grant-title">{t('grant.title')}</h2>
              <CaseGrant record={record} />
            </section>
          )}
          <section aria-labelledby="timeline-title" className="panel wide">
            <h2 id="timeline-title">{t('caseDetail.timeline')}</h2>
            <CaseTimeline workflowId={workflow.definition?.id} entries={record.workflow?.timeline ?? []} />
          </section>
        </div>
      )}
    </section>
    </GivenStageNamesProvider>
  );
}
