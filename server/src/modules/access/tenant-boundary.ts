import type { AppRawRule } from './ability';
import { conditionImplies, type Condition } from './condition-implication';
import { SUBJECTS, type Action, type SubjectName } from './subjects';
import { SHAREABLE_GROUPS } from '../../contracts/referrals/referral.schemas';

/**
 * The organisation boundary, applied by the permission layer to every rule that comes from an organisation's role,
 * whatever the rule itself says. Role data can narrow what a role may do inside its organisation; it cannot express
 * anything outside it, because the rules are confined here after their placeholders are filled in.
 *
 * - `organisation`: the role's own organisation only (the default);
 * - `subtree`: its organisation and every organisation below it (administrators and auditors of a national body);
 * - `platform`: no boundary. Only platform roles, which belong to no organisation, have it.
 */
export const ROLE_SCOPES = ['organisation', 'subtree', 'platform'] as const;
export type RoleScope = (typeof ROLE_SCOPES)[number];

/** The platform's template library belongs to no organisation: organisations may read and clone it, nothing more. */
const LIBRARY_SUBJECTS = new Set<string>(['FormTemplate', 'WorkflowTemplate']);
const LIBRARY_ACTIONS: Action[] = ['read', 'clone'];

/**
 * Which records of a subject lie inside the organisations `ids`, as alternatives: a record is inside when it matches
 * one of them. Case data also reaches the organisations it was shared with.
 */
const INSIDE: Record<Exclude<SubjectName, 'all' | 'FormTemplate' | 'WorkflowTemplate'>, (ids: string[]) => Condition[]> = {
  Case: (ids) => [{ orgId: { $in: ids } }, { sharedWith: { $in: ids } }],
  Referral: (ids) => [{ fromOrgId: { $in: ids } }, { toOrgId: { $in: ids } }],
  Submission: (ids) => [{ orgId: { $in: ids } }, { sharedWith: { $in: ids } }],
  Form: (ids) => [{ orgId: { $in: ids } }],
  Workflow: (ids) => [{ orgId: { $in: ids } }],
  Role: (ids) => [{ orgId: { $in: ids } }],
  AuditEntry: (ids) => [{ orgId: { $in: ids } }],
  Session: (ids) => [{ orgId: { $in: ids } }],
  User: (ids) => [{ 'memberships.orgId': { $in: ids } }],
  Organisation: (ids) => [{ _id: { $in: ids } }],
  ReintegrationGrant: (ids) => [{ orgId: { $in: ids } }],
  GrantIncrease: (ids) => [{ orgId: { $in: ids } }],
};

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** One rule per subject, `all` spelled out: each subject has its own boundary. */
function perSubject(rule: AppRawRule): AppRawRule[] {
  const subjects = list(rule.subject as string | string[]);
  const named = subjects.includes('all') ? SUBJECTS.filter((subject) => subject !== 'all') : subjects;
  return named.map((subject) => ({ ...rule, subject }));
}

function confineOne(rule: AppRawRule, ids: string[]): AppRawRule[] | null {
  const subject = rule.subject as string;
  if (LIBRARY_SUBJECTS.has(subject)) {
    const actions = list(rule.action as Action | Action[]).flatMap((action) => (action === 'manage' ? LIBRARY_ACTIONS : [action]));
    const allowed = [...new Set(actions.filter((action) => LIBRARY_ACTIONS.includes(action)))];
    return allowed.length > 0 ? [{ ...rule, action: allowed }] : null;
  }
  const inside = INSIDE[subject as keyof typeof INSIDE];
  if (!inside) return null;
  const conditions = (rule.conditions ?? {}) as Condition;
  const alternatives = inside(ids);
  // A rule that already stays inside (e.g. `orgId: ${org.id}`) keeps its query as written.
  if (alternatives.some((alternative) => conditionImplies(conditions, alternative))) return [rule];
  // Otherwise one rule per alternative, each narrowed to it: CASL grants what any of them allows. Conditions stay
  // plain field queries, which CASL's matcher and FerretDB both understand (CASL matches no `$and`/`$or`).
  return alternatives.map((alternative) => ({ ...rule, conditions: narrowed(conditions, alternative) }));
}

/** `conditions` with the field constraint `{ field: { $in: ids } }` added to what it already says about the field. */
function narrowed(conditions: Condition, alternative: Condition): Condition {
  const [field, constraint] = Object.entries(alternative)[0]! as [string, { $in: string[] }];
  if (!Object.hasOwn(conditions, field)) return { ...conditions, [field]: constraint };
  const existing = conditions[field];
  const operators = existing && typeof existing === 'object' && !Array.isArray(existing) ? (existing as Record<string, unknown>) : { $eq: existing };
  const within = Array.isArray(operators.$in) ? operators.$in.filter((value) => constraint.$in.includes(value as string)) : constraint.$in;
  return { ...conditions, [field]: { ...operators, $in: within } };
}

/** The case field groups a referral shares one by one (`submissions` is not a case field: the case's copy decides). */
export const SHARED_CASE_GROUPS = SHAREABLE_GROUPS.filter((group) => group !== 'submissions');

/**
 * On a case of another organisation (one shared with this one), a shareable field group is readable only where the
 * referral shared it: the case lists it in `shareGroups` as `<org>:<group>`. Whatever the role grants on shared
 * cases, these restrictions come last and take it away elsewhere. They name fields, so they never hide the case
 * itself (CASL and `accessibleBy` ignore a field restriction when the question is about the record).
 */
function sharedGroupLimits(ids: string[]): AppRawRule[] {
  return SHARED_CASE_GROUPS.map((group) => ({
    inverted: true,
    action: ['read', 'update'],
    subject: 'Case',
    fields: [group],
    conditions: { orgId: { $nin: ids }, shareGroups: { $nin: ids.map((id) => `${id}:${group}`) } },
  }));
}

/**
 * The rules of a role confined to the organisations `ids` (its organisation, or its subtree). Inverted rules only
 * take away, so they pass unchanged; subjects outside the vocabulary are dropped. A role that reaches cases gets the
 * limits of what referrals shared with it (sharedGroupLimits) after its own rules.
 */
export function confineToOrganisations(rules: readonly AppRawRule[], ids: readonly string[]): AppRawRule[] {
  const boundaryIds = [...ids];
  const confined = rules.flatMap((rule) => {
    if (rule.inverted) return [rule];
    return perSubject(rule).flatMap((single) => confineOne(single, boundaryIds) ?? []);
  });
  const reachesCases = confined.some((rule) => !rule.inverted && rule.subject === 'Case');
  return reachesCases ? [...confined, ...sharedGroupLimits(boundaryIds)] : confined;
}

/** Rules that only a platform role may hold: each with its path, for a refusal that names it. */
export function platformOnlyRules(rules: ReadonlyArray<{ action: string | string[]; subject: string | string[]; inverted?: boolean }>): string[] {
  return rules.flatMap((rule, index) => {
    if (rule.inverted) return [];
    const subjects = list(rule.subject);
    const actions = list(rule.action);
    const everything = subjects.includes('all');
    const libraryWrite = subjects.some((subject) => LIBRARY_SUBJECTS.has(subject)) && actions.some((action) => !LIBRARY_ACTIONS.includes(action as Action));
    return everything || libraryWrite ? [`rules[${index}]`] : [];
  });
}
