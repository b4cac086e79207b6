import { useTranslation } from 'react-i18next';
import { childKey, childStages } from '@contracts/workflows/stage-tree.util';
import type { Deadline, Stage } from '@contracts/workflows/workflow-definition.schemas';
import { useEventName, useStageName } from '../cases/StageName';
import { GuardEditor } from './GuardEditor';
import { StageRoles } from './StageRoles';

interface Props {
  /** The stage's path in the definition (`assistance/plan`), unique on the page, used for element ids. */
  path: string;
  stage: Stage;
  onChange: (stage: Stage) => void;
}

const domId = (path: string) => path.replace(/[^A-Za-z0-9_-]/g, '-');

/** What can be edited on one stage, then each of its steps (compound) or tracks (parallel), nested. */
export function StageFields({ path, stage, onChange }: Props) {
  const { t } = useTranslation();
  // Names from any workflow's texts (a municipality's clone keeps its template's stage and event ids).
  const stageName = useStageName(undefined);
  const eventName = useEventName(undefined);
  const id = domId(path);
  // A final stage has nothing to edit here: no transitions, deadlines, forms, roles or steps.
  if (stage.type === 'final') return null;
  const setDeadline = (index: number, patch: Partial<Deadline>) =>
    onChange({ ...stage, deadlines: (stage.deadlines ?? []).map((deadline, i) => (i === index ? ({ ...deadline, ...patch } as Deadline) : deadline)) });
  const kind = childKey(stage);
  const children = Object.entries(childStages(stage));
  const setChild = (childId: string, updated: Stage) => {
    if (stage.type === 'compound') onChange({ ...stage, stages: { ...stage.stages, [childId]: updated } });
    if (stage.type === 'parallel') onChange({ ...stage, regions: { ...stage.regions, [childId]: updated } });
  };
  return (
    <>
      {Object.keys(stage.on ?? {}).length > 0 && <h3>{t('workflowEditor.transitions')}</h3>}
      {Object.entries(stage.on ?? {}).map(([event, transitions]) =>
        transitions.map((transition, index) => (
          <details key={`${event}-${index}`}>
            <summary>
              {eventName(event)} → {transition.target ? stageName(transition.target) : '—'} <code>{event}</code>
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
      {(stage.deadlines ?? []).length > 0 && <h3>{t('workflowEditor.deadlines')}</h3>}
      {(stage.deadlines ?? []).map((deadline, index) => (
        <div key={deadline.id} className="field">
          <label htmlFor={`deadline-${id}-${deadline.id}`}>{deadline.id}</label>
          <input
            id={`deadline-${id}-${deadline.id}`}
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
      <div className="field">
        <label htmlFor={`forms-${id}`}>{t('workflowEditor.requiredForms')}</label>
        <input
          id={`forms-${id}`}
          value={(stage.requiredForms ?? []).join(', ')}
          onChange={(event) =>
            onChange({ ...stage, requiredForms: event.target.value.split(',').map((value) => value.trim()).filter(Boolean) })
          }
        />
      </div>
      <h3>{t('workflowEditor.roles')}</h3>
      <StageRoles path={path} roles={stage.roles ?? []} onChange={(roles) => onChange({ ...stage, roles })} />
      {children.length > 0 && (
        <>
          <h3>{stage.type === 'parallel' ? t('workflowEditor.tracks') : t('workflowEditor.steps')}</h3>
          {children.map(([childId, child]) => (
            <details key={`${kind}-${childId}`} className="nested-stage">
              <summary>
                {stageName(childId)} <code>{`${path}/${childId}`}</code>
              </summary>
              <StageFields path={`${path}/${childId}`} stage={child} onChange={(updated) => setChild(childId, updated)} />
            </details>
          ))}
        </>
      )}
    </>
  );
}
