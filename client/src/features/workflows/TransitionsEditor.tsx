import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listStages, listTransitions } from '@contracts/workflows/stage-tree.util';
import type { Stage, Transition } from '@contracts/workflows/workflow-definition.schemas';
import { useEventName, useStageName } from './StageName';
import { FieldProblems, fieldId, invalidProps, useProblemsAt, useProblemsUnder, useProblemText } from './definition-problems';
import { useEditedDefinition } from './editor-context';
import { Disclosure } from './Disclosure';
import { GuardEditor } from './GuardEditor';
import { addTransition, changeTransition, eventNameProblem, targetsInScope, type TransitionTrigger } from './stage-edits';

interface Props {
  /** The stage's path (`assistance/plan`) and the JSON pointer of its definition. */
  path: string;
  pointer: string;
  stage: Exclude<Stage, { type: 'final' }>;
  onChange: (stage: Stage) => void;
}

interface Row {
  trigger: TransitionTrigger;
  event: string;
  index: number;
  pointer: string;
  transition: Transition;
}

/** Where a transition leads: a stage in its scope, or (an event only) nowhere, so the case stays where it is. */
function TargetSelect({ path, pointer, value, allowStay, onChange, label }: {
  path: string;
  pointer: string;
  value: string | undefined;
  allowStay: boolean;
  onChange: (target: string | undefined) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const definition = useEditedDefinition();
  const stageName = useStageName(undefined);
  const problems = useProblemsAt(`${pointer}/target`);
  const targets = targetsInScope(definition, path);
  const known = value === undefined || targets.some((target) => target.target === value);
  return (
    <div className="field">
      <label htmlFor={fieldId(`${pointer}/target`)}>{label}</label>
      <select
        id={fieldId(`${pointer}/target`)}
        data-pointer={`${pointer}/target`}
        value={value ?? ''}
        {...invalidProps(`${pointer}/target`, problems)}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        {(allowStay || value === undefined) && <option value="">{t('workflowEditor.stay')}</option>}
        {/* A target that names no stage any more (it was removed) stays visible until it is changed. */}
        {!known && <option value={value}>{value}</option>}
        {targets.map((target) => (
          <option key={target.path} value={target.target}>
            {stageName(target.path)} ({target.path})
          </option>
        ))}
      </select>
      <FieldProblems pointer={`${pointer}/target`} problems={problems} />
    </div>
  );
}

/** The stage's transitions (on an event, or automatic), each with its target, condition and removal; and a new one. */
export function TransitionsEditor({ path, pointer, stage, onChange }: Props) {
  const { t } = useTranslation();
  const stageName = useStageName(undefined);
  const eventName = useEventName(undefined);
  const rows: Row[] = [
    ...Object.entries(stage.on ?? {}).flatMap(([event, list]) =>
      list.map((transition, index) => ({ trigger: 'event' as const, event, index, pointer: `${pointer}/on/${event}/${index}`, transition })),
    ),
    ...(stage.always ?? []).map((transition, index) => ({ trigger: 'always' as const, event: '', index, pointer: `${pointer}/always/${index}`, transition })),
  ];
  const rowProblems = useProblemsUnder(rows.map((row) => row.pointer));
  const name = (row: Row) => (row.trigger === 'always' ? t('workflow.automatically') : eventName(row.event));
  return (
    <>
      <h3>{t('workflowEditor.transitions')}</h3>
      {rows.length === 0 && <p>{t('workflowEditor.noTransitions')}</p>}
      {rows.map((row) => {
        const change = (next: Transition | null) => onChange(changeTransition(stage, row.trigger, row.event, row.index, next));
        const open = rowProblems.some((problem) => problem.path.startsWith(row.pointer));
        return (
          <Disclosure
            key={row.pointer}
            className="transition"
            forceOpen={open}
            summaryProps={{ 'data-pointer': row.pointer }}
            summary={
              <>
                {name(row)} → {row.transition.target ? stageName(row.transition.target) : t('workflowEditor.stay')} {row.trigger === 'event' && <code>{row.event}</code>}
              </>
            }
          >
            <EventKeyProblems pointer={`${pointer}/on/${row.event}`} show={row.trigger === 'event' && row.index === 0} />
            <RowProblems pointer={row.pointer} />
            <TargetSelect
              path={path}
              pointer={row.pointer}
              value={row.transition.target}
              allowStay={row.trigger === 'event'}
              label={t('workflowEditor.target')}
              onChange={(target) => {
                const { target: _old, ...rest } = row.transition;
                change(target ? { ...rest, target } : rest);
              }}
            />
            <GuardEditor guard={row.transition.guard} onChange={(guard) => change({ ...row.transition, guard })} />
            <GuardProblems pointer={`${row.pointer}/guard`} />
            <button type="button" onClick={() => change(null)}>
              {t('workflowEditor.removeTransition', { transition: name(row) })}
            </button>
          </Disclosure>
        );
      })}
      <AddTransitionForm path={path} stage={stage} onChange={onChange} />
    </>
  );
}

function EventKeyProblems({ pointer, show }: { pointer: string; show: boolean }) {
  const problems = useProblemsAt(pointer);
  return show ? <FieldProblems pointer={pointer} problems={problems} /> : null;
}

/** Problems of the transition as a whole (an automatic one without a target) and of its actions. */
function RowProblems({ pointer }: { pointer: string }) {
  const own = useProblemsAt(pointer);
  const actions = useProblemsAt(`${pointer}/actions`, true);
  return <FieldProblems pointer={pointer} problems={[...own, ...actions]} />;
}

function GuardProblems({ pointer }: { pointer: string }) {
  const problems = useProblemsAt(pointer, true);
  return <FieldProblems pointer={pointer} problems={problems} />;
}

/** A new transition: automatic or on an event (a name the workflow uses, or a new one), and where it leads. */
function AddTransitionForm({ path, stage, onChange }: Omit<Props, 'pointer'>) {
  const { t } = useTranslation();
  const eventName = useEventName(undefined);
  const stageName = useStageName(undefined);
  const problemText = useProblemText();
  const definition = useEditedDefinition();
  const id = useId();
  const [trigger, setTrigger] = useState<TransitionTrigger>('event');
  const [event, setEvent] = useState('');
  const [target, setTarget] = useState<string>();
  const [tried, setTried] = useState(false);
  const known = [...new Set(listStages(definition).flatMap((entry) => listTransitions(entry).flatMap((row) => (row.trigger.kind === 'event' ? [row.trigger.event] : []))))].sort();
  const eventProblem = trigger === 'event' && (tried || event !== '') ? eventNameProblem(event) : null;
  const targetMissing = tried && trigger === 'always' && !target;
  const submit = (submitted: FormEvent) => {
    submitted.preventDefault();
    submitted.stopPropagation();
    setTried(true);
    if ((trigger === 'event' && eventNameProblem(event)) || (trigger === 'always' && !target)) return;
    onChange(addTransition(stage, trigger, event, target ? { target } : {}));
    setEvent('');
    setTarget(undefined);
    setTried(false);
  };
  return (
    <form className="add-transition" onSubmit={submit} aria-labelledby={`${id}-legend`} noValidate>
      <h4 id={`${id}-legend`}>{t('workflowEditor.addTransition')}</h4>
      <div className="field">
        <label htmlFor={`${id}-trigger`}>{t('workflowEditor.trigger')}</label>
        <select id={`${id}-trigger`} value={trigger} onChange={(changed) => setTrigger(changed.target.value as TransitionTrigger)}>
          <option value="event">{t('workflowEditor.triggers.event')}</option>
          <option value="always">{t('workflowEditor.triggers.always')}</option>
        </select>
      </div>
      {trigger === 'event' && (
        <div className="field">
          <label htmlFor={`${id}-event`}>{t('workflowEditor.eventName')}</label>
          <input
            id={`${id}-event`}
            list={`${id}-events`}
            value={event}
            aria-invalid={eventProblem ? true : undefined}
            aria-describedby={eventProblem ? `${id}-event-problem` : `${id}-event-hint`}
            onChange={(changed) => setEvent(changed.target.value.trim())}
          />
          <datalist id={`${id}-events`}>
            {known.map((name) => (
              <option key={name} value={name}>
                {eventName(name)}
              </option>
            ))}
          </datalist>
          {eventProblem ? (
            <p id={`${id}-event-problem`} className="error">
              {problemText({ path: '', code: eventProblem })}
            </p>
          ) : (
            <p id={`${id}-event-hint`} className="hint">
              {t('workflowEditor.eventNameHint')}
            </p>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-target`}>{t('workflowEditor.target')}</label>
        <select
          id={`${id}-target`}
          value={target ?? ''}
          aria-invalid={targetMissing ? true : undefined}
          aria-describedby={targetMissing ? `${id}-target-problem` : undefined}
          onChange={(changed) => setTarget(changed.target.value || undefined)}
        >
          <option value="">{t('workflowEditor.stay')}</option>
          {targetsInScope(definition, path).map((option) => (
            <option key={option.path} value={option.target}>
              {stageName(option.path)} ({option.path})
            </option>
          ))}
        </select>
        {targetMissing && (
          <p id={`${id}-target-problem`} className="error">
            {problemText({ path: '', code: 'always-without-target' })}
          </p>
        )}
      </div>
      <button type="submit">{t('workflowEditor.addTransition')}</button>
    </form>
  );
}
