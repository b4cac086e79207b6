/*
 * Guards are JSONLogic written by administrators. Only a known set of operators is accepted, so a guard cannot call
 * something the engine does not understand, and `var` paths must name one of the four inputs a guard receives.
 */

import { checkWalkDepth } from '../../../core/json/json-depth';

export const ALLOWED_OPERATORS = new Set([
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%', 'in', 'cat', 'some', 'all', 'none',
]);
/** In these operators the second argument is evaluated per array item, where `var` refers to the item. */
const ITEM_SCOPED = new Set(['some', 'all', 'none']);
export const VAR_ROOTS = ['case', 'submissions', 'params', 'event'] as const;

export interface GuardIssue {
  /** JSON pointer relative to the guard. */
  path: string;
  code: 'invalid-guard' | 'guard-operator-not-allowed' | 'guard-variable-not-allowed';
  params?: Record<string, unknown>;
}

export interface GuardAnalysis {
  issues: GuardIssue[];
  /** Every literal `var` path outside item scopes, e.g. `submissions.needs-assessment.isChild`. */
  variables: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function analyseGuard(guard: unknown): GuardAnalysis {
  const issues: GuardIssue[] = [];
  const variables: string[] = [];

  const visit = (node: unknown, path: string, itemScope: boolean, depth: number): void => {
    checkWalkDepth(depth);
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, `${path}/${i}`, itemScope, depth + 1));
      return;
    }
    if (!isPlainObject(node)) return; // literals
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      issues.push({ path, code: 'invalid-guard', params: { reason: 'one-operator-per-object' } });
      return;
    }
    const op = keys[0] as string;
    const opPath = `${path}/${op}`;
    if (!ALLOWED_OPERATORS.has(op)) {
      issues.push({ path: opPath, code: 'guard-operator-not-allowed', params: { operator: op } });
      return;
    }
    const arg = node[op];
    if (op === 'var') {
      const name = Array.isArray(arg) ? arg[0] : arg;
      if (typeof name !== 'string' && !(itemScope && (typeof name === 'number' || name === undefined))) {
        issues.push({ path: opPath, code: 'invalid-guard', params: { reason: 'var-needs-literal-path' } });
        return;
      }
      if (Array.isArray(arg) && arg.length > 1) visit(arg[1], `${opPath}/1`, itemScope, depth + 1);
      if (itemScope || typeof name !== 'string') return;
      const root = name.split('.')[0];
      if (!(VAR_ROOTS as readonly string[]).includes(root ?? '') || !name.includes('.')) {
        issues.push({ path: opPath, code: 'guard-variable-not-allowed', params: { variable: name } });
        return;
      }
      variables.push(name);
      return;
    }
    const args = Array.isArray(arg) ? arg : [arg];
    if (ITEM_SCOPED.has(op)) {
      if (args.length !== 2) {
        issues.push({ path: opPath, code: 'invalid-guard', params: { reason: 'needs-two-arguments' } });
        return;
      }
      visit(args[0], Array.isArray(arg) ? `${opPath}/0` : opPath, itemScope, depth + 1);
      visit(args[1], `${opPath}/1`, true, depth + 1);
      return;
    }
    if (Array.isArray(arg)) arg.forEach((child, i) => visit(child, `${opPath}/${i}`, itemScope, depth + 1));
    else visit(arg, opPath, itemScope, depth + 1);
  };

  if (typeof guard !== 'boolean' && !isPlainObject(guard)) {
    issues.push({ path: '', code: 'invalid-guard', params: { reason: 'not-json-logic' } });
  } else {
    visit(guard, '', false, 0);
  }
  return { issues, variables };
}
