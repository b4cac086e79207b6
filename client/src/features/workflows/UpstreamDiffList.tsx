import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deadline, RoleAssignment, Transition } from '@contracts/workflows/workflow-definition.schemas';
import { useEventName, useStageLabel } from './StageName';
import { useDeadlineName } from './DeadlineField';
import { useDurationWords } from './duration';
import { useFormChoices } from './editor-context';
import { splitPointer } from './ProblemList';

/** One change of `GET /api/workflows/:id/diff`: what changed (a stage, deadline, form...), how, where, from what to what. */
export interface UpstreamChange {
  subject: string;
  change: 'added' | 'removed' | 'changed';
  path: string;
  before?: unknown;
  after?: unknown;
}

/** A change in words: what it is, and the value before and after where there is one to show. */
interface Worded {
  text: string;
  before?: string;
  after?: string;
}

/** The words for every kind of change the server reports, with values in words (stage names, "120 days", roles). */
function useChangeWords() {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  const stageLabel = useStageLabel(undefined);
  const eventName = useEventName(undefined);
  const deadlineName = useDeadlineName();
  const durationWords = useDurationWords();
  const forms = useFormChoices();
  const formTitle = (path: string) => forms.find((form) => form.path === path)?.title ?? t(`formTitles.${path}`, { defaultValue: path });
  const deadlineWords = (deadline: Deadline | undefined) =>
    !deadline ? '' : deadline.after !== undefined ? durationWords(deadline.after, deadline.id === (deadline.after as { parameter?: string }).parameter ? deadlineName(deadline.id) : undefined) : t('diffWords.schedule');
  const transitionWords = (transition: Transition | undefined, from: string) => {
    if (!transition) return '';
    const to = transition.target ? stageLabel(resolveTarget(from, transition.target)) : t('workflowEditor.stay');
    return transition.guard !== undefined && transition.guard !== true ? t('diffWords.toWithCondition', { stage: to }) : t('diffWords.to', { stage: to });
  };
  const valueWords = (key: string, value: unknown, stagePath: string | null): string => {
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return t('diffWords.nothing');
    if (key === 'roles') {
      return (value as RoleAssignment[]).map((role) => `${tw(`roles.${role.role}`, { defaultValue: role.role })} (${t(`workflowEditor.duty.${role.duty}`)})`).join(', ');
    }
    if (key === 'initial') return stageLabel(stagePath ? `${stagePath}/${String(value)}` : String(value));
    if (key === 'type') return t(`diffWords.types.${String(value)}`, { defaultValue: String(value) });
    if (key === 'jurisdiction') return tw(`jurisdictions.${String(value)}.name`, { defaultValue: String(value) });
    if (key === 'referralTo' || key === 'titleKey') return String(value);
    if (key === 'marks') return (value as string[]).map((mark) => tw(`marks.${mark}`, { defaultValue: mark })).join(', ');
    if (key === 'entryActions') return (value as Array<{ id: string }>).map((action) => tw(`actions.${action.id}.title`, { defaultValue: action.id })).join(', ');
    return JSON.stringify(value);
  };

  return (change: UpstreamChange): Worded => {
    const { stagePath, rest } = splitPointer(change.path);
    const stage = stagePath ? stageLabel(stagePath) : '';
    const [field, second] = rest;
    const how = change.change;
    if (change.subject === 'stage') return { text: t(`diffWords.stage.${how}`, { stage }) };
    if (change.subject === 'form') {
      const form = formTitle(String(change.after ?? change.before));
      return { text: t(`diffWords.form.${how}`, { stage, form }) };
    }
    if (change.subject === 'deadline') {
      const deadline = (change.after ?? change.before) as Deadline;
      const text = t(`diffWords.deadline.${how}`, { stage, deadline: deadlineName(deadline.id) });
      return how === 'changed'
        ? { text, before: deadlineWords(change.before as Deadline), after: deadlineWords(change.after as Deadline) }
        : { text, [how === 'added' ? 'after' : 'before']: deadlineWords(deadline) };
    }
    if (change.subject === 'transition') {
      const which = field === 'on' && second !== undefined ? t('workflowEditor.places.transition', { event: eventName(second) }) : field === 'always' ? t('workflowEditor.places.automatic') : t('workflowEditor.places.whenFinished');
      const text = t(`diffWords.transition.${how}`, { stage, transition: which });
      const from = stagePath ?? '';
      return how === 'changed'
        ? { text, before: transitionWords(change.before as Transition, from), after: transitionWords(change.after as Transition, from) }
        : { text, [how === 'added' ? 'after' : 'before']: transitionWords((change.after ?? change.before) as Transition, from) };
    }
    // A property of a stage or of the workflow: its name, then its value before and after.
    const key = (stagePath ? field : rest[0]) ?? '';
    const property = t(`diffWords.properties.${key}`, { defaultValue: key });
    return {
      text: stagePath ? t('diffWords.stageProperty', { stage, property }) : t('diffWords.workflowProperty', { property }),
      before: valueWords(key, change.before, stagePath),
      after: valueWords(key, change.after, stagePath),
    };
  };
}

/** The stage path a transition's target names, resolved from the stage it leaves (a sibling or an ancestor's sibling). */
function resolveTarget(from: string, target: string): string {
  const parent = from.split('/').slice(0, -1);
  return parent.length > 0 && !target.includes('/') ? [...parent, target].join('/') : target;
}

/**
 * The difference of the draft to the template it was cloned from, in words: what was added, removed or changed, and
 * for a changed value what it was and what it is now. It appears at the foot of a long page (below the form
 * bindings): it is brought into view and focused when shown, or the administrator who asked sees nothing happen.
 */
export function UpstreamDiffList({ changes }: { changes: UpstreamChange[] }) {
  const { t } = useTranslation();
  const words = useChangeWords();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [changes]);
  const value = (text: string | undefined, className: string, label: string): ReactNode =>
    text === undefined ? null : (
      <span className={className}>
        <span className="visually-hidden">{label} </span>
        {text}
      </span>
    );
  return (
    <section aria-labelledby="diff-title">
      <h2 id="diff-title" ref={heading} tabIndex={-1}>
        {t('workflowEditor.diffUpstream')}
      </h2>
      <ul className="diff">
        {changes.map((change) => {
          const worded = words(change);
          return (
            <li key={`${change.path}-${change.change}`} className={change.change}>
              <span className="status-tag">{t(`diff.${change.change}`, { defaultValue: change.change })}</span> {worded.text}
              {(worded.before !== undefined || worded.after !== undefined) && ': '}
              {value(worded.before, 'diff-before', t('diffWords.before'))}
              {worded.before !== undefined && worded.after !== undefined && <span aria-hidden="true"> → </span>}
              {value(worded.after, 'diff-after', t('diffWords.after'))}
            </li>
          );
        })}
        {changes.length === 0 && <li>{t('diff.none')}</li>}
      </ul>
    </section>
  );
}
