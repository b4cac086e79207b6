import { AppError } from '../../server/src/core/errors/app-error';
import { toAppError } from '../../server/src/core/errors/to-app-error';
import { MAX_JSON_DEPTH } from '../../server/src/core/json/json-depth';

/**
 * Issue 13: every recursive walker in the server is bounded. Fed JSON nested 10,000 deep (which overflowed the stack
 * before, a 500), each refuses with the translated 400 `json-too-deep` instead of running out of stack, whatever
 * reaches it: the request body limit stands in front of them, but stored records and files do not pass through it.
 * Each module checks its own walkers beside them (server/src/modules/<module>/bounded-walkers.test.ts), the core's
 * and the contract's are checked in test/unit/bounded-walkers.test.ts; this is what they share.
 */
export const DEEP = 10_000;

/** `wrap` applied DEEP times around `leaf`, built with a loop (the test must not recurse either). */
export function nest(leaf: unknown, wrap: (inner: unknown) => unknown, depth = DEEP): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = wrap(value);
  return value;
}

export const deepArray = () => nest('x', (inner) => [inner]);
export const deepObject = (key = 'a') => nest('x', (inner) => ({ [key]: inner }));
export const deepPanels = () => [nest({ type: 'textfield', key: 't', input: true }, (inner) => ({ type: 'panel', key: 'p', input: false, components: [inner] }))];

export function expectTooDeep(walk: () => unknown): void {
  let thrown: unknown;
  try {
    walk();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Error);
  // The shared contract's walkers (listStages, walkComponents) throw its JsonTooDeepError, which is answered alike.
  const answer = toAppError(thrown);
  expect(answer).toBeInstanceOf(AppError);
  expect(answer).toMatchObject({ status: 400, code: 'json-too-deep', params: { limit: MAX_JSON_DEPTH } });
}

/** One test per walker: each refuses JSON nested deeper than MAX_JSON_DEPTH with json-too-deep. */
export function describeBoundedWalkers(walkers: Array<[string, () => unknown]>): void {
  describe('recursive walkers refuse JSON nested deeper than MAX_JSON_DEPTH with json-too-deep, never a stack overflow', () => {
    it.each(walkers)('%s', (_name, walk) => {
      expectTooDeep(walk);
    });
  });
}
