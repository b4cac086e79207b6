/*
 * Languages a person assisted may be given information, consent and safety texts in (issue 18). They are not the
 * staff member's interface language: a Finnish caseworker hands a tablet to a person who reads Ukrainian. Every staff
 * language is person-facing too. Kept here so the case profile's schema, the server's texts and the client agree.
 */

/** Staff and official languages (DOMAIN.md), in the order the interface offers them. */
export const STAFF_LANGUAGES = ['en', 'fi', 'sv', 'da', 'bg', 'ro', 'hu', 'cs', 'mk', 'sq', 'sr', 'ar'] as const;

/** Languages of many people assisted in the EU and the Nordics (DOMAIN.md); `fa` is written for Dari and Persian readers. */
export const VICTIM_LANGUAGES = ['en', 'ar', 'fa', 'ps', 'ckb', 'uk', 'ru', 'vi', 'th', 'zh', 'es', 'fr', 'pcm', 'yo', 'ig', 'fil'] as const;

/** Every language a person-facing text exists in: the languages of people assisted, then the remaining staff languages. */
export const PERSON_LANGUAGES = [...new Set([...VICTIM_LANGUAGES, ...STAFF_LANGUAGES])] as readonly PersonLanguage[];
export type PersonLanguage = (typeof VICTIM_LANGUAGES)[number] | (typeof STAFF_LANGUAGES)[number];

/** Written right to left: Arabic, Persian/Dari, Pashto and Sorani. */
export const RTL_PERSON_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'ps', 'ckb']);

export const isPersonLanguage = (code: string): code is PersonLanguage => (PERSON_LANGUAGES as readonly string[]).includes(code);

export const directionOf = (code: string): 'rtl' | 'ltr' => (RTL_PERSON_LANGUAGES.has(code) ? 'rtl' : 'ltr');

/** Each language's name in itself, so a person recognises their own language whatever the staff interface speaks. */
export const LANGUAGE_AUTONYMS: Readonly<Record<PersonLanguage, string>> = {
  en: 'English', ar: 'العربية', fa: 'فارسی / دری', ps: 'پښتو', ckb: 'کوردیی سۆرانی', uk: 'Українська', ru: 'Русский',
  vi: 'Tiếng Việt', th: 'ไทย', zh: '中文', es: 'Español', fr: 'Français', pcm: 'Naijá (Pidgin)', yo: 'Yorùbá', ig: 'Igbo',
  fil: 'Filipino', fi: 'Suomi', sv: 'Svenska', da: 'Dansk', bg: 'Български', ro: 'Română', hu: 'Magyar', cs: 'Čeština',
  mk: 'Македонски', sq: 'Shqip', sr: 'Srpski',
};
