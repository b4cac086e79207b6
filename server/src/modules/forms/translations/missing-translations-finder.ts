import type { FormLike } from '../../../contracts/forms/form.types';
import { translatableStrings, type FormTranslations } from '../../../contracts/forms/translatable-strings-collector';

/** Forms are authored in English; the source language never lacks a translation. */
export const SOURCE_LANGUAGE = 'en';

/** Per language, the form's strings that have no (or an empty) translation. */
export function missingTranslations(form: FormLike, translations: FormTranslations, languages: readonly string[]): Record<string, string[]> {
  const strings = translatableStrings(form);
  const missing: Record<string, string[]> = {};
  for (const language of languages) {
    if (language === SOURCE_LANGUAGE) {
      missing[language] = [];
      continue;
    }
    const translated = translations[language] ?? {};
    missing[language] = strings.filter((text) => !Object.hasOwn(translated, text) || translated[text]?.trim() === '');
  }
  return missing;
}
