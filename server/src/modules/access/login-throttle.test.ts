import { blockDuration, createLoginThrottle, DEFAULT_LOGIN_LIMITS } from './login-throttle.service';

describe('blockDuration', () => {
  const rule = DEFAULT_LOGIN_LIMITS.pair;

  it('lets failures below the threshold pass, then doubles the pause up to its cap', () => {
    expect([1, 2, 3, 4].map((failures) => blockDuration(rule, failures))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9].map((failures) => blockDuration(rule, failures) / 1000)).toEqual([30, 60, 120, 240, 480]);
    expect(blockDuration(rule, 10)).toBe(rule.maxBlockMs);
    expect(blockDuration(rule, 10_000)).toBe(rule.maxBlockMs);
  });
});

describe('createLoginThrottle', () => {
  it('refuses a threshold below 2 (the attempt reaching it must hold the counter)', () => {
    expect(() => createLoginThrottle({ models: {}, model: () => ({}) } as never, { limits: { pair: { ...DEFAULT_LOGIN_LIMITS.pair, threshold: 1 } } })).toThrow(
      /pair.threshold/,
    );
  });
});
