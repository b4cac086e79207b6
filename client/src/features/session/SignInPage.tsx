import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/http';
import { OidcButtons } from './OidcButton';
import { useSession } from './session-context';

export function SignInPage() {
  const { t } = useTranslation();
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/dashboard';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [org, setOrg] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const ids = { email: useId(), password: useId(), org: useId(), error: useId() };

  if (session) return <Navigate to={from} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email.trim(), password, org.trim() || undefined);
      void navigate(from, { replace: true });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : t('home.unreachable'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="sign-in-title" className="sign-in">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <form onSubmit={(event) => void submit(event)} noValidate aria-describedby={error ? ids.error : undefined}>
        {error && (
          <p id={ids.error} role="alert" className="error">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor={ids.email}>{t('signIn.email')}</label>
          <input id={ids.email} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('signIn.password')}</label>
          <input
            id={ids.password}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
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
    </section>
  );
}
