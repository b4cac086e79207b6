import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { apiSend, ApiError } from '../../api/http';
import { ErrorMessage } from '../common';
import { PasswordField } from './PasswordField';

/** The token of an invitation link (`/set-password#<token>`), or of a whole link pasted into the field. */
function tokenOf(text: string): string {
  const trimmed = text.trim();
  const hash = trimmed.lastIndexOf('#');
  return hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
}

/**
 * A new user sets their own password with the link of their invitation: the link works once and for seven days.
 * Nobody else ever chooses or sends the password. Opened without the link's token, the page asks for the link.
 */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const ids = { link: useId(), password: useId(), repeat: useId(), error: useId() };
  const [link, setLink] = useState(location.hash.slice(1));
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < 12) return setError(t('setPassword.tooShort'));
    if (password !== repeat) return setError(t('setPassword.different'));
    setBusy(true);
    setError(undefined);
    try {
      await apiSend('POST', '/api/auth/invitation', { token: tokenOf(link), password });
      setDone(true);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : t('home.unreachable'));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <section aria-labelledby="set-password-title" className="sign-in">
        <h1 id="set-password-title">{t('setPassword.title')}</h1>
        <p role="status">{t('setPassword.done')}</p>
        <Link to="/sign-in">{t('signIn.submit')}</Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="set-password-title" className="sign-in">
      <h1 id="set-password-title">{t('setPassword.title')}</h1>
      <p>{t('setPassword.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate aria-describedby={error ? ids.error : undefined}>
        {/* The form names its error in `aria-describedby` by this id. */}
        <ErrorMessage id={ids.error}>{error}</ErrorMessage>
        {!location.hash && (
          <div className="field">
            <label htmlFor={ids.link}>{t('setPassword.link')}</label>
            <input id={ids.link} type="text" required value={link} onChange={(e) => setLink(e.target.value)} />
          </div>
        )}
        <PasswordField id={ids.password} label={t('setPassword.password')} autoComplete="new-password" required minLength={12} value={password} onChange={setPassword} />
        <PasswordField id={ids.repeat} label={t('setPassword.repeat')} autoComplete="new-password" required value={repeat} onChange={setRepeat} />
        <button type="submit" className="primary" disabled={busy}>
          {t('setPassword.submit')}
        </button>
      </form>
    </section>
  );
}
