import { createMongoAbility, type MongoAbility, type RawRuleOf, type Subject } from '@casl/ability';
import { packRules } from '@casl/ability/extra';
import { fillPlaceholders, type PlaceholderValues } from './placeholders';
import type { RoleRule } from './rule.schemas';
import { fieldsOf, type Action } from './subjects';

export type AppAbility = MongoAbility<[Action, Subject]>;
export type AppRawRule = RawRuleOf<AppAbility>;

/** Stored rules with their placeholders filled in for this user and organisation. */
export function resolveRules(rules: readonly RoleRule[], values: PlaceholderValues): AppRawRule[] {
  return rules.map((rule, index) => ({
    ...rule,
    ...(rule.conditions
      ? { conditions: fillPlaceholders(rule.conditions, values, `rules[${index}].conditions`) as Record<string, unknown> }
      : {}),
  })) as AppRawRule[];
}

/** Plain records are tagged with CASL's `subject(type, record)`; mongoose documents are typed by their model name. */
export function createAbility(rules: AppRawRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}

/** Compact form for the client's @casl/react. */
export function packAbilityRules(ability: AppAbility) {
  return packRules(ability.rules);
}

export function allFieldsOf(subjectType: string): string[] {
  return fieldsOf(subjectType);
}
