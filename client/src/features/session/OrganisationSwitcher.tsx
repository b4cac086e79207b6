import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSession } from './session-context';

/** Shown when the user belongs to more than one organisation; switching reloads the rules for the new one. */
export function OrganisationSwitcher() {
  const { t } = useTranslation();
  const { session, switchOrganisation } = useSession();
  const navigate = useNavigate();
  const id = useId();
  const [busy, setBusy] = useState(false);
  if (!session || session.organisations.length < 2) {
    return session ? <span className="current-org">{session.org.name}</span> : null;
  }
  return (
    <div className="org-switcher">
      <label htmlFor={id}>{t('layout.organisation')}</label>
      <select
        id={id}
        value={session.org.id}
        disabled={busy}
        onChange={(event) => {
          setBusy(true);
          switchOrganisation(event.target.value)
            .then(() => navigate('/dashboard'))
            .finally(() => setBusy(false));
        }}
      >
        {session.organisations.map((membership) => (
          <option key={membership.id} value={membership.id}>
            {membership.name} ({membership.role.name})
          </option>
        ))}
      </select>
    </div>
  );
}
