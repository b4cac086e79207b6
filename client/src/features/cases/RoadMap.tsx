import { useTranslation } from 'react-i18next';
import type { CasePlan, CaseWritable } from '@contracts/cases/case.schemas';
import { CHECKPOINTS, ROAD_MAP_STOPS } from '@contracts/cases/road-map';
import { formatDate } from '../common';

type Integration = NonNullable<CaseWritable['integration']>;

const FACTORS = ['information', 'safety', 'empowerment', 'stability'] as const;

/**
 * The road map for integration (seed 000) as the frame of the plan: the desired state and the four facilitating
 * factors, the 21 stops with the state of their service track and the actions planned for each, the two checkpoints
 * with their evidence (language level, legal status and its expiry), and the obstacles recorded.
 */
export function RoadMap({ plan, integration }: { plan?: CasePlan; integration?: Integration }) {
  const { t, i18n } = useTranslation();
  const services = plan?.services ?? {};
  const checkpoints = plan?.checkpoints ?? {};
  const goals = plan?.goals ?? [];
  const state = (value: string | undefined) => (value ? t(`plan.serviceStates.${value}`, { defaultValue: t('roadMap.stateUnknown') }) : t('roadMap.notOnTheWay'));
  const evidence: Record<(typeof CHECKPOINTS)[number], string> = {
    languageCheckpoint: integration?.languageLevel ? t('roadMap.languageLevel', { level: integration.languageLevel === 'preA1' ? 'pre-A1' : integration.languageLevel }) : t('roadMap.noEvidence'),
    legalStatusCheckpoint: integration?.legalStatus
      ? [t(`roadMap.legalStatuses.${integration.legalStatus}`), integration.legalStatusExpiry && t('roadMap.expires', { date: formatDate(integration.legalStatusExpiry, i18n.language) })].filter(Boolean).join(', ')
      : t('roadMap.noEvidence'),
  };
  return (
    <div className="road-map">
      <div className="road-map-frame">
        <p>
          <strong>{t('roadMap.desiredStateLabel')}</strong> {t('roadMap.desiredState')}
        </p>
        <p>
          <strong>{t('roadMap.factorsLabel')}</strong>
        </p>
        <ul>
          {FACTORS.map((factor) => (
            <li key={factor}>{t(`roadMap.factors.${factor}`)}</li>
          ))}
        </ul>
      </div>
      <h3>{t('roadMap.stops')}</h3>
      <ol className="road-map-stops">
        {ROAD_MAP_STOPS.map((stop) => {
          const planned = goals.filter((goal) => goal.stop === stop).length;
          return (
            <li key={stop} data-state={services[stop] ?? 'none'}>
              <span className="stop-name">{t(`plan.stops.${stop}`)}</span>
              <span className="stop-state">
                {state(services[stop])}
                {planned > 0 && <> · {t('roadMap.actionsPlanned', { n: planned })}</>}
              </span>
            </li>
          );
        })}
      </ol>
      <h3>{t('roadMap.checkpoints')}</h3>
      <dl className="facts">
        {CHECKPOINTS.map((checkpoint) => (
          <div key={checkpoint} className="fact">
            <dt>{t(`plan.stops.${checkpoint}`)}</dt>
            <dd>
              {state(checkpoints[checkpoint])} — {evidence[checkpoint]}
            </dd>
          </div>
        ))}
      </dl>
      <h3>{t('roadMap.obstacles')}</h3>
      {plan?.obstacles?.length ? (
        <ul>
          {plan.obstacles.map((obstacle) => (
            <li key={obstacle}>{t(`plan.obstacles.${obstacle}`)}</li>
          ))}
        </ul>
      ) : (
        <p>{t('roadMap.noObstacles')}</p>
      )}
    </div>
  );
}
