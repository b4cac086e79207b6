import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../api/http';

interface OidcProvider {
  issuer: string;
  /** Where the browser goes to start the authorisation code flow. */
  loginUrl: string;
}

/**
 * Single sign-on for an organisation that has it configured. Expected server route (not built yet):
 * `GET /api/auth/oidc/:org` → `{ issuer, loginUrl }`, 404 when the organisation has none. The button stays hidden
 * until an organisation is typed and the server confirms a provider.
 */
export function OidcButton({ org }: { org: string }) {
  const { t } = useTranslation();
  const [provider, setProvider] = useState<OidcProvider | null>(null);

  useEffect(() => {
    setProvider(null);
    if (!/^[a-z0-9][a-z0-9-]{1,63}$/.test(org)) return;
    const timer = window.setTimeout(() => {
      apiGet<OidcProvider>(`/api/auth/oidc/${encodeURIComponent(org)}`).then(
        (found) => setProvider(found?.loginUrl ? found : null),
        () => setProvider(null),
      );
    }, 500);
    return () => window.clearTimeout(timer);
  }, [org]);

  if (!provider) return null;
  return (
    <p>
      <a className="button" href={provider.loginUrl}>
        {t('signIn.oidc', { issuer: new URL(provider.issuer).host })}
      </a>
    </p>
  );
}
