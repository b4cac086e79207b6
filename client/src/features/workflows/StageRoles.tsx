import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleKey } from '@contracts/workflows/i18n-keys.util';
import type { RoleAssignment as Assignment } from '@contracts/workflows/workflow-definition.schemas';

const DUTIES: Assignment['duty'][] = ['responsible', 'contributes', 'informed'];
const ROLE_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Who works on a stage and how (responsible, contributes, informed): change a duty, remove a role, or add one of the
 * roles the workflows name (or a new one of the municipality's own). The server checks the identifier again.
 */
export function StageRoles({ path, roles, onChange }: { path: string; roles: Assignment[]; onChange: (roles: Assignment[]) => void }) {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('workflows');
  const [newRole, setNewRole] = useState('');
  const [newDuty, setNewDuty] = useState<Assignment['duty']>('contributes');
  const id = path.replace(/[^A-Za-z0-9_-]/g, '-');
  const known = Object.keys((tw('roles', { returnObjects: true, defaultValue: {} }) as Record<string, string>) ?? {});
  const roleName = (role: string) => tw(roleKey(role), { defaultValue: role });
  const valid = ROLE_ID.test(newRole) && !roles.some((item) => item.role === newRole);
  return (
    <>
      <ul className="stage-roles">
        {roles.map((assignment, index) => (
          <li key={assignment.role}>
            <label htmlFor={`duty-${id}-${assignment.role}`}>{roleName(assignment.role)}</label>{' '}
            <select
              id={`duty-${id}-${assignment.role}`}
              value={assignment.duty}
              onChange={(event) => onChange(roles.map((item, i) => (i === index ? { ...item, duty: event.target.value as Assignment['duty'] } : item)))}
            >
              {DUTIES.map((duty) => (
                <option key={duty} value={duty}>
                  {t(`workflowEditor.duty.${duty}`)}
                </option>
              ))}
            </select>{' '}
            <button type="button" onClick={() => onChange(roles.filter((_, i) => i !== index))} aria-label={t('workflowEditor.removeRole', { role: roleName(assignment.role) })}>
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="field inline">
        <label htmlFor={`new-role-${id}`}>{t('workflowEditor.addRole')}</label>
        <input id={`new-role-${id}`} list={`known-roles-${id}`} value={newRole} onChange={(event) => setNewRole(event.target.value.trim())} />
        <datalist id={`known-roles-${id}`}>
          {known.map((role) => (
            <option key={role} value={role}>
              {roleName(role)}
            </option>
          ))}
        </datalist>
        <select aria-label={t('workflowEditor.dutyOfNewRole')} value={newDuty} onChange={(event) => setNewDuty(event.target.value as Assignment['duty'])}>
          {DUTIES.map((duty) => (
            <option key={duty} value={duty}>
              {t(`workflowEditor.duty.${duty}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!valid}
          onClick={() => {
            onChange([...roles, { role: newRole, duty: newDuty }]);
            setNewRole('');
          }}
        >
          {t('workflowEditor.add')}
        </button>
      </div>
    </>
  );
}
