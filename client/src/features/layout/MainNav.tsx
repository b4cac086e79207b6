import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { InboxLink } from '../inbox';
import { useSession } from '../session';

interface Item {
  to: string;
  label: string;
  /** Shown only when the ability allows it. */
  can?: [string, string];
}

const ITEMS: Item[] = [
  { to: '/dashboard', label: 'nav.dashboard', can: ['read', 'Case'] },
  { to: '/cases', label: 'nav.cases', can: ['read', 'Case'] },
  { to: '/forms', label: 'nav.forms', can: ['update', 'Form'] },
  { to: '/workflows', label: 'nav.workflows', can: ['update', 'Workflow'] },
  { to: '/admin/users', label: 'nav.users', can: ['read', 'User'] },
  { to: '/admin/roles', label: 'nav.roles', can: ['read', 'Role'] },
  { to: '/admin/organisations', label: 'nav.organisations', can: ['update', 'Organisation'] },
  { to: '/audit', label: 'nav.audit', can: ['read', 'AuditEntry'] },
];

export function MainNav() {
  const { t } = useTranslation();
  const { session, ability } = useSession();
  const items = session ? ITEMS.filter((item) => !item.can || ability.can(item.can[0], item.can[1])) : [];
  return (
    <nav aria-label={t('layout.mainNavigation')}>
      <ul>
        <li>
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
        </li>
        {session && (
          <li>
            <InboxLink />
          </li>
        )}
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to}>{t(item.label)}</NavLink>
          </li>
        ))}
        <li>
          <NavLink to="/about">{t('nav.about')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
