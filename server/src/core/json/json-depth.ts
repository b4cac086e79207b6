import { AppError } from '../errors/app-error';

/**
 * The deepest nesting of arrays and objects the platform accepts in any JSON it is given: request bodies of the
 * API and of the Form.io-compatible API, imports and template files. The deepest shipped template
 * (forms/reimbursement-claim.json) nests 24 levels; a request wraps a definition in two or three more. Far below
 * what recursive code (ours, JSON.stringify, the BSON serializer, @formio/core) can walk without running out of
 * stack, which is some thousands of levels.
 */
export const MAX_JSON_DEPTH = 64;

export const jsonTooDeep = () => new AppError(400, 'json-too-deep', { params: { limit: MAX_JSON_DEPTH } });

/**
 * Whether arrays and objects in `value` nest deeper than `limit` (`[]` and `{}` are one level, a scalar none).
 * Iterative, so it is safe on any input, and it stops at the first branch over the limit.
 */
export function exceedsJsonDepth(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  if (value === null || typeof value !== 'object') return false;
  const pending: Array<{ node: object; depth: number }> = [{ node: value, depth: 1 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (item.depth > limit) return true;
    const children: unknown[] = Array.isArray(item.node) ? item.node : Object.values(item.node);
    for (const child of children) {
      if (child !== null && typeof child === 'object') pending.push({ node: child, depth: item.depth + 1 });
    }
  }
  return false;
}

/** Throws the translated 400 `json-too-deep` when `value` nests deeper than the platform accepts. */
export function assertJsonDepth(value: unknown, limit: number = MAX_JSON_DEPTH): void {
  if (exceedsJsonDepth(value, limit)) throw jsonTooDeep();
}

/**
 * For recursive walkers: `depth` is how many levels the walk has descended. Every walker calls this, so none can
 * run out of stack whatever reaches it, even input that bypassed the body check (a stored record, a file).
 */
export function checkWalkDepth(depth: number): void {
  if (depth > MAX_JSON_DEPTH) throw jsonTooDeep();
}
