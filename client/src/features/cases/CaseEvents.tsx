import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import type { WorkflowDefinition } from '../workflows/workflow.types';
import type { CaseRecord } from './case.types';
import { fireEvent } from './cases.api';
import { useEventName } from './StageName';

/**
 * The events this user may fire on the case now, as buttons. The server works them out (`availableEvents`): the
 * rules' `fire` permission, the active stages, their guards and required forms; deadline events are never offered.
 * The server checks again when an event arrives and answers with a translated reason if the case moved meanwhile.
 */
export function CaseEvents({ record, definition, onFired }: { record: CaseRecord; definition?: WorkflowDefinition; onFired: (updated: CaseRecord) => void }) {
  const { t } = useTranslation();
  const eventName = useEventName(definition?.id);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const events = record.availableEvents ?? [];
  if (events.length === 0) {
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
