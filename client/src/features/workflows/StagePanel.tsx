import { useTranslation } from 'react-i18next';
import type { Stage } from '@contracts/workflows/workflow-definition.schemas';
import { useStageName } from './StageName';
import { StageFields, StageProblems } from './StageFields';
import { StageNameFields } from './StageNameFields';

interface Props {
  stageId: string;
  stage: Stage;
  onChange: (stage: Stage) => void;
  onRemove: () => void;
}

/**
 * Side panel for one top-level stage: its own transitions, guards, deadlines, required forms and roles, and the same
 * for every step and parallel track inside it (the graph shows top-level stages only); steps, tracks and transitions
 * are added and removed here, and the stage itself removed. Problems show at the fields they concern.
 */
export function StagePanel({ stageId, stage, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const stageName = useStageName(undefined);
  return (
    <aside className="side-panel" aria-labelledby="stage-panel-title">
      <h2 id="stage-panel-title" tabIndex={-1} data-pointer={`/stages/${stageId}`}>
          {t('workflowEditor.stageNamed', { name: stageName(stageId) })}
      </h2>
      <p className="hint">{t('workflowEditor.stageId', { id: stageId })}</p>
      <StageProblems pointer={`/stages/${stageId}`} />
      <StageNameFields stageId={stageId} />
      <StageFields path={stageId} stage={stage} onChange={onChange} />
      <p>
        <button type="button" className="danger" onClick={onRemove}>
          {t('workflowEditor.removeStage', { name: stageName(stageId) })}
        </button>
      </p>
    </aside>
  );
}
