import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { ErrorMessage } from '../common';
import { PasswordField } from './PasswordField';

interface Props {
  email: string;
  /** Signs the same person in again; throws the server's problem when it refuses. */
  signIn(password: string): Promise<void>;
  /** The person chose to stop: the page's request fails as it would have. */
  onCancel(): void;
}

/**
 * Shown over the page when the session ended while it was open (a request answered 401): the person signs in again
 * where they are, the page stays as it was (a form keeps its answers), and the request that failed is sent again.
 */
export function SignInAgainDialog({ email, signIn, onCancel }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), password: useId(), error: useId() };
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) {
      setError(t('signIn.missing', { fields: t('signIn.password') }));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await signIn(password);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : t('home.unreachable'));
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} className="sign-in-again" aria-labelledby={ids.title} onCancel={(event) => event.preventDefault()}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-describedby={error ? ids.error : undefined}>
        <h2 id={ids.title}>{t('signIn.againTitle')}</h2>
        <p>{t('signIn.againText', { email })}</p>
        {/* The form names its error in `aria-describedby` by this id. */}
        <ErrorMessage id={ids.error}>{error}</ErrorMessage>
        <PasswordField id={ids.password} label={t('signIn.password')} autoComplete="current-password" autoFocus value={password} onChange={setPassword} />
        <button type="submit" className="primary" disabled={busy}>
          {t('signIn.againSubmit')}
        </button>{' '}
        <button type="button" className="link-button" onClick={onCancel}>
          {t('signIn.againCancel')}
        </button>
      </form>
    </dialog>
  );
}
