import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { asSubject } from '../session/ability';
import { useSession } from '../session/session-context';
import type { CaseRecord } from './case.types';
import { fireEvent } from './cases.api';
import { useEventName } from './StageName';

/** The workflow events the case accepts now, as buttons — only when the rules allow firing events on this case. */
export function CaseEvents({ record, onFired }: { record: CaseRecord; onFired: (updated: CaseRecord) => void }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  const eventName = useEventName(record.workflow?.id);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const events = record.workflow?.events ?? [];
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
