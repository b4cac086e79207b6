import { useTranslation } from 'react-i18next';
import { FieldProblems, fieldId, useProblemsAt } from './definition-problems';
import { useFormChoices } from './editor-context';

interface Props {
  pointer: string;
  selected: readonly string[];
  onChange: (paths: string[]) => void;
}

/**
 * The forms a stage requires, picked by title from the forms the organisation can use (its own and the template
 * library's): a list of check boxes by title. A required form that no longer exists stays listed by its
 * path, ticked, with the server's message, so it can be let go.
 */
export function RequiredFormsPicker({ pointer, selected, onChange }: Props) {
  const { t } = useTranslation();
  const choices = useFormChoices();
  const problems = useProblemsAt(pointer, true);
  const id = fieldId(pointer);
  const known = new Set(choices.map((choice) => choice.path));
  // In one order, by title, whether chosen or not: a box does not move away from under the pointer that ticks it.
  const listed = [...selected.filter((path) => !known.has(path)).map((path) => ({ path, title: path })), ...choices];
  const toggle = (path: string, on: boolean) => onChange(on ? [...selected, path] : selected.filter((item) => item !== path));
  return (
    <fieldset
      className="editor-group required-forms"
      data-pointer={pointer}
      tabIndex={-1}
      aria-invalid={problems.length > 0 || undefined}
      aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
    >
      <legend>{t('workflowEditor.requiredFormsPick')}</legend>
      <p className="hint">{t('workflowEditor.requiredFormsChosen', { count: selected.length })}</p>
      <ul className="check-list">
        {listed.map((choice) => {
          const index = selected.indexOf(choice.path);
          const itemPointer = `${pointer}/${index}`;
          return (
            <li key={choice.path}>
              <label>
                <input
                  type="checkbox"
                  data-pointer={index >= 0 ? itemPointer : undefined}
                  checked={index >= 0}
                  aria-invalid={(index >= 0 && problems.some((problem) => problem.path === itemPointer)) || undefined}
                  onChange={(event) => toggle(choice.path, event.target.checked)}
                />{' '}
                {choice.title} {choice.title !== choice.path && <small className="hint">{choice.path}</small>}
              </label>
            </li>
          );
        })}
      </ul>
      <FieldProblems pointer={pointer} problems={problems} />
    </fieldset>
  );
}
