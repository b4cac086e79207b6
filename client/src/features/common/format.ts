/** Dates in the reader's language. */
export function formatDate(value: string | undefined | null, language: string, withTime = false): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(language, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' });
}

export function isPast(value: string | undefined | null, now = Date.now()): boolean {
  return Boolean(value) && new Date(value!).getTime() < now;
}
