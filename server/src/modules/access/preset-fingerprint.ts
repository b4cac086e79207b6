import { createHash } from 'node:crypto';
import type { RoleRule } from './rule.schemas';

/*
 * A fingerprint of a rule list, to tell whether a role still holds exactly the rules a preset gave it. Two lists with
 * the same meaning written in another order of actions, subjects, fields or condition keys have the same fingerprint;
 * the order of the rules themselves counts (an inverted rule overrides the rules before it).
 */

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** The value with object keys sorted at every depth, so that JSON text does not depend on the order they were written. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
  }
  return value;
}

function canonicalRule(rule: RoleRule): unknown {
  return {
    action: [...list(rule.action)].sort(),
    subject: [...list(rule.subject)].sort(),
    fields: rule.fields?.length ? [...rule.fields].sort() : null,
    conditions: rule.conditions && Object.keys(rule.conditions).length > 0 ? sortedKeys(rule.conditions) : null,
    inverted: Boolean(rule.inverted),
    reason: rule.reason ?? null,
  };
}

/** A short hash of the rules' meaning: equal for equal rule lists, different (in practice) otherwise. */
export function rulesFingerprint(rules: readonly RoleRule[]): string {
  return createHash('sha256').update(JSON.stringify(rules.map(canonicalRule))).digest('hex').slice(0, 24);
}
