import { formatWaitDuration } from './wait-duration';

describe('formatWaitDuration', () => {
  it.each([
    [1, 'en', '1 second'],
    [30_000, 'en', '30 seconds'],
    [29_001, 'en', '30 seconds'],
    [60_000, 'en', '1 minute'],
    [15 * 60_000, 'en', '15 minutes'],
    [15 * 60_000 - 1, 'en', '15 minutes'],
    [119 * 60_000, 'en', '119 minutes'],
    [2 * 3600_000, 'en', '2 hours'],
    [24 * 3600_000, 'en', '24 hours'],
    [15 * 60_000, 'fi', '15 minuuttia'],
    [30_000, 'sv', '30 sekunder'],
    [15 * 60_000, 'sr', '15 minuta'],
    [15 * 60_000, 'de-XX-invalid-tag-!', '15 minutes'],
  ])('%d ms in %s is %s', (ms, language, text) => {
    expect(formatWaitDuration(ms, language)).toBe(text);
  });
});
