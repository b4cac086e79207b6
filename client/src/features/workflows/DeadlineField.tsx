import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deadline } from '@contracts/workflows/workflow-definition.schemas';
import { FieldProblems, fieldId, useProblemsAt, type PlacedProblem } from './definition-problems';
import { useEditedDefinition } from './editor-context';
import { DURATION_UNITS, isoOf, numberAndUnit, useDurationWords, type DurationUnit } from './duration';

/** A deadline's name from the workflow's texts (`workflows:<id>.deadlines.<deadlineId>`), else its id. */
export function useDeadlineName() {
  const { t } = useTranslation('workflows');
  const definition = useEditedDefinition();
  return (deadlineId: string) => (definition.id ? t(`${definition.id}.deadlines.${deadlineId}`, { defaultValue: deadlineId }) : deadlineId);
}

type Choice = DurationUnit | 'parameter';

/**
 * A deadline's duration as a number and a unit ("120 days"), or the jurisdiction's setting it was cloned with, read
 * back in words; stored as ISO 8601 (`P120D`) or `{ parameter }`. Every problem of the deadline shows at this field.
 */
export function DeadlineField({ pointer, deadline, onChange }: { pointer: string; deadline: Deadline; onChange: (after: Deadline['after']) => void }) {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  const deadlineName = useDeadlineName();
  const workflowId = useEditedDefinition().id ?? '';
  const words = useDurationWords();
  const problems = useProblemsAt(pointer, true);
  const id = fieldId(pointer);
  const after = deadline.after;
  const shown = typeof after === 'string' ? numberAndUnit(after) : null;
  // The jurisdiction's setting the deadline had, so the administrator can return to it after trying a number.
  const [parameter] = useState(typeof after === 'object' ? after.parameter : undefined);
  const [count, setCount] = useState(shown?.count ?? (typeof after === 'string' ? after.replace(/\D/g, '') : ''));
  const [unit, setUnit] = useState<DurationUnit>(shown?.unit ?? 'days');
  const choice: Choice = typeof after === 'object' ? 'parameter' : unit;
  const name = deadlineName(deadline.id);
  const parameterName = parameter === deadline.id ? name : parameter;
  const describedBy = [problems.length > 0 ? `${id}-problems` : null, `${id}-words`].filter(Boolean).join(' ');
  const invalid = problems.length > 0 || undefined;

  if (after === undefined) {
    // A repeating reminder: read in words; its phases are not edited here.
    return (
      <div className="field">
        <span className="label">{name}</span>
        <p id={`${id}-words`}>
          {(deadline.schedule ?? [])
            .map((phase) => (phase.for ? t('duration.everyFor', { every: words(phase.every), for: words(phase.for) }) : t('duration.every', { every: words(phase.every) })))
            .join('; ')}
        </p>
        <FieldProblems pointer={pointer} problems={problems} />
      </div>
    );
  }
  return (
    <fieldset className="editor-group deadline-field" aria-describedby={describedBy}>
      <legend>{name}</legend>
      <div className="inline">
        {choice !== 'parameter' && (
          <>
            <label htmlFor={`${id}-count`}>{t('duration.count')}</label>
            <input
              id={`${id}-count`}
              data-pointer={`${pointer}/after`}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              value={count}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onChange={(event) => {
                setCount(event.target.value);
                onChange(isoOf(event.target.value, unit));
              }}
            />
          </>
        )}
        <label htmlFor={`${id}-unit`}>{t('duration.unit')}</label>
        <select
          id={`${id}-unit`}
          data-pointer={choice === 'parameter' ? `${pointer}/after` : undefined}
          value={choice}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => {
            const next = event.target.value as Choice;
            if (next === 'parameter') {
              onChange({ parameter: parameter! });
              return;
            }
            setUnit(next);
            onChange(isoOf(count, next));
          }}
        >
          {DURATION_UNITS.map((option) => (
            <option key={option} value={option}>
              {t(`duration.units.${option}`)}
            </option>
          ))}
          {parameter && <option value="parameter">{t('duration.parameterChoice', { name: parameterName })}</option>}
        </select>
      </div>
      <p id={`${id}-words`} className="hint" aria-live="polite">
        {problems.length === 0 && t('duration.readBack', { duration: words(after, parameterName) })}
      </p>
      <FieldProblems pointer={pointer} problems={problems.map((problem) => durationProblem(problem, pointer))} />
      {deadline.event && <p className="hint">{t('duration.fires', { event: tw(`${workflowId}.events.${deadline.event}`, { defaultValue: deadline.event }) })}</p>}
    </fieldset>
  );
}

/** The format's "not an ISO 8601 duration" said as the number field needs it: what was typed is no whole number. */
function durationProblem(problem: PlacedProblem, pointer: string): PlacedProblem {
  return problem.code === 'invalid-duration' && problem.path === `${pointer}/after` ? { ...problem, code: 'duration-number' } : problem;
}
