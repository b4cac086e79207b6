import { useTranslation } from 'react-i18next';
import { childKey, childStages } from '@contracts/workflows/stage-tree.util';
import type { Deadline, Stage } from '@contracts/workflows/workflow-definition.schemas';
import { useStageName } from './StageName';
import { AddStageForm } from './AddStageForm';
import { DeadlineField } from './DeadlineField';
import { Disclosure } from './Disclosure';
import { FieldProblems, fieldId, useProblemsAt, useProblemsUnder } from './definition-problems';
import { useStageNamesEdit } from './editor-context';
import { RequiredFormsPicker } from './RequiredFormsPicker';
import { addChild, newStage, removeChild, setInitialChild } from './stage-edits';
import { StageNameFields } from './StageNameFields';
import { StageRoles } from './StageRoles';
import { TransitionsEditor } from './TransitionsEditor';

interface Props {
  /** The stage's path in the definition (`assistance/plan`), unique on the page, used for element ids. */
  path: string;
  /** The JSON pointer of the stage in the definition, where its problems are reported (default: a top-level stage). */
  pointer?: string;
  stage: Stage;
  onChange: (stage: Stage) => void;
}

/** What can be edited on one stage, then each of its steps (compound) or tracks (parallel), nested. */
export function StageFields({ path, pointer = `/stages/${path}`, stage, onChange }: Props) {
  const { t, i18n } = useTranslation();
  // Names from any workflow's texts (a municipality's clone keeps its template's stage and event ids).
  const stageName = useStageName(undefined);
  const { setName } = useStageNamesEdit();
  const initialProblems = useProblemsAt(`${pointer}/initial`);
  const childProblems = useProblemsUnder(
    Object.keys(childStages(stage)).map((childId) => `${pointer}/${childKey(stage)}/${childId}`),
  );
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
  const name = stageName(path);
  return (
    <>
      <TransitionsEditor path={path} pointer={pointer} stage={stage} onChange={onChange} />
      {(stage.deadlines ?? []).length > 0 && <h3>{t('workflowEditor.deadlines')}</h3>}
      {(stage.deadlines ?? []).map((deadline, index) => (
        <DeadlineField
          key={deadline.id}
          pointer={`${pointer}/deadlines/${index}`}
          deadline={deadline}
          onChange={(after) => setDeadline(index, { after })}
        />
      ))}
      <RequiredFormsPicker
        pointer={`${pointer}/requiredForms`}
        selected={stage.requiredForms ?? []}
        onChange={(requiredForms) => {
          const { requiredForms: _old, ...rest } = stage;
          onChange(requiredForms.length > 0 ? { ...stage, requiredForms } : (rest as Stage));
        }}
      />
      <h3>{t('workflowEditor.roles')}</h3>
      <StageRoles path={path} roles={stage.roles ?? []} onChange={(roles) => onChange({ ...stage, roles })} />
      <StageProblems pointer={`${pointer}/roles`} deep />
      {children.length > 0 && (
        <>
          <h3>{stage.type === 'parallel' ? t('workflowEditor.tracks') : t('workflowEditor.steps')}</h3>
          {stage.type === 'compound' && (
            <div className="field">
              <label htmlFor={fieldId(`${pointer}/initial`)}>{t('workflowEditor.firstStep')}</label>
              <select
                id={fieldId(`${pointer}/initial`)}
                data-pointer={`${pointer}/initial`}
                value={stage.initial}
                aria-invalid={initialProblems.length > 0 || undefined}
                onChange={(event) => onChange(setInitialChild(stage, event.target.value))}
              >
                {children.map(([childId]) => (
                  <option key={childId} value={childId}>
                    {stageName(childId)} ({childId})
                  </option>
                ))}
              </select>
              <FieldProblems pointer={`${pointer}/initial`} problems={initialProblems} />
            </div>
          )}
          {children.map(([childId, child]) => {
            const childPointer = `${pointer}/${kind}/${childId}`;
            const open = childProblems.some((problem) => problem.path === childPointer || problem.path.startsWith(`${childPointer}/`));
            return (
              <Disclosure
                key={`${kind}-${childId}`}
                className="nested-stage"
                forceOpen={open}
                summaryProps={{ 'data-pointer': childPointer }}
                summary={
                  <>
                    {stageName(childId)} <code>{`${path}/${childId}`}</code>
                    {open && <span className="status-tag warning">{t('workflow.hasProblems')}</span>}
                  </>
                }
              >
                <StageProblems pointer={childPointer} />
                <StageNameFields stageId={childId} />
                <StageFields path={`${path}/${childId}`} pointer={childPointer} stage={child} onChange={(updated) => setChild(childId, updated)} />
                <button type="button" className="danger" onClick={() => onChange(removeChild(stage, childId))}>
                  {stage.type === 'parallel'
                    ? t('workflowEditor.removeTrack', { name: stageName(childId) })
                    : t('workflowEditor.removeStep', { name: stageName(childId) })}
                </button>
              </Disclosure>
            );
          })}
        </>
      )}
      {stage.type !== 'parallel' && (
        <AddStageForm
          legend={t('workflowEditor.addStep', { name })}
          siblings={stage.type === 'compound' ? stage.stages : {}}
          onAdd={(childId, childKind, childName) => {
            onChange(addChild(stage, childId, newStage(childKind), 'step'));
            if (childName) setName(childId, i18n.language.split('-')[0]!, childName);
          }}
        />
      )}
      {stage.type !== 'compound' && (
        <AddStageForm
          legend={t('workflowEditor.addTrack', { name })}
          siblings={stage.type === 'parallel' ? stage.regions : {}}
          onAdd={(childId, childKind, childName) => {
            onChange(addChild(stage, childId, newStage(childKind), 'track'));
            if (childName) setName(childId, i18n.language.split('-')[0]!, childName);
          }}
        />
      )}
    </>
  );
}

/** Problems of the stage itself (unreachable, no way out, unknown property), not of one of its fields. */
export function StageProblems({ pointer, deep = false }: { pointer: string; deep?: boolean }) {
  const problems = useProblemsAt(pointer, deep);
  return <FieldProblems pointer={pointer} problems={problems} />;
}
