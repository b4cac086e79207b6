import { subject as asCaslSubject } from '@casl/ability';
import { permittedFieldsOf, rulesToCondition } from '@casl/ability/extra';
import { accessibleBy } from '@casl/mongoose';
import { isDeepStrictEqual } from 'node:util';
import { notFound } from '../../core/errors/app-error';
import type { AppAbility } from './ability';
import type { Action } from './subjects';
import { fieldsOf } from './subjects';

/** CASL's "nothing matches" query uses $expr, which FerretDB v1 cannot run; an empty $in means the same. */
const CASL_EMPTY_RESULT = { $expr: { $eq: [0, 1] } };
const MATCH_NOTHING = { _id: { $in: [] } };

/** The query filter of the records this ability may act on; combine it with other filters through `$and`. */
export function accessibleFilter(ability: AppAbility, action: Action, subjectType: string): Record<string, unknown> {
  const query = accessibleBy(ability, action).ofType(subjectType);
  return isDeepStrictEqual(query, CASL_EMPTY_RESULT) ? MATCH_NOTHING : query;
}

/**
 * `{ $and: [filter, permission] }`: a caller's filter can never widen what the rules allow. A plain `_id` of the
 * filter is repeated at the top level (the same query), because the embedded database looks a document up by its
 * `_id` index only when `_id` is a top-level key (docs/case-queries.md).
 */
export function withPermission(ability: AppAbility, action: Action, subjectType: string, filter: Record<string, unknown> = {}) {
  const id = filter._id;
  const plainId = typeof id === 'string' || (typeof id === 'object' && id !== null && (id as { _bsontype?: unknown })._bsontype === 'ObjectId');
  return { ...(plainId ? { _id: id } : {}), $and: [filter, accessibleFilter(ability, action, subjectType)] };
}

/**
 * The query filter of the records whose `field` this ability may use for `action`: only the rules that cover that
 * field count. A list filtered or searched by a field group (stage, assignees, alias) must not reveal that group's
 * values on records where the user may not read it, so such a filter is combined with this one.
 */
export function fieldFilter(ability: AppAbility, action: Action, subjectType: string, field: string): Record<string, unknown> {
  // The same conversion @casl/mongoose's accessibleBy makes, over the rules that cover the field.
  const query = rulesToCondition(
    ability.rulesFor(action, subjectType as never, field),
    (rule) => (rule.inverted ? { $nor: [rule.conditions] } : (rule.conditions as Record<string, unknown>)),
    { and: (conditions) => ({ $and: conditions }), or: (conditions) => ({ $or: conditions }), empty: () => ({}) },
  );
  return query === null ? MATCH_NOTHING : query;
}

/**
 * A record as CASL sees it: plain JSON (ObjectIds become hex strings, matching the filled-in placeholders)
 * tagged with its subject type. Only the top-level fields that the conditions of the rules in play name are
 * converted (`fields`): a submission's data or a form's components and translations are tens of kilobytes that no
 * condition reads, and converting them was a visible part of creating a submission.
 */
export function toSubject<T extends object>(subjectType: string, record: T, fields?: ReadonlySet<string> | null): T {
  const named = fields ? Object.fromEntries(Object.entries(record).filter(([key]) => fields.has(key))) : record;
  return asCaslSubject(subjectType, jsonValue(named) as T);
}

/**
 * What `JSON.parse(JSON.stringify(value))` gives, without the text in between (a few of these run per request):
 * values with `toJSON` (ObjectIds, Dates) converted by it, non-finite numbers as null, undefined and functions left
 * out of objects and null in arrays.
 */
export function jsonValue(value: unknown): unknown {
  const plain = typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function' ? (value as { toJSON: () => unknown }).toJSON() : value;
  if (Array.isArray(plain)) return plain.map((item) => jsonValue(item) ?? null);
  if (typeof plain === 'number') return Number.isFinite(plain) ? plain + 0 : null; // + 0: -0 becomes 0
  if (typeof plain === 'function' || typeof plain === 'symbol') return undefined;
  if (plain === null || typeof plain !== 'object') return plain;
  const entries: Array<[string, unknown]> = [];
  for (const [key, item] of Object.entries(plain)) {
    const converted = jsonValue(item);
    if (converted !== undefined) entries.push([key, converted]);
  }
  // fromEntries keeps a "__proto__" key as data, as JSON.parse does.
  return Object.fromEntries(entries);
}

// Per rule set (a new array whenever an ability's rules change): the top-level fields its conditions name.
const namedFieldsCache = new WeakMap<object, Map<string, ReadonlySet<string> | null>>();

/** The top-level fields the conditions of these rules read, or null when a condition is not a plain field query. */
function conditionFields(ability: AppAbility, action: Action, subjectType: string): ReadonlySet<string> | null {
  let bySubject = namedFieldsCache.get(ability.rules);
  if (!bySubject) {
    bySubject = new Map();
    namedFieldsCache.set(ability.rules, bySubject);
  }
  const key = `${action} ${subjectType}`;
  if (bySubject.has(key)) return bySubject.get(key)!;
  const fields = new Set<string>();
  let plain = true;
  // Every rule that may apply, field restrictions included (`rulesFor` without a field leaves those out).
  for (const rule of ability.possibleRulesFor(action, subjectType as never)) {
    for (const name of Object.keys(rule.conditions ?? {})) {
      if (name.startsWith('$')) plain = false;
      fields.add(name.split('.')[0]!);
    }
  }
  const result = plain ? fields : null;
  bySubject.set(key, result);
  return result;
}

export function can(ability: AppAbility, action: Action, subjectType: string, record: object, field?: string): boolean {
  return ability.can(action, toSubject(subjectType, record, conditionFields(ability, action, subjectType)), field);
}

/** Throws the same 404 as for a missing record: a record you may not act on does not exist for you. */
export function ensureCan(ability: AppAbility, action: Action, subjectType: string, record: object, field?: string): void {
  if (!can(ability, action, subjectType, record, field)) throw notFound();
}

/** The fields of this record the ability may use for `action` (all of the subject's fields where a rule lists none). */
export function permittedFields(ability: AppAbility, action: Action, subjectType: string, record: object): string[] {
  return permittedFieldsOf(ability, action, toSubject(subjectType, record, conditionFields(ability, action, subjectType)), { fieldsFrom: (rule) => rule.fields ?? fieldsOf(subjectType) });
}
