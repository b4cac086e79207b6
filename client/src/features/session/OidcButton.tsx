import { useTranslation } from 'react-i18next';
import { useApi } from '../common';
import { rememberSignedIn } from './signed-in-flag';

interface OidcOrganisation {
  slug: string;
  name: string;
}

/**
 * Single sign-on for the organisations that have it (`GET /api/auth/oidc` → `[{ slug, name }]`); nothing is shown
 * when none has. The browser leaves for `/api/auth/oidc/:org/start` and the server brings it back signed in.
 */
export function OidcButtons() {
  const { t } = useTranslation();
  const { data } = useApi<OidcOrganisation[]>('/api/auth/oidc');
  if (!data?.length) return null;
  return (
    <section aria-labelledby="sso-title" className="sso">
      <h2 id="sso-title">{t('signIn.ssoTitle')}</h2>
      <ul>
        {data.map((org) => (
          <li key={org.slug}>
            <a className="button" href={`/api/auth/oidc/${encodeURIComponent(org.slug)}/start`} onClick={() => rememberSignedIn(true)}>
              {t('signIn.oidc', { organisation: org.name })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
