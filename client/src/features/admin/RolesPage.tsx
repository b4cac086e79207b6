import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiSend, ApiError, itemsOf, type ProblemItem } from '../../api/http';
import { ApiStatus, PageHeading, useApi, ErrorMessage } from '../common';
import { useSession } from '../session';
import { describeRule, type RoleRule, type RoleScope } from './rule-words';
import type { TFunction } from 'i18next';

/** A refused rule in words: a permission the editor does not hold, a platform-only power, or a vocabulary problem. */
function problemWords(t: TFunction, problem: ProblemItem): string {
  if (problem.action && problem.subject) {
    return t('roles.notHeld', {
      action: t(`rules.actions.${problem.action}`, { defaultValue: problem.action }),
      subject: t(`rules.subjects.${problem.subject}`, { defaultValue: problem.subject }),
      field: problem.field ? ` (${t(`rules.fields.${problem.field}`, { defaultValue: problem.field })})` : '',
    });
  }
  if (problem.code === 'platform-only') return t('roles.platformOnly');
  return problem.message ?? problem.code ?? '';
}

interface Role {
  id: string;
  /** The organisation the role belongs to (null: a platform role, or an organisation the reader may not see). */
  organisation: { id: string; slug: string; name: string } | null;
  orgId: string | null;
  key: string;
  name: string;
  scope: RoleScope;
  rules: RoleRule[];
  version: number;
}

function RoleEditor({ role, onSaved }: { role: Role; onSaved: () => void }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  const id = useId();
  const [text, setText] = useState(JSON.stringify(role.rules, null, 2));
  const [problems, setProblems] = useState<ProblemItem[]>([]);
  const [status, setStatus] = useState<string>();
  let rules: RoleRule[] | undefined;
  try {
    rules = JSON.parse(text) as RoleRule[];
  } catch {
    rules = undefined;
  }
  const canEdit = ability.can('update', 'Role');
  async function save() {
    if (!rules) return;
    try {
      await apiSend('PUT', `/api/roles/${role.id}`, { rules, version: role.version });
      setProblems([]);
      setStatus(t('forms.saved'));
      onSaved();
    } catch (failure) {
      if (failure instanceof ApiError) {
        setProblems(failure.problem.problems ?? []);
        setStatus(failure.problem.detail || failure.problem.title);
      }
    }
  }
  return (
    <div className="role-editor">
      <h3>{t('roles.inWords')}</h3>
      <ul>{(rules ?? role.rules).map((rule, index) => <li key={index}>{describeRule(t, rule, role.scope)}</li>)}</ul>
      {canEdit && (
        <>
          <label htmlFor={`${id}-rules`}>{t('roles.rulesJson')}</label>
          <textarea id={`${id}-rules`} rows={12} value={text} onChange={(event) => setText(event.target.value)} aria-invalid={!rules || problems.length > 0} />
          {!rules && <p className="error">{t('workflowEditor.invalidJson')}</p>}
          {problems.length > 0 && (
            <ErrorMessage as="ul">
              {problems.map((problem) => (
                <li key={`${problem.path} ${problem.action ?? ''} ${problem.subject ?? ''} ${problem.field ?? ''}`}>
                  <code>{problem.path}</code> {problemWords(t, problem)}
                </li>
              ))}
            </ErrorMessage>
          )}
          <button type="button" onClick={() => void save()} disabled={!rules}>
            {t('common.save')}
          </button>
          {status && <p role="status">{status}</p>}
        </>
      )}
    </div>
  );
}

interface RoleGroup {
  key: string;
  title: string;
  roles: Role[];
}

/**
 * Every role the user may read, grouped by the organisation it belongs to (the active organisation first, then the
 * others by name, then the platform's own roles): each organisation has its own copy of the presets, so without the
 * grouping the same role names would repeat once per organisation.
 */
function groupByOrganisation(roles: Role[], activeOrgId: string | undefined, t: TFunction): RoleGroup[] {
  const groups = new Map<string, RoleGroup>();
  for (const role of roles) {
    const key = role.orgId ?? 'platform';
    const title =
      role.orgId === null ? t('roles.platformRoles') : role.organisation ? `${role.organisation.name} (${role.organisation.slug})` : t('roles.otherOrganisation');
    const group = groups.get(key) ?? { key, title, roles: [] };
    group.roles.push(role);
    groups.set(key, group);
  }
  const rank = (group: RoleGroup) => (group.key === activeOrgId ? 0 : group.key === 'platform' ? 2 : 1);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}

/** Roles by organisation: each rule said in words, and a rule editor (JSON) with per-path problems. */
export function RolesPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { data, error, loading, reload } = useApi<Role[] | { items: Role[] }>('/api/roles?organisations=all');
  const groups = groupByOrganisation(itemsOf(data), session?.org.id, t);
  return (
    <section aria-labelledby="roles-title">
      <PageHeading id="roles-title">{t('roles.title')}</PageHeading>
      <ApiStatus loading={loading} error={error} />
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`roles-${group.key}`} className="role-group">
          <h2 id={`roles-${group.key}`}>{group.title}</h2>
          {group.roles.map((role) => (
            <details key={role.id} className="card">
              <summary>
                <strong>{role.name}</strong> ({role.key}) · {t(`roles.scopes.${role.scope}`)}
              </summary>
              <RoleEditor role={role} onSaved={reload} />
            </details>
          ))}
        </section>
      ))}
    </section>
  );
}
