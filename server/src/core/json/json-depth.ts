import { MAX_JSON_DEPTH } from '../../contracts/json/json-depth';
import { AppError } from '../errors/app-error';

/**
 * The deepest nesting of arrays and objects the platform accepts in any JSON it is given. The limit is the shared
 * contract's (server/src/contracts/json/json-depth.ts), whose walkers the browser runs too; they throw its
 * JsonTooDeepError, which toAppError answers as this module's 400.
 */
export { MAX_JSON_DEPTH };

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
