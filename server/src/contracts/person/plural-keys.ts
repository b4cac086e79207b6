/*
 * Person texts with a number (the rights sheet's days and months) use i18next's plural keys: `period_one`,
 * `period_few`, `period_many`, `period_other` ..., one per plural category the language has (Intl.PluralRules, the
 * same rules i18next applies in the browser), with the number as `{{count}}`. Czech says "1 den, 2 dny, 5 dní".
 */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** `rights.reflection.period_few` → `rights.reflection.period`; undefined for a key without a plural suffix. */
export function pluralBase(key: string): string | undefined {
  return /^(.+)_(zero|one|two|few|many|other)$/.exec(key)?.[1];
}

/** The plural categories a language's texts must have, in the order above. */
export function pluralCategoriesOf(language: string): string[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
  return PLURAL_CATEGORIES.filter((category) => categories.includes(category));
}

/** The keys to look a counted text up by, most fitting first: the language's form for `count`, then `_other`. */
export function pluralKeys(key: string, language: string, count: number): string[] {
  return [`${key}_${new Intl.PluralRules(language).select(count)}`, `${key}_other`, key];
}
