import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { asSubject } from '../session/ability';
import { useSession } from '../session/session-context';
import { eventsOf } from '../workflows/use-workflow';
import type { WorkflowDefinition } from '../workflows/workflow.types';
import type { CaseRecord } from './case.types';
import { fireEvent } from './cases.api';
import { useEventName } from './StageName';

/** Events that timers fire when a deadline falls due: never offered as buttons. */
function timerEvents(definition: WorkflowDefinition): Set<string> {
  const found = new Set<string>();
  const visit = (stages: WorkflowDefinition['stages']) => {
    for (const stage of Object.values(stages)) {
      for (const deadline of stage.deadlines ?? []) if (deadline.event) found.add(deadline.event);
      visit({ ...(stage.stages ?? {}), ...(stage.regions ?? {}) });
    }
  };
  visit(definition.stages);
  return found;
}

/**
 * The events the case's active stages react to, as buttons — only when the rules allow firing events on this case.
 * The server checks guards and required forms and answers with a translated reason when an event cannot be taken.
 */
export function CaseEvents({ record, definition, onFired }: { record: CaseRecord; definition?: WorkflowDefinition; onFired: (updated: CaseRecord) => void }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  const eventName = useEventName(definition?.id);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const timers = definition ? timerEvents(definition) : new Set<string>();
  const events =
    definition && record.workflow?.snapshot?.status !== 'done'
      ? eventsOf(definition, record.workflow?.activeStages ?? []).filter((event) => !timers.has(event))
      : [];
  if (!ability.can('fire', asSubject('Case', record)) || events.length === 0) {
    return <p>{t('caseDetail.noEvents')}</p>;
  }
  return (
    <div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul className="event-buttons">
        {events.map((event) => (
          <li key={event}>
            <button
              type="button"
              disabled={busy !== undefined}
              onClick={() => {
                setBusy(event);
                setError(undefined);
                fireEvent(record.id, event)
                  .then(onFired, (failure: unknown) => setError(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure)))
                  .finally(() => setBusy(undefined));
              }}
            >
              {eventName(event)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
