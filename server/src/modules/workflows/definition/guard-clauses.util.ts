import { assertJsonDepth, checkWalkDepth } from '../../../core/json/json-depth';
import { isDeepStrictEqual } from 'node:util';

/** The guard itself, or the operands of a top-level `and`: clauses that must all hold for the guard to hold. */
export function conjuncts(guard: unknown, depth = 0): unknown[] {
  checkWalkDepth(depth);
  if (typeof guard === 'object' && guard !== null && !Array.isArray(guard)) {
    const record = guard as Record<string, unknown>;
    const and = record.and;
    if (Object.keys(record).length === 1 && Array.isArray(and)) return and.flatMap((clause: unknown) => conjuncts(clause, depth + 1));
  }
  return [guard];
}

export function hasConjunct(guard: unknown, clause: unknown): boolean {
  assertJsonDepth(clause); // isDeepStrictEqual recurses without a bound; conjuncts bounds the guard.
  return conjuncts(guard).some((c) => isDeepStrictEqual(c, clause));
}

/** True when the guard cannot hold unless `variable` is true: `{var}`, `{"==":[var,true]}`, `{"===":[var,true]}`. */
export function requiresTrue(guard: unknown, variable: string): boolean {
  const v = { var: variable };
  return conjuncts(guard).some(
    (c) =>
      isDeepStrictEqual(c, v) ||
      isDeepStrictEqual(c, { '!!': v }) ||
      isDeepStrictEqual(c, { '==': [v, true] }) ||
      isDeepStrictEqual(c, { '===': [v, true] }),
  );
}
