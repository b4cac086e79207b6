// The Serbian texts are written in Latin script; plain `sr` would give Cyrillic unit names beside them.
const LOCALE_OF_LANGUAGE: Record<string, string> = { sr: 'sr-Latn' };

/**
 * How long someone has to wait, in words of their language ("30 seconds", "15 minuuttia", "2 ساعتان"): seconds
 * under a minute, minutes under two hours, hours beyond; always rounded up, so the wait is never shorter than said.
 * The unit names and plural forms come from the platform's ICU data (Intl.NumberFormat), not from our locale files.
 */
export function formatWaitDuration(ms: number, language: string): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const [unit, value] =
    seconds < 60 ? (['second', seconds] as const) : seconds < 2 * 3600 ? (['minute', Math.ceil(seconds / 60)] as const) : (['hour', Math.ceil(seconds / 3600)] as const);
  const options = { style: 'unit', unit, unitDisplay: 'long' } as const;
  try {
    return new Intl.NumberFormat(LOCALE_OF_LANGUAGE[language] ?? language, options).format(value);
  } catch {
    return new Intl.NumberFormat('en', options).format(value);
  }
}
