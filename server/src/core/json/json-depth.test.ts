import { AppError } from '../errors/app-error';
import { assertJsonDepth, checkWalkDepth, exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth';

const arrays = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
const objects = (depth: number): unknown => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

describe('exceedsJsonDepth', () => {
  it('counts each array or object as one level, scalars as none', () => {
    expect(exceedsJsonDepth('text', 0)).toBe(false);
    expect(exceedsJsonDepth(null, 0)).toBe(false);
    expect(exceedsJsonDepth([], 0)).toBe(true);
    expect(exceedsJsonDepth([], 1)).toBe(false);
    expect(exceedsJsonDepth({ a: [1, { b: 2 }] }, 3)).toBe(false);
    expect(exceedsJsonDepth({ a: [1, { b: [] }] }, 3)).toBe(true);
  });

  it('accepts exactly MAX_JSON_DEPTH levels and refuses one more, for arrays and objects', () => {
    expect(exceedsJsonDepth(arrays(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(arrays(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(exceedsJsonDepth(objects(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(objects(MAX_JSON_DEPTH + 1))).toBe(true);
  });

  it('finds a deep branch anywhere, not only the first one', () => {
    expect(exceedsJsonDepth([1, 'a', { x: [] }, { y: arrays(MAX_JSON_DEPTH) }])).toBe(true);
  });

  it('walks without recursion, so no input can exhaust the stack', () => {
    expect(exceedsJsonDepth(arrays(200_000))).toBe(true);
    expect(exceedsJsonDepth(objects(200_000))).toBe(true);
  });
});

describe('assertJsonDepth and checkWalkDepth', () => {
  it('throw the translated 400 json-too-deep with the limit', () => {
    for (const fail of [() => assertJsonDepth(arrays(MAX_JSON_DEPTH + 1)), () => checkWalkDepth(MAX_JSON_DEPTH + 1)]) {
      expect(fail).toThrow(AppError);
      try {
        fail();
      } catch (error) {
        expect(error).toMatchObject({ status: 400, code: 'json-too-deep', params: { limit: MAX_JSON_DEPTH } });
      }
    }
    expect(() => checkWalkDepth(MAX_JSON_DEPTH)).not.toThrow();
    expect(() => assertJsonDepth(arrays(MAX_JSON_DEPTH))).not.toThrow();
  });
});
