import { formatDate } from '../../client/src/features/common/format';

describe('dates in the reader language', () => {
  it('writes Serbian dates in Latin script, as the Serbian texts are', () => {
    const text = formatDate('2025-03-10T12:00:00Z', 'sr');
    expect(text).toMatch(/2025/);
    expect(text).not.toMatch(/[\u0400-\u04FF]/);
  });

  it('keeps Cyrillic for Bulgarian and Macedonian, and the Finnish order of day and month', () => {
    expect(formatDate('2025-03-10T12:00:00Z', 'bg')).toMatch(/[\u0400-\u04FF]/);
    expect(formatDate('2025-03-10T12:00:00Z', 'mk')).toMatch(/[\u0400-\u04FF]/);
    expect(formatDate('2025-03-10T12:00:00Z', 'fi')).toBe('10.3.2025');
  });

  it('shows an unreadable value as it is and nothing for no value', () => {
    expect(formatDate('not a date', 'en')).toBe('not a date');
    expect(formatDate(undefined, 'en')).toBe('');
  });
});
