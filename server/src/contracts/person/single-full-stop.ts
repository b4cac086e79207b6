/**
 * Some languages write a date with a full stop of its own (Ukrainian "6 груд. 2026 р.", Czech "6. 12. 2026."). Placed
 * before a sentence's own full stop it would print two; the person reads, and hears, one. An ellipsis stays.
 */
export function singleFullStops(text: string): string {
  return text.replace(/(?<!\.)\.\.(?!\.)/g, '.');
}
