import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { ApiError } from '../../api/http';
import { OidcButtons } from './OidcButton';
import { ErrorMessage } from '../common';
import { PasswordField } from './PasswordField';
import { useSession } from './session-context';

export function SignInPage() {
  const { t } = useTranslation();
  const { session, signIn } = useSession();
  const location = useLocation();
  const state = location.state as { from?: string; userId?: string } | null;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [org, setOrg] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const ids = { email: useId(), password: useId(), org: useId(), error: useId() };

  // Back to the page that sent here only for the person who was on it; anyone else starts at their own dashboard.
  if (session) return <Navigate to={state?.from && (!state.userId || state.userId === session.user.id) ? state.from : '/dashboard'} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = [!email.trim() && t('signIn.email'), !password && t('signIn.password')].filter(Boolean);
    if (missing.length) {
      setError(t('signIn.missing', { fields: missing.join(', ') }));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      // The page to go back to is chosen above, once the session is known.
      await signIn(email.trim(), password, org.trim() || undefined);
    } catch (failure) {
      const fields = failure instanceof ApiError ? (failure.problem.problems ?? []).map((problem) => problem.path).filter(Boolean) : [];
      const named = fields.map((field) => t(`signIn.${field === 'org' ? 'organisation' : field}`, { defaultValue: field }));
      setError(
        failure instanceof ApiError
          ? [failure.problem.detail || failure.problem.title, named.length ? t('signIn.checkFields', { fields: named.join(', ') }) : ''].filter(Boolean).join(' ')
          : t('home.unreachable'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="sign-in-title" className="sign-in">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <form onSubmit={(event) => void submit(event)} noValidate aria-describedby={error ? ids.error : undefined}>
        {/* The form names its error in `aria-describedby` by this id. */}
        <ErrorMessage id={ids.error}>{error}</ErrorMessage>
        <div className="field">
          <label htmlFor={ids.email}>{t('signIn.email')}</label>
          <input id={ids.email} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <PasswordField id={ids.password} label={t('signIn.password')} autoComplete="current-password" required value={password} onChange={setPassword} />
        <div className="field">
          <label htmlFor={ids.org}>{t('signIn.organisation')}</label>
          <input id={ids.org} type="text" autoComplete="organization" value={org} onChange={(e) => setOrg(e.target.value)} aria-describedby={`${ids.org}-hint`} />
          <p id={`${ids.org}-hint`} className="hint">
            {t('signIn.organisationHint')}
          </p>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
      </form>
      <OidcButtons />
      <p>
        <Link to="/set-password">{t('signIn.invited')}</Link>
      </p>
    </section>
  );
}
