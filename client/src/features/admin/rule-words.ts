import type { TFunction } from 'i18next';

export interface RoleRule {
  action: string | string[];
  subject: string | string[];
  fields?: string[];
  conditions?: Record<string, unknown>;
  inverted?: boolean;
  reason?: string;
}

const list = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

/** Where a role's rules reach at most: the server confines every organisation role to its organisation or subtree. */
export type RoleScope = 'organisation' | 'subtree' | 'platform';
const SCOPE_WORDS: Record<RoleScope, string> = { organisation: 'rules.ownOrg', subtree: 'rules.orgTree', platform: 'rules.anywhere' };

/** Names a condition in words where it is one of the usual placeholders; otherwise shows it as JSON. */
function conditionWords(t: TFunction, conditions: Record<string, unknown> | undefined, scope: RoleScope): string {
  if (!conditions) return t(SCOPE_WORDS[scope]);
  const parts = Object.entries(conditions).map(([key, value]) => {
    const text = JSON.stringify(value);
    if (text.includes('${org.id}') && key === 'orgId') return t('rules.ownOrg');
    if (text.includes('${org.descendantIds}')) return t('rules.orgTree');
    // Four eyes: a decision on what someone else asked for.
    if (key === 'requestedBy' && text.includes('$ne')) return t('rules.requestedByOther');
    if (text.includes('${user.id}')) return t('rules.assignedToMe');
    if (key === 'sharedWith') return t('rules.sharedWithOrg');
    if (key.startsWith('consents.')) return t('rules.withConsent', { recipient: key.split('.')[1] });
    if (key === '_id' && text.includes('${org.id}')) return t('rules.thisOrg');
    return `${key} = ${text}`;
  });
  return parts.join(t('rules.and'));
}

/** One sentence per rule, e.g. "May read and update case files (alias, identity) of the own organisation". */
export function describeRule(t: TFunction, rule: RoleRule, scope: RoleScope = 'platform'): string {
  const actions = list(rule.action).map((action) => t(`rules.actions.${action}`, { defaultValue: action }));
  const subjects = list(rule.subject).map((subject) => t(`rules.subjects.${subject}`, { defaultValue: subject }));
  const fields = rule.fields?.length ? ` (${rule.fields.map((field) => t(`rules.fields.${field}`, { defaultValue: field })).join(', ')})` : '';
  return t(rule.inverted ? 'rules.sentenceDenied' : 'rules.sentence', {
    actions: actions.join(t('rules.and')),
    subjects: subjects.join(t('rules.and')),
    fields,
    // The template library belongs to no organisation: reading and copying it reaches the whole library.
    where: conditionWords(t, rule.conditions, list(rule.subject).every((subject) => subject.endsWith('Template')) ? 'platform' : scope),
  });
}
