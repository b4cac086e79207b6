import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';
import { LanguageSwitcher } from './LanguageSwitcher';

export function Layout() {
  const { t } = useTranslation();
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="layout-header">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('layout.mainNavigation')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/about">{t('nav.about')}</NavLink>
            </li>
          </ul>
        </nav>
        <LanguageSwitcher />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
