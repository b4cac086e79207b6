import { z } from 'zod';
import { checkWalkDepth } from '../../core/json/json-depth';
import { isKnownPlaceholder, placeholdersIn } from './placeholders';
import { ACTIONS, SUBJECTS, fieldsOf } from './subjects';

/** Query operators a condition may use: the ones CASL evaluates in memory and MongoDB/FerretDB run as queries. */
const OPERATORS = new Set(['$eq', '$ne', '$in', '$nin', '$all', '$elemMatch', '$exists', '$gt', '$gte', '$lt', '$lte', '$size']);
/**
 * Every stored record has these besides its permission fields. Records that belong to a case (submissions) carry
 * the case's assignees and sharing too, so the same conditions decide for the case and everything in it.
 */
const ALWAYS_QUERYABLE = ['_id', 'orgId', 'userId', 'createdBy', 'assignees', 'sharedWith'];

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

export const ruleSchema = z
  .object({
    action: oneOrMany(z.enum(ACTIONS)),
    subject: oneOrMany(z.enum(SUBJECTS as [string, ...string[]])),
    fields: z.array(z.string().min(1).max(100)).min(1).optional(),
    conditions: z.record(z.string(), z.unknown()).optional(),
    inverted: z.boolean().optional(),
    reason: z.string().max(500).optional(),
  })
  .strict();
export type RoleRule = z.infer<typeof ruleSchema>;

export interface RuleProblem {
  path: string;
  code: 'invalid' | 'unknown-field' | 'unknown-operator' | 'unknown-placeholder' | 'unsafe-value' | 'platform-only';
  message?: string;
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

function checkConditionValue(value: unknown, path: string, problems: RuleProblem[], depth = 0): void {
  checkWalkDepth(depth);
  if (typeof value === 'string') {
    for (const name of placeholdersIn(value)) {
      if (!isKnownPlaceholder(name)) problems.push({ path, code: 'unknown-placeholder', message: name });
    }
    // A literal "$..." that is not a placeholder could be read as an operator or field reference by a query engine.
    if (value.startsWith('$') && !/^\$\{[a-zA-Z.]+\}$/.test(value)) problems.push({ path, code: 'unsafe-value' });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkConditionValue(item, `${path}[${index}]`, problems, depth + 1));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key.startsWith('$') && !OPERATORS.has(key)) {
        problems.push({ path: `${path}.${key}`, code: 'unknown-operator' });
        continue;
      }
      checkConditionValue(inner, `${path}.${key}`, problems, depth + 1);
    }
  }
}

/** Every problem of one rule, each with its path inside the role (e.g. `rules[2].fields[0]`). */
export function checkRule(input: unknown, path: string): { rule?: RoleRule; problems: RuleProblem[] } {
  const parsed = ruleSchema.safeParse(input);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        path: [path, ...issue.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`))].join(''),
        code: 'invalid',
        message: issue.message,
      })),
    };
  }
  const rule = parsed.data;
  const problems: RuleProblem[] = [];
  const subjects = asArray(rule.subject);
  const known = new Set(subjects.flatMap((subject) => fieldsOf(subject)));

  rule.fields?.forEach((field, index) => {
    const base = field.endsWith('.*') ? field.slice(0, -2) : field;
    if (!known.has(base)) problems.push({ path: `${path}.fields[${index}]`, code: 'unknown-field', message: field });
  });

  const queryable = new Set([...known, ...ALWAYS_QUERYABLE]);
  for (const [key, value] of Object.entries(rule.conditions ?? {})) {
    const conditionPath = `${path}.conditions.${key}`;
    if (key.startsWith('$')) {
      problems.push({ path: conditionPath, code: 'unknown-operator' });
      continue;
    }
    if (!queryable.has(key.split('.')[0]!)) problems.push({ path: conditionPath, code: 'unknown-field', message: key });
    checkConditionValue(value, conditionPath, problems);
  }
  return { rule, problems };
}

export function checkRules(input: unknown): { rules: RoleRule[]; problems: RuleProblem[] } {
  if (!Array.isArray(input)) return { rules: [], problems: [{ path: 'rules', code: 'invalid' }] };
  const rules: RoleRule[] = [];
  const problems: RuleProblem[] = [];
  input.forEach((item, index) => {
    const result = checkRule(item, `rules[${index}]`);
    if (result.rule) rules.push(result.rule);
    problems.push(...result.problems);
  });
  return { rules, problems };
}
