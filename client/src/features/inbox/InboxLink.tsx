import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import type { InboxView } from '@contracts/referrals/inbox.types';
import { apiGet } from '../../api/http';
import { onInboxChanged } from './inbox-events';

/** How often the count is asked again while a page stays open: new referrals and tasks arrive without a click. */
const REFRESH_MS = 60_000;

/** The header's link to the inbox with the number of unread items, refreshed on every page change and each minute. */
export function InboxLink() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [tick, setTick] = useState(0);

  useEffect(() => onInboxChanged(() => setTick((value) => value + 1)), []);
  useEffect(() => {
    const timer = window.setInterval(() => setTick((value) => value + 1), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => {
    let live = true;
    apiGet<InboxView>('/api/inbox').then(
      (view) => live && setUnread(view.unread),
      // The count is a convenience: the inbox page itself shows any problem.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [pathname, tick]);

  return (
    <NavLink to="/inbox" className="inbox-link">
      {t('nav.inbox')}
      {unread > 0 && (
        <span className="status-tag unread-count" data-testid="inbox-unread">
          <span className="visually-hidden">{t('inbox.unreadLabel')} </span>
          {unread}
        </span>
      )}
    </NavLink>
  );
}
