import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet } from 'react-router-dom';
import { MainNav, RouteAnnouncer } from '../features/layout';
import { OrganisationSwitcher, useSession, SignOutButton } from '../features/session';
import { LanguageSwitcher } from './LanguageSwitcher';

export function Layout() {
  const { t } = useTranslation();
  const { session } = useSession();
  // No staff page, not even the public ones, while the session is handed over to a person (issue 18).
  if (session?.personView) return <Navigate to={`/cases/${encodeURIComponent(session.personView.caseId)}/person`} replace />;
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="layout-header">
        <span className="brand">{t('app.name')}</span>
        <MainNav />
        <div className="header-tools">
          <LanguageSwitcher />
          <OrganisationSwitcher />
          {session ? (
            <>
              <span className="current-user">{session.user.name}</span>
              <SignOutButton />
            </>
          ) : (
            session === null && <Link to="/sign-in">{t('signIn.title')}</Link>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <RouteAnnouncer appName={t('app.name')} />
    </div>
  );
}
