import { useTranslation } from 'react-i18next';
import { useEventName, useStageLabel } from './StageName';
import type { PlacedProblem } from './definition-problems';
import { useDeadlineName } from './DeadlineField';
import { useEditedDefinition } from './editor-context';

/** The stages and the rest of a JSON pointer into a definition: `/stages/a/regions/b/deadlines/0` → `a/b`, `deadlines/0`. */
export function splitPointer(pointer: string): { stagePath: string | null; rest: string[] } {
  const parts = pointer.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] !== 'stages' || parts[1] === undefined) return { stagePath: null, rest: parts };
  const path = [parts[1]];
  let i = 2;
  while ((parts[i] === 'stages' || parts[i] === 'regions') && parts[i + 1] !== undefined) {
    path.push(parts[i + 1]!);
    i += 2;
  }
  return { stagePath: path.join('/'), rest: parts.slice(i) };
}

export const stageOfPointer = (pointer: string) => splitPointer(pointer).stagePath;

/** Where a problem is, in words: the stage (with its parent) and the field, e.g. "Assistance: deadline reflectionPeriod". */
function usePlace() {
  const { t } = useTranslation();
  const stageLabel = useStageLabel(undefined);
  const eventName = useEventName(undefined);
  const definition = useEditedDefinition();
  const deadlineName = useDeadlineName();
  return (pointer: string) => {
    const { stagePath, rest } = splitPointer(pointer);
    const [field, second] = rest;
    let fieldWords: string | undefined;
    if (field === 'deadlines' && second !== undefined) {
      let stage: unknown = { stages: definition.stages };
      for (const part of pointer.split('/').slice(1, pointer.split('/').indexOf('deadlines'))) stage = (stage as Record<string, unknown> | undefined)?.[part];
      const deadline = (stage as { deadlines?: Array<{ id?: string }> } | undefined)?.deadlines?.[Number(second)];
      fieldWords = t('workflowEditor.places.deadline', { id: deadline?.id ? deadlineName(deadline.id) : Number(second) + 1 });
    } else if (field === 'on' && second !== undefined) fieldWords = t('workflowEditor.places.transition', { event: eventName(second) });
    else if (field === 'always') fieldWords = t('workflowEditor.places.automatic');
    else if (field === 'onDone') fieldWords = t('workflowEditor.places.whenFinished');
    else if (field === 'requiredForms') fieldWords = t('workflowEditor.requiredFormsPick');
    else if (field === 'roles') fieldWords = t('workflowEditor.roles');
    else if (field === 'initial') fieldWords = stagePath ? t('workflowEditor.firstStep') : t('workflowEditor.initialStage');
    else if (rest[0] === 'stageNames') fieldWords = t('workflowEditor.stageName');
    else if (field !== undefined && stagePath) fieldWords = rest.join('/');
    if (!stagePath) return fieldWords ?? (rest.join('/') || t('workflowEditor.places.workflow'));
    return fieldWords ? `${stageLabel(stagePath)} — ${fieldWords}` : stageLabel(stagePath);
  };
}

/**
 * Every problem of the definition, each with where it is in words and a button that leads to its field. The fields
 * themselves show the same messages; this list is the overview an administrator reads before publishing.
 */
export function ProblemList({ problems, text, onShow }: { problems: PlacedProblem[]; text: (problem: PlacedProblem) => string; onShow: (problem: PlacedProblem) => void }) {
  const { t } = useTranslation();
  const place = usePlace();
  if (problems.length === 0) return null;
  return (
    // Not a live region: it changes as the administrator types, and each field already tells its own problem.
    <section className="error problem-list" aria-labelledby="problem-list-title">
      <p id="problem-list-title">{t('workflowEditor.problemCount', { count: problems.length })}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.path}-${problem.code}-${index}`}>
            <strong>{place(problem.path)}</strong>: {text(problem)}{' '}
            <button type="button" className="link" onClick={() => onShow(problem)}>
              {t('workflowEditor.showField')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
