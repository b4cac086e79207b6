import { useTranslation } from 'react-i18next';
import type { Stage } from '@contracts/workflows/workflow-definition.schemas';
import { StageFields } from './StageFields';
import type { ProblemItem } from '../../api/http';

interface Props {
  stageId: string;
  stage: Stage;
  problems: ProblemItem[];
  onChange: (stage: Stage) => void;
}

/**
 * Side panel for one top-level stage: its own guards, deadlines, required forms and roles, and the same for every
 * step and parallel track inside it (the graph shows top-level stages only).
 */
export function StagePanel({ stageId, stage, problems, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <aside className="side-panel" aria-labelledby="stage-panel-title">
      <h2 id="stage-panel-title">{t('workflowEditor.stage', { stage: stageId })}</h2>
      {problems.length > 0 && (
        <ul className="error" aria-label={t('workflow.hasProblems')}>
          {problems.map((problem) => (
            <li key={`${problem.path}-${problem.code}`}>
              <code>{problem.path}</code> {problem.message ?? problem.code}
            </li>
          ))}
        </ul>
      )}
      <p id="duration-hint" className="hint">
        {t('workflowEditor.durationHint')}
      </p>
      <StageFields path={stageId} stage={stage} onChange={onChange} />
    </aside>
  );
}
