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

/** `{ $and: [filter, permission] }`: a caller's filter can never widen what the rules allow. */
export function withPermission(ability: AppAbility, action: Action, subjectType: string, filter: Record<string, unknown> = {}) {
  return { $and: [filter, accessibleFilter(ability, action, subjectType)] };
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
 * tagged with its subject type.
 */
export function toSubject<T extends object>(subjectType: string, record: T): T {
  return asCaslSubject(subjectType, JSON.parse(JSON.stringify(record)) as T);
}

export function can(ability: AppAbility, action: Action, subjectType: string, record: object, field?: string): boolean {
  return ability.can(action, toSubject(subjectType, record), field);
}

/** Throws the same 404 as for a missing record: a record you may not act on does not exist for you. */
export function ensureCan(ability: AppAbility, action: Action, subjectType: string, record: object, field?: string): void {
  if (!can(ability, action, subjectType, record, field)) throw notFound();
}

/** The fields of this record the ability may use for `action` (all of the subject's fields where a rule lists none). */
export function permittedFields(ability: AppAbility, action: Action, subjectType: string, record: object): string[] {
  return permittedFieldsOf(ability, action, toSubject(subjectType, record), { fieldsFrom: (rule) => rule.fields ?? fieldsOf(subjectType) });
}
