import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiSend, ApiError, itemsOf } from '../../api/http';
import { ApiStatus, PageHeading, useApi, formatDate } from '../common';
import { ExportCsvButton } from '../export';
import { useSession } from '../session';

interface User {
  id: string;
  email?: string;
  name?: string;
  status?: string;
}

interface AccountLock {
  userId: string;
  lockedUntil: string;
}

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { ability } = useSession();
  const id = useId();
  const users = useApi<User[]>('/api/users');
  const canUnlock = ability.can('update', 'User');
  const locks = useApi<AccountLock[]>(canUnlock ? '/api/account-locks' : null);
  const lockedUntil = new Map(itemsOf(locks.data).map((lock) => [lock.userId, lock.lockedUntil]));
  const roles = useApi<Array<{ id: string; name: string; orgId: string | null }>>(ability.can('create', 'User') ? '/api/roles?organisations=all' : null);
  const organisations = useApi<Array<{ id: string; name: string }>>(ability.can('create', 'User') ? '/api/organisations' : null);
  // A role belongs to one organisation, so choosing it chooses where the user is added: grouped by organisation.
  const roleGroups = itemsOf(organisations.data)
    .map((organisation) => ({ organisation, roles: itemsOf(roles.data).filter((role) => role.orgId === organisation.id) }))
    .filter((group) => group.roles.length > 0);
  const platformRoles = itemsOf(roles.data).filter((role) => role.orgId === null);
  const [form, setForm] = useState({ email: '', name: '', roleId: '' });
  const [status, setStatus] = useState<string>();
  // Shown once: the link is not stored, only its hash, so it cannot be shown again.
  const [invitation, setInvitation] = useState<{ url: string; expiresAt: string }>();
  const rows = itemsOf(users.data);

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      const created = await apiSend<{ invitation?: { url: string; expiresAt: string } }>('POST', '/api/users', form);
      setStatus(t('users.created'));
      setInvitation(created.invitation ? { url: `${window.location.origin}${created.invitation.url}`, expiresAt: created.invitation.expiresAt } : undefined);
      users.reload();
    } catch (failure) {
      setStatus(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure));
    }
  }

  async function unlock(user: User) {
    try {
      await apiSend('POST', `/api/users/${user.id}/unlock`);
      setStatus(t('users.unlocked', { name: user.name }));
      locks.reload();
    } catch (failure) {
      setStatus(failure instanceof ApiError ? failure.problem.detail || failure.problem.title : String(failure));
    }
  }

  return (
    <section aria-labelledby="users-title">
      <PageHeading
        id="users-title"
        actions={
          <ExportCsvButton
            filename="users.csv"
            rows={rows as unknown as Array<Record<string, unknown>>}
            columns={[
              { key: 'name', label: t('users.name') },
              { key: 'email', label: t('users.email') },
              { key: 'status', label: t('users.status') },
            ]}
          />
        }
      >
        {t('users.title')}
      </PageHeading>
      <ApiStatus loading={users.loading} error={users.error} />
      {status && <p role="status">{status}</p>}
      {invitation && (
        <div className="card" aria-labelledby={`${id}-invitation`}>
          <h2 id={`${id}-invitation`}>{t('users.invitation')}</h2>
          <p>{t('users.invitationHint', { time: formatDate(invitation.expiresAt, i18n.language, true) })}</p>
          <input readOnly aria-label={t('users.invitation')} value={invitation.url} onFocus={(event) => event.target.select()} />
        </div>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('users.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((user) => (
            <tr key={user.id}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td>
                {user.status}
                {lockedUntil.has(user.id) && (
                  <span className="status-tag warning">{t('users.lockedUntil', { time: formatDate(lockedUntil.get(user.id), i18n.language, true) })}</span>
                )}
              </td>
              <td>
                {canUnlock && lockedUntil.has(user.id) && (
                  <button type="button" onClick={() => void unlock(user)}>
                    {t('users.unlock', { name: user.name })}
                  </button>
                )}
                {ability.can('revoke', 'Session') && (
                  <button
                    type="button"
                    onClick={() =>
                      void apiSend<{ revoked: number }>('POST', `/api/users/${user.id}/revoke-sessions`).then(
                        (result) => setStatus(t('users.revoked', { count: result.revoked })),
                        (failure: unknown) => setStatus(String(failure)),
                      )
                    }
                  >
                    {t('users.revokeSessions', { name: user.name })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ability.can('create', 'User') && (
        <form onSubmit={(event) => void create(event)} className="card">
          <h2>{t('users.add')}</h2>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('users.name')}</label>
            <input id={`${id}-name`} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-email`}>{t('users.email')}</label>
            <input id={`${id}-email`} type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('users.role')}</label>
            <select id={`${id}-role`} required value={form.roleId} onChange={(e) => setForm({ ...form, roleId: e.target.value })}>
              <option value="">—</option>
              {roleGroups.map(({ organisation, roles: own }) => (
                <optgroup key={organisation.id} label={organisation.name}>
                  {own.map((role) => (
                    <option key={role.id} value={role.id}>
                      {t('users.roleIn', { role: role.name, organisation: organisation.name })}
                    </option>
                  ))}
                </optgroup>
              ))}
              {platformRoles.length > 0 && (
                <optgroup label={t('users.platformRoles')}>
                  {platformRoles.map((role) => (
                    <option key={role.id} value={role.id}>
                      {role.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </div>
          <button type="submit">{t('users.add')}</button>
        </form>
      )}
    </section>
  );
}
