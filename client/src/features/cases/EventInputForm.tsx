import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventInput, EventOption } from '@contracts/workflows/event-option.types';
import { formatDate } from '../common';
import type { ProblemItem } from '../../api/http';

/**
 * A step that records what the person enters (the date of a decision, the new end of a period, a contact person):
 * its fields with the limits the server worked out for this case, and the step's button. The server checks the values
 * again; what it refuses comes back as `problems` and is shown next to its field.
 */
export function EventInputForm({
  workflowId,
  option,
  label,
  busy,
  problems,
  onSubmit,
}: {
  workflowId?: string;
  option: EventOption & { inputs: EventInput[] };
  label: string;
  busy: boolean;
  problems: ProblemItem[];
  onSubmit: (data: Record<string, string>) => void;
}) {
  const { t, i18n } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(Object.fromEntries(option.inputs.map((input) => [input.name, values[input.name] ?? ''])));
  };
  const problemOf = (name: string) => problems.find((problem) => problem.name === name);
  return (
    <form className="event-inputs" onSubmit={submit} noValidate>
      {option.inputs.map((input) => {
        const fieldId = `${id}-${input.name}`;
        const problem = problemOf(input.name);
        const limits = [
          input.min ? t('events.inputMin', { date: formatDate(input.min, i18n.language) }) : null,
          input.max ? t('events.inputMax', { date: formatDate(input.max, i18n.language) }) : null,
        ].filter(Boolean);
        return (
          <div key={input.name} className="field">
            <label htmlFor={fieldId}>{tw(`${workflowId}.inputs.${input.name}`, { defaultValue: input.name })}</label>
            <input
              id={fieldId}
              type={input.kind === 'date' ? 'date' : 'text'}
              required
              min={input.min}
              max={input.max}
              maxLength={input.maxLength}
              value={values[input.name] ?? ''}
              aria-invalid={problem ? true : undefined}
              aria-describedby={`${fieldId}-hint${problem ? ` ${fieldId}-problem` : ''}`}
              onChange={(event) => setValues({ ...values, [input.name]: event.target.value })}
            />
            <small id={`${fieldId}-hint`}>{limits.join(', ')}</small>
            {problem && (
              <span id={`${fieldId}-problem`} className="error">
                {t(`events.inputProblems.${problem.code}`, {
                  limit: typeof problem.limit === 'string' ? formatDate(problem.limit, i18n.language) : problem.limit,
                })}
              </span>
            )}
          </div>
        );
      })}
      <button type="submit" disabled={busy}>
        {label}
      </button>
    </form>
  );
}
