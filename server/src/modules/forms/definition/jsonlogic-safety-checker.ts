import { checkWalkDepth } from '../../../core/json/json-depth';
import { isRecord } from '../../../core/json/json-guards';

/**
 * JSONLogic is data, but @formio/core registers ~240 lodash functions on json-logic-js as `_<name>` operators,
 * and some of them call functions (`_invoke`, `_method`, `_result`, `_flow`, `_over`, iteratees...). Together
 * with `{"var": "data.constructor.constructor"}` that reaches `Function` and runs arbitrary code on the server
 * (verified against @formio/core 2.8.3). So JSONLogic is accepted only from an allow-list of operators that
 * compute values and never call a function taken from the data, and `var` may only name a literal data path.
 */
const ALLOWED_OPERATORS = new Set([
  // json-logic-js core
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%', 'map', 'filter', 'reduce', 'all', 'none', 'some',
  'merge', 'in', 'cat', 'substr',
  // @formio/core date operators
  'getDate', 'relativeMinDate', 'relativeMaxDate',
  // @formio/core lodash operators that only compute on values
  '_sum', '_mean', '_add', '_subtract', '_multiply', '_divide', '_round', '_floor', '_ceil', '_clamp', '_inRange',
  '_size', '_isEmpty', '_isNil', '_isEqual', '_includes', '_first', '_last', '_head', '_compact', '_uniq', '_flatten',
  '_concat', '_join', '_toNumber', '_toString', '_toInteger', '_trim', '_toLower', '_toUpper', '_lowerCase',
  '_upperCase', '_startsWith', '_endsWith', '_padStart', '_padEnd', '_isNumber', '_isString', '_isArray',
  '_sumBy', '_meanBy', '_maxBy', '_minBy',
]);
// Their second argument is an iteratee; only a literal property name is allowed (a function would be called).
const ITERATEE_OPERATORS = new Set(['_sumBy', '_meanBy', '_maxBy', '_minBy']);
// Operators whose second argument is logic applied to each element: inside it `var` names the element's fields.
const ELEMENT_SCOPE_OPERATORS = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);
// What the evaluation context offers at the top level besides the submission (lodash, moment, utils, the
// component...); only the data-like roots are reachable.
const TOP_LEVEL_VAR_ROOTS = new Set(['data', 'row', 'value', 'result', 'input']);
const FORBIDDEN_SEGMENTS = new Set(['constructor', 'prototype', '__proto__', '__defineGetter__', '__lookupGetter__']);

export interface UnsafeLogic {
  /** Where inside the logic, e.g. `["+"][1]`. */
  at: string;
  /** The refused operator, or the refused `var` path. */
  reason: string;
}

export function findUnsafeJsonLogic(logic: unknown): UnsafeLogic[] {
  const found: UnsafeLogic[] = [];
  check(logic, '', false, found, 0);
  return found;
}

export function isSafeJsonLogic(logic: unknown): boolean {
  return findUnsafeJsonLogic(logic).length === 0;
}

function check(logic: unknown, at: string, inElementScope: boolean, found: UnsafeLogic[], depth: number): void {
  checkWalkDepth(depth);
  if (Array.isArray(logic)) {
    logic.forEach((item: unknown, index) => check(item, `${at}[${index}]`, inElementScope, found, depth + 1));
    return;
  }
  if (!isRecord(logic)) return;
  const operators = Object.keys(logic);
  // json-logic-js treats an object with one key as an operation; anything else is a literal object, which
  // no operator here needs, so it is refused rather than guessed at.
  if (operators.length !== 1) {
    found.push({ at, reason: operators.join(',') || '{}' });
    return;
  }
  const operator = operators[0] as string;
  const args = logic[operator];
  const argList: unknown[] = Array.isArray(args) ? args : [args];
  const here = `${at}[${JSON.stringify(operator)}]`;
  if (!ALLOWED_OPERATORS.has(operator)) {
    found.push({ at: here, reason: operator });
    return;
  }
  if (operator === 'var') {
    checkVar(argList, here, inElementScope, found, depth);
    return;
  }
  if (ITERATEE_OPERATORS.has(operator)) {
    const iteratee = argList[1];
    if (typeof iteratee !== 'string' || hasForbiddenSegment(iteratee)) found.push({ at: `${here}[1]`, reason: operator });
  }
  argList.forEach((arg, index) => {
    const elementLogic = ELEMENT_SCOPE_OPERATORS.has(operator) && index === 1;
    if (ITERATEE_OPERATORS.has(operator) && index === 1) return;
    check(arg, `${here}[${index}]`, inElementScope || elementLogic, found, depth + 1);
  });
}

function checkVar(argList: unknown[], at: string, inElementScope: boolean, found: UnsafeLogic[], depth: number): void {
  const [path, fallback] = argList;
  if (typeof path === 'number') return;
  if (typeof path !== 'string') {
    found.push({ at, reason: 'var' });
    return;
  }
  const root = path.split('.')[0] ?? '';
  if (hasForbiddenSegment(path) || (!inElementScope && !TOP_LEVEL_VAR_ROOTS.has(root))) {
    found.push({ at, reason: `var:${path}` });
  }
  if (fallback !== undefined) check(fallback, `${at}[1]`, inElementScope, found, depth + 1);
}

function hasForbiddenSegment(path: string): boolean {
  return path.split(/[.[\]]/).some((segment) => FORBIDDEN_SEGMENTS.has(segment));
}
