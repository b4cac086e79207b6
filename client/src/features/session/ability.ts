import { createMongoAbility, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';

export type AppAbility = MongoAbility<[string, string | Record<string, unknown>]>;

/** The same rules the server enforces, so that the interface offers only what will be allowed. */
export function abilityFromPacked(packed: PackRule<RawRuleOf<AppAbility>>[] | undefined): AppAbility {
  const rules = packed ? unpackRules<RawRuleOf<AppAbility>>(packed) : [];
  return createMongoAbility<AppAbility>(rules);
}

/** A record tagged with its subject type, for `ability.can(action, asSubject('Case', record))`. */
export function asSubject<T extends object>(type: string, record: T): T & Record<string, unknown> & { __caslSubjectType__: string } {
  return Object.assign(Object.create(null) as object, record, { __caslSubjectType__: type }) as T & Record<string, unknown> & { __caslSubjectType__: string };
}
