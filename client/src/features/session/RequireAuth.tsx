import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from './session-context';
import { lastUser } from './signed-in-flag';

interface Props {
  children: ReactNode;
  /** When given, the page also needs this permission; otherwise it answers as if it did not exist. */
  can?: [action: string, subject: string];
}

/** Route guard: signed-out users go to the sign-in page and come back afterwards. */
export function RequireAuth({ children, can }: Props) {
  const { session, ability } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (session === undefined) return <p role="status">{t('common.loading')}</p>;
  if (session === null) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search, userId: lastUser() }} />;
  // A session handed over to a person shows the person view only, whatever address is typed or reloaded.
  const personPath = session.personView ? `/cases/${encodeURIComponent(session.personView.caseId)}/person` : undefined;
  if (personPath && location.pathname !== personPath) return <Navigate to={personPath} replace />;
  if (can && !ability.can(can[0], can[1])) {
    return (
      <section aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">{t('notFound.title')}</h1>
      </section>
    );
  }
  return <>{children}</>;
}
