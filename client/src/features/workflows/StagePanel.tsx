import { useTranslation } from 'react-i18next';
import { GuardEditor } from './GuardEditor';
import type { Deadline, Stage, WorkflowProblem } from './workflow.types';

interface Props {
  stageId: string;
  stage: Stage;
  problems: WorkflowProblem[];
  onChange: (stage: Stage) => void;
}

/** Side panel for one stage: its transitions' guards, deadlines, required forms and roles. */
export function StagePanel({ stageId, stage, problems, onChange }: Props) {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  const setDeadline = (index: number, patch: Partial<Deadline>) =>
    onChange({ ...stage, deadlines: (stage.deadlines ?? []).map((deadline, i) => (i === index ? { ...deadline, ...patch } : deadline)) });
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
      <h3>{t('workflowEditor.transitions')}</h3>
      {Object.entries(stage.on ?? {}).map(([event, transitions]) =>
        transitions.map((transition, index) => (
          <details key={`${event}-${index}`}>
            <summary>
              {event} → {transition.target ?? '—'}
            </summary>
            <GuardEditor
              guard={transition.guard}
              onChange={(guard) =>
                onChange({
                  ...stage,
                  on: { ...stage.on, [event]: transitions.map((item, i) => (i === index ? { ...item, guard } : item)) },
                })
              }
            />
          </details>
        )),
      )}
      <h3>{t('workflowEditor.deadlines')}</h3>
      {(stage.deadlines ?? []).map((deadline, index) => (
        <div key={deadline.id} className="field">
          <label htmlFor={`deadline-${stageId}-${deadline.id}`}>{deadline.id}</label>
          <input
            id={`deadline-${stageId}-${deadline.id}`}
            value={typeof deadline.after === 'string' ? deadline.after : deadline.after ? `@${deadline.after.parameter}` : ''}
            aria-describedby="duration-hint"
            disabled={deadline.after === undefined}
            onChange={(event) => {
              const value = event.target.value.trim();
              setDeadline(index, { after: value.startsWith('@') ? { parameter: value.slice(1) } : value });
            }}
          />
        </div>
      ))}
      <p id="duration-hint" className="hint">
        {t('workflowEditor.durationHint')}
      </p>
      <div className="field">
        <label htmlFor={`forms-${stageId}`}>{t('workflowEditor.requiredForms')}</label>
        <input
          id={`forms-${stageId}`}
          value={(stage.requiredForms ?? []).join(', ')}
          onChange={(event) =>
            onChange({ ...stage, requiredForms: event.target.value.split(',').map((value) => value.trim()).filter(Boolean) })
          }
        />
      </div>
      <h3>{t('workflowEditor.roles')}</h3>
      <ul>
        {(stage.roles ?? []).map((role) => (
          <li key={role.role}>
            {tw(`roles.${role.role}`, { defaultValue: role.role })}: {t(`workflowEditor.duty.${role.duty}`)}
          </li>
        ))}
      </ul>
    </aside>
  );
}
