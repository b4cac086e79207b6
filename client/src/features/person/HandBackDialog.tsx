import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiSend, ApiError } from '../../api/http';
import { ErrorMessage } from '../common';

/**
 * For the caseworker, in the staff language: the password ends the handover on the server (the same sign-in limits
 * apply), and only then does the staff view come back.
 */
export function HandBackDialog({ onReturned, onCancel, onSignOut }: { onReturned(): void; onCancel(): void; onSignOut(): void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await apiSend('POST', '/api/auth/person-view/end', { password });
      onReturned();
    } catch (failure) {
      setPassword('');
      setNeedsSignIn(failure instanceof ApiError && failure.problem.code === 'person-view-needs-sign-in');
      setError(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure));
      setBusy(false);
      input.current?.focus();
    }
  }

  return (
    <div className="person-dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} className="person-dialog" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
        <h2 id={`${id}-title`}>{t('personView.returnTitle')}</h2>
        <p>{t('personView.returnHint')}</p>
        <ErrorMessage>{error}</ErrorMessage>
        <form onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('personView.password')}</label>
            <input ref={input} id={`${id}-password`} type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
          </div>
          <button type="submit" className="primary" disabled={busy || !password}>
            {t('personView.return')}
          </button>{' '}
          <button type="button" onClick={onCancel}>
            {t('personView.cancel')}
          </button>
          {needsSignIn && (
            <>
              {' '}
              <button type="button" onClick={onSignOut}>
                {t('personView.signOut')}
              </button>
            </>
          )}
        </form>
      </div>
    </div>
  );
}
