// The Serbian texts are written in Latin script; plain `sr` would give Cyrillic month names beside them.
const LOCALE_OF_LANGUAGE: Record<string, string> = { sr: 'sr-Latn' };

/** The Intl locale for a UI language. */
export const localeOf = (language: string) => LOCALE_OF_LANGUAGE[language] ?? language;

/** Dates in the reader's language. */
export function formatDate(value: string | undefined | null, language: string, withTime = false): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(localeOf(language), withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
}

export function isPast(value: string | undefined | null, now = Date.now()): boolean {
  return Boolean(value) && new Date(value!).getTime() < now;
}
