import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '@contracts/workflows/workflow-definition.schemas';
import { useProblemText } from './definition-problems';
import { stageIdProblem, stageNameProblem, type NewStageKind } from './stage-edits';

interface Props {
  /** The button's and the group's name: "Add a stage", "Add a step to …", "Add a track to …". */
  legend: string;
  /** The stages beside the new one: its id must differ from theirs. */
  siblings: Record<string, Stage>;
  /** `name`: the display name in the language of the interface (empty: none given). */
  onAdd: (id: string, kind: NewStageKind, name: string) => void;
}

/**
 * A new stage, step or track: its id (the key its name is translated under, so letters, digits, `_` and `-`) and
 * whether the case ends there. Steps and tracks of its own are added to it afterwards.
 */
export function AddStageForm({ legend, siblings, onAdd }: Props) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const id = useId();
  const [stageId, setStageId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<NewStageKind>('atomic');
  const [tried, setTried] = useState(false);
  const problem = stageId === '' && !tried ? null : stageIdProblem(stageId, siblings);
  const nameProblem = stageNameProblem(name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setTried(true);
    if (stageIdProblem(stageId, siblings) || nameProblem) return;
    onAdd(stageId, kind, name.trim());
    setStageId('');
    setName('');
    setTried(false);
  };
  return (
    <form className="add-stage" onSubmit={submit} aria-labelledby={`${id}-legend`} noValidate>
      <h4 id={`${id}-legend`}>{legend}</h4>
      <div className="field inline">
        <label htmlFor={`${id}-id`}>{t('workflowEditor.newStageId')}</label>
        <input
          id={`${id}-id`}
          value={stageId}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : `${id}-hint`}
          onChange={(event) => setStageId(event.target.value.trim())}
        />
        <label htmlFor={`${id}-name`}>{t('workflowEditor.newStageName')}</label>
        <input
          id={`${id}-name`}
          value={name}
          aria-invalid={nameProblem ? true : undefined}
          aria-describedby={nameProblem ? `${id}-name-problem` : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        <label htmlFor={`${id}-kind`}>{t('workflowEditor.newStageKind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as NewStageKind)}>
          <option value="atomic">{t('workflowEditor.kinds.atomic')}</option>
          <option value="final">{t('workflowEditor.kinds.final')}</option>
        </select>
        <button type="submit">{legend}</button>
      </div>
      {nameProblem && (
        <p id={`${id}-name-problem`} className="error">
          {problemText({ path: '', code: nameProblem })}
        </p>
      )}
      {problem ? (
        <p id={`${id}-problem`} className="error">
          {problemText({ path: '', code: problem })}
        </p>
      ) : (
        <p id={`${id}-hint`} className="hint">
          {t('workflowEditor.newStageIdHint')}
        </p>
      )}
    </form>
  );
}
