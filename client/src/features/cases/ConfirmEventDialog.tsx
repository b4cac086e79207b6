import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../common';

interface Props {
  title: string;
  /** What confirming does, in words. */
  warning: string;
  reasons: readonly string[];
  /** i18n key prefix of the reasons' labels (`events.closeReasons`). */
  reasonKeys: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm(reason: string): void;
  onCancel(): void;
}

/** Asks for a reason and an explicit confirmation before a step that cannot simply be undone. */
export function ConfirmEventDialog({ title, warning, reasons, reasonKeys, confirmLabel, busy, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), reason: useId(), confirm: useId() };
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const missing = [!reason && t('events.reason'), !confirmed && t('events.confirmation')].filter(Boolean);
  return (
    <dialog ref={dialog} className="confirm-event" aria-labelledby={ids.title} onCancel={onCancel}>
      <form
        method="dialog"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (missing.length === 0) onConfirm(reason);
        }}
      >
        <h2 id={ids.title}>{title}</h2>
        <p>{warning}</p>
        {tried && missing.length > 0 && (
          <ErrorMessage>{t('signIn.missing', { fields: missing.join(', ') })}</ErrorMessage>
        )}
        <div className="field">
          <label htmlFor={ids.reason}>{t('events.reason')}</label>
          <select id={ids.reason} value={reason} onChange={(event) => setReason(event.target.value)} required>
            <option value="">{t('events.chooseReason')}</option>
            {reasons.map((key) => (
              <option key={key} value={key}>
                {t(`${reasonKeys}.${key}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input id={ids.confirm} type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
          <label htmlFor={ids.confirm}>{t('events.confirmCheck')}</label>
        </div>
        <button type="submit" className="danger" disabled={busy}>
          {confirmLabel}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('events.cancel')}
        </button>
      </form>
    </dialog>
  );
}
