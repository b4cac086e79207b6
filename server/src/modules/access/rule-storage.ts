import type { RoleRule } from './rule.schemas';

/**
 * Rules as stored. Conditions are kept as JSON text because they contain query operators (`$in`) and dotted paths
 * (`consents.police.given`), which MongoDB-compatible stores (FerretDB in particular) refuse as document keys.
 */
export interface StoredRule {
  action: string[];
  subject: string[];
  fields?: string[];
  conditions?: string;
  inverted?: boolean;
  reason?: string;
}

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

export function encodeRules(rules: readonly RoleRule[]): StoredRule[] {
  return rules.map((rule) => ({
    action: list(rule.action),
    subject: list(rule.subject),
    ...(rule.fields ? { fields: rule.fields } : {}),
    ...(rule.conditions ? { conditions: JSON.stringify(rule.conditions) } : {}),
    ...(rule.inverted ? { inverted: true } : {}),
    ...(rule.reason ? { reason: rule.reason } : {}),
  }));
}

export function decodeRules(stored: readonly StoredRule[]): RoleRule[] {
  return stored.map((rule) => ({
    action: rule.action,
    subject: rule.subject,
    ...(rule.fields?.length ? { fields: rule.fields } : {}),
    ...(rule.conditions ? { conditions: JSON.parse(rule.conditions) as Record<string, unknown> } : {}),
    ...(rule.inverted ? { inverted: true } : {}),
    ...(rule.reason ? { reason: rule.reason } : {}),
  })) as RoleRule[];
}
