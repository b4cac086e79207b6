import { type AppAbility, allFieldsOf } from '../../access';

/*
 * Which precomputed case lists (case-list-entry.ts) hold exactly the cases a user may read: derived from the user's
 * CASL rules for reading cases, never written down a second time. After the organisation boundary is applied
 * (access/tenant-boundary.ts), the rules of every preset are plain field queries such as `{ orgId: X }`,
 * `{ orgId: X, assignees: U }`, `{ sharedWith: X }` or `{ orgId: X, 'consents.police.given': true }`; each becomes
 * a "source": a boundary and the facets it narrows to. A rule set that says anything else (another field, another
 * operator, an inverted rule, sources that could overlap) has no plan, and the case list asks the database with the
 * permission filter instead, as before (slower, same answer).
 */

/** The field groups the list shows, filters or counts by. */
export const LIST_FIELDS = ['reference', 'alias', 'assignees', 'workflow'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** Whether a field group is readable on every case of a source, on none, or on some only (then checked per case). */
export type FieldReach = 'all' | 'none' | 'partial';

export interface ListSource {
  /** `o:<org>`, `s:<org>`, or `*`: every organisation's own cases (expanded to one o: boundary each when read). */
  boundary: string;
  /** List facets every case of the source is in; [] for the whole boundary. */
  facets: string[];
  fields: Record<ListField, FieldReach>;
}

export interface ListPlan {
  sources: ListSource[];
}

interface Alternative {
  boundary: string;
  facets: string[];
}

const CONSENT_GIVEN = /^consents\.([A-Za-z][A-Za-z0-9_-]*)\.given$/;

/** The string values an exact value, `$eq`, `$in` or both allow; null for any other constraint. */
function stringValues(constraint: unknown): string[] | null {
  if (typeof constraint === 'string') return [constraint];
  if (!constraint || typeof constraint !== 'object' || Array.isArray(constraint)) return null;
  const operators = constraint as Record<string, unknown>;
  let values: string[] | null = null;
  for (const [operator, operand] of Object.entries(operators)) {
    let allowed: string[];
    if (operator === '$eq' && typeof operand === 'string') allowed = [operand];
    else if (operator === '$in' && Array.isArray(operand) && operand.every((value) => typeof value === 'string')) allowed = operand as string[];
    else return null;
    values = values === null ? [...allowed] : values.filter((value) => allowed.includes(value));
  }
  return values === null ? null : [...new Set(values)];
}

const isTrue = (constraint: unknown) =>
  constraint === true || (Boolean(constraint) && typeof constraint === 'object' && Object.keys(constraint as object).length === 1 && (constraint as { $eq?: unknown }).$eq === true);

/** The sources one rule's conditions match, or null when they say something a list cannot answer. */
export function alternativesOf(conditions: Record<string, unknown> | undefined): Alternative[] | null {
  let orgIds: string[] | undefined;
  let sharedWith: string[] | undefined;
  let assignees: string[] | undefined;
  const consents: string[] = [];
  for (const [key, constraint] of Object.entries(conditions ?? {})) {
    const consent = CONSENT_GIVEN.exec(key);
    if (consent) {
      if (!isTrue(constraint)) return null;
      consents.push(`c:${consent[1]}`);
      continue;
    }
    const values = stringValues(constraint);
    if (values === null) return null;
    if (key === 'orgId') orgIds = values;
    else if (key === 'sharedWith') sharedWith = values;
    else if (key === 'assignees') assignees = values;
    else return null;
  }
  const bases: Alternative[] = [];
  // A case is never shared with the organisation that holds it (sharing and referrals refuse it, and a transfer takes
  // the new holder out of `sharedWith`), so "shared with X" means another organisation's case shared with X (s:X).
  if (orgIds && sharedWith) {
    for (const org of orgIds) {
      for (const shared of sharedWith) {
        if (org !== shared) return null; // a case of one organisation shared with another: no list holds just those
        // A case of X shared with X: there is none, so the rule adds no alternative.
      }
    }
  } else if (orgIds) {
    for (const org of orgIds) bases.push({ boundary: `o:${org}`, facets: [] });
  } else if (sharedWith) {
    for (const org of sharedWith) bases.push({ boundary: `s:${org}`, facets: [] });
  } else {
    // A platform role confined to no organisation: every organisation's cases (`*`, one o: boundary per organisation).
    bases.push({ boundary: '*', facets: [] });
  }
  const withAssignees = assignees ? bases.flatMap((base) => assignees!.map((user) => ({ ...base, facets: [...base.facets, `a:${user}`] }))) : bases;
  return withAssignees.map((alternative) => ({ boundary: alternative.boundary, facets: [...new Set([...alternative.facets, ...consents])].sort() }));
}

const covers = (wide: Alternative, narrow: Alternative) =>
  (wide.boundary === '*' || wide.boundary === narrow.boundary) && wide.facets.every((facet) => narrow.facets.includes(facet));
const meets = (a: Alternative, b: Alternative) => a.boundary === b.boundary || a.boundary === '*' || b.boundary === '*';

interface PlainRule {
  inverted: boolean;
  conditions?: Record<string, unknown>;
  fields?: string[] | string;
}

/** The list plan of the rules for reading cases, or null when lists cannot answer for them exactly. */
export function planOfRules(rules: readonly PlainRule[]): ListPlan | null {
  // A restriction of field groups the lists never show (the groups a referral did not share) changes neither which
  // cases are listed nor what a row shows; any other inverted rule leaves the lists out.
  const restricts = (rule: PlainRule) => rule.fields === undefined || (Array.isArray(rule.fields) ? rule.fields : [rule.fields]).some((field) => (LIST_FIELDS as readonly string[]).includes(field));
  if (rules.some((rule) => rule.inverted && restricts(rule))) return null;
  const granted: Array<{ alternatives: Alternative[]; fields: Set<string> }> = [];
  for (const rule of rules) {
    if (rule.inverted) continue;
    const alternatives = alternativesOf(rule.conditions);
    if (alternatives === null) return null;
    const fields = rule.fields === undefined ? allFieldsOf('Case') : Array.isArray(rule.fields) ? rule.fields : [rule.fields];
    granted.push({ alternatives, fields: new Set(fields) });
  }
  const all = granted.flatMap((grant) => grant.alternatives);
  // Keep the widest alternatives: one that another covers adds no case.
  const kept: Alternative[] = [];
  for (const alternative of all) {
    if (kept.some((other) => covers(other, alternative))) continue;
    for (let index = kept.length - 1; index >= 0; index -= 1) if (covers(alternative, kept[index]!)) kept.splice(index, 1);
    kept.push(alternative);
  }
  // Sources must not overlap, so that counts add up: one source per boundary, and a shared-with boundary (s:Y, cases
  // of other organisations shared with Y) only beside Y's own (o:Y), since a case of X shared with Y is in o:X and s:Y.
  const boundaries = kept.map((alternative) => alternative.boundary);
  if (new Set(boundaries).size !== boundaries.length) return null;
  if (boundaries.includes('*') && boundaries.length > 1) return null;
  const shared = boundaries.filter((boundary) => boundary.startsWith('s:'));
  if (shared.length > 1) return null;
  if (shared.length === 1 && boundaries.some((boundary) => boundary.startsWith('o:') && boundary.slice(2) !== shared[0]!.slice(2))) return null;

  const sources = kept.map((source): ListSource => {
    const fields = {} as Record<ListField, FieldReach>;
    for (const field of LIST_FIELDS) {
      let reach: FieldReach = 'none';
      for (const grant of granted) {
        if (!grant.fields.has(field)) continue;
        for (const alternative of grant.alternatives) {
          if (covers(alternative, source)) reach = 'all';
          else if (meets(alternative, source) && reach === 'none') reach = 'partial';
        }
      }
      fields[field] = reach;
    }
    return { boundary: source.boundary, facets: source.facets, fields };
  });
  return { sources };
}

const planCache = new WeakMap<object, ListPlan | null>();

/** The plan of this ability (memoised per rule set, which is a new array whenever an ability's rules change). */
export function listPlanOf(ability: AppAbility): ListPlan | null {
  if (planCache.has(ability.rules)) return planCache.get(ability.rules)!;
  const rules = ability.rulesFor('read', 'Case' as never).map((rule) => ({
    inverted: rule.inverted,
    conditions: rule.conditions as Record<string, unknown> | undefined,
    fields: rule.fields as string[] | string | undefined,
  }));
  const plan = planOfRules(rules);
  planCache.set(ability.rules, plan);
  return plan;
}
