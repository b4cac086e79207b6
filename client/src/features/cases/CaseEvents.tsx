import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, EventOption } from '@contracts/cases/case-view.types';
import type { WorkflowDefinition } from '@contracts/workflows/workflow-definition.schemas';
import { ApiError } from '../../api/http';
import { fireEvent } from './cases.api';
import { useEventName, useStageName } from './StageName';

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
 * and a button. The server checks again when an event arrives and answers with a translated reason if the case moved.
 */
export function CaseEvents({ record, definition, onFired }: { record: CaseDetail; definition?: WorkflowDefinition; onFired: (updated: CaseDetail) => void }) {
  const { t } = useTranslation();
  const eventName = useEventName(definition?.id);
  const stageName = useStageName(definition?.id);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const options = record.eventOptions ?? (record.availableEvents ?? []).map((type) => ({ type, data: {} }));
  if (options.length === 0) {
    return <p>{t('caseDetail.noEvents')}</p>;
  }
  const fire = (option: EventOption) => {
    setBusy(true);
    setError(undefined);
    fireEvent(record.id, option.type, option.data)
      .then(onFired, (failure: unknown) => setError(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure)))
      .finally(() => setBusy(false));
  };
  const dataLabel = (option: EventOption) => Object.values(option.data).map((value) => stageName(String(value))).join(', ');
  return (
    <div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul className="event-buttons">
        {byType(options).map(([type, group]) =>
          group.length === 1 && Object.keys(group[0]!.data).length === 0 ? (
            <li key={type}>
              <button type="button" disabled={busy} onClick={() => fire(group[0]!)}>
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
              <button type="button" disabled={busy} onClick={() => fire(group[chosen[type] ?? 0] ?? group[0]!)}>
                {eventName(type)}
              </button>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
