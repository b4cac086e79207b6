import { useTranslation } from 'react-i18next';
import { childStages } from '@contracts/workflows/stage-tree.util';
import type { Stage } from '@contracts/workflows/workflow-definition.schemas';

interface Props {
  stageId: string;
  stage: Stage;
  current: string[];
  label: (id: string) => string;
}

/** Inside a compound or parallel stage: its sub-stages, and for parallel stages one lane per service track. */
export function ServiceTracks({ stageId, stage, current, label }: Props) {
  const { t } = useTranslation();
  const lanes: Array<[string, Stage]> = stage.type === 'parallel' ? Object.entries(stage.regions) : [[stageId, stage]];
  const isCurrent = (path: string) => current.some((active) => active === path || active.startsWith(`${path}/`));
  return (
    <div className="tracks">
      <h3>{stage.type === 'parallel' ? t('workflow.tracks', { stage: label(stageId) }) : t('workflow.substages', { stage: label(stageId) })}</h3>
      {lanes.map(([laneId, lane]) => {
        const lanePath = stage.type === 'parallel' ? `${stageId}/${laneId}` : stageId;
        const children = Object.keys(childStages(lane));
        return (
          <div key={laneId} className="track">
            <h4>{label(laneId)}</h4>
            <ol className="track-stages">
              {(children.length ? children : [laneId]).map((child) => {
                const path = children.length ? `${lanePath}/${child}` : lanePath;
                const active = isCurrent(path);
                return (
                  <li key={child} className={active ? 'current' : undefined} aria-current={active ? 'step' : undefined}>
                    {label(child)}
                    {active && <span className="status-tag">{t('workflow.current')}</span>}
                  </li>
                );
              })}
            </ol>
          </div>
        );
      })}
    </div>
  );
}
