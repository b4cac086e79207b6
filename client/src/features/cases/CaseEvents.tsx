import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSE_REASONS, REOPEN_REASONS } from '@contracts/cases/case-reasons';
import type { CaseDetail, EventOption } from '@contracts/cases/case-view.types';
import type { WorkflowDefinition } from '@contracts/workflows/workflow-definition.schemas';
import { apiSend, ApiError, type ProblemItem } from '../../api/http';
import { EventInputForm } from './EventInputForm';
import { useSession } from '../session';
import { fireEvent } from './cases.api';
import { ConfirmEventDialog } from './ConfirmEventDialog';
import { useReasonText } from './event-reasons';
import { useEventName, useStageName } from '../workflows';
import { ErrorMessage } from '../common';

/** The options of one event type, in the order the server gave them. */
function byType(options: EventOption[]): Array<[string, EventOption[]]> {
  const groups = new Map<string, EventOption[]>();
  for (const option of options) groups.set(option.type, [...(groups.get(option.type) ?? []), option]);
  return [...groups];
}

/**
 * The events this user may fire on the case now. The server works them out (`eventOptions`): the rules' `fire`
 * permission, the active stages, their guards and required forms, and the data an event needs. An event with one way
 * to take it is a button; an event the service tracks share (start, complete, not needed) is a choice of the track
 * and a button. Events that end the case come last and ask for a reason and a confirmation; events the stages have
 * but cannot take now are listed with the reasons in words; a closed case can be opened again with a reason. The
 * server checks again when an event arrives and answers with a translated reason if the case moved.
 */
export function CaseEvents({ record, definition, onFired }: { record: CaseDetail; definition?: WorkflowDefinition; onFired: (updated: CaseDetail) => void }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  const eventName = useEventName(definition?.id);
  const stageName = useStageName(definition?.id);
  const reasonText = useReasonText();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [inputProblems, setInputProblems] = useState<{ type: string; problems: ProblemItem[] }>();
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [confirming, setConfirming] = useState<EventOption | 'reopen'>();
  const options = record.eventOptions ?? (record.availableEvents ?? []).map((type) => ({ type, data: {} }));
  const ending = new Set(record.endingEvents ?? []);
  const blocked = record.blockedEvents ?? [];
  const closed = record.workflow?.snapshot.status === 'done';
  const settle = (sent: Promise<CaseDetail>, firing?: string) => {
    setBusy(true);
    setError(undefined);
    setInputProblems(undefined);
    sent
      .then((updated) => {
        setConfirming(undefined);
        onFired(updated);
      }, (failure: unknown) => {
        setError(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure));
        if (failure instanceof ApiError && failure.problem.code === 'event-input-invalid' && firing) {
          setInputProblems({ type: firing, problems: failure.problem.problems ?? [] });
        }
      })
      .finally(() => setBusy(false));
  };
  const fire = (option: EventOption, reason?: string) => settle(fireEvent(record.id, option.type, reason ? { ...option.data, reason } : option.data));
  const ask = (option: EventOption) => (ending.has(option.type) ? setConfirming(option) : fire(option));
  const dataLabel = (option: EventOption) => Object.values(option.data).map((value) => stageName(String(value))).join(', ');
  const groups = byType(options);
  // Steps that end the case last, so that the first button is never the one that closes it.
  const ordered = [...groups.filter(([type]) => !ending.has(type)), ...groups.filter(([type]) => ending.has(type))];
  return (
    <div>
      <ErrorMessage>{error}</ErrorMessage>
      {closed && <p>{t('events.closed')}</p>}
      {closed && ability.can('fire', 'Case') && (
        <button type="button" disabled={busy} onClick={() => setConfirming('reopen')}>
          {t('events.reopen')}
        </button>
      )}
      {!closed && options.length === 0 && <p>{t('caseDetail.noEvents')}</p>}
      {ordered.length > 0 && (
        <ul className="event-buttons">
          {ordered.map(([type, group]) =>
            group.length === 1 && group[0]!.inputs?.length ? (
              <li key={type} className="event-with-inputs">
                <EventInputForm
                  workflowId={definition?.id}
                  option={{ ...group[0]!, inputs: group[0]!.inputs }}
                  label={eventName(type)}
                  busy={busy}
                  problems={inputProblems?.type === type ? inputProblems.problems : []}
                  onSubmit={(values) => settle(fireEvent(record.id, type, { ...group[0]!.data, ...values }), type)}
                />
              </li>
            ) : group.length === 1 && Object.keys(group[0]!.data).length === 0 ? (
              <li key={type} className={ending.has(type) ? 'ending' : undefined}>
                <button type="button" className={ending.has(type) ? 'danger' : undefined} disabled={busy} onClick={() => ask(group[0]!)}>
                  {eventName(type)}
                </button>
              </li>
            ) : (
              <li key={type} className="event-choice">
                <select
                  aria-label={t('caseDetail.eventFor', { event: eventName(type) })}
                  id={`${id}-${type}`}
                  value={chosen[type] ?? 0}
                  onChange={(event) => setChosen({ ...chosen, [type]: Number(event.target.value) })}
                >
                  {group.map((option, index) => (
                    <option key={JSON.stringify(option.data)} value={index}>
                      {dataLabel(option)}
                    </option>
                  ))}
                </select>{' '}
                <button type="button" disabled={busy} onClick={() => ask(group[chosen[type] ?? 0] ?? group[0]!)}>
                  {eventName(type)}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      {blocked.length > 0 && (
        <>
          <h3>{t('events.notYet')}</h3>
          <ul className="blocked-events">
            {blocked.map((item) => (
              <li key={item.type}>
                <strong>{eventName(item.type)}</strong>: {item.reasons.map(reasonText).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {confirming === 'reopen' && (
        <ConfirmEventDialog
          title={t('events.reopenTitle')}
          warning={t('events.reopenWarning')}
          reasons={REOPEN_REASONS}
          reasonKeys="events.reopenReasons"
          confirmLabel={t('events.reopen')}
          busy={busy}
          onCancel={() => setConfirming(undefined)}
          onConfirm={(reason) => settle(apiSend<CaseDetail>('POST', `/api/cases/${encodeURIComponent(record.id)}/reopen`, { reason, version: record.version }))}
        />
      )}
      {confirming && confirming !== 'reopen' && (
        <ConfirmEventDialog
          title={eventName(confirming.type)}
          warning={t('events.endingWarning')}
          reasons={CLOSE_REASONS}
          reasonKeys="events.closeReasons"
          confirmLabel={eventName(confirming.type)}
          busy={busy}
          onCancel={() => setConfirming(undefined)}
          onConfirm={(reason) => fire(confirming, reason)}
        />
      )}
    </div>
  );
}
