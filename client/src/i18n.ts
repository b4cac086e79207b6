import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { lazyJsonBackend } from './lazy-json-backend';
import { STAFF_LANGUAGES } from './staff-languages';

/** Locale files are split per language and namespace and fetched only when a language is chosen. */
const localeFiles = import.meta.glob<{ default: Record<string, unknown> }>('@locales/*/*.json');

// The switcher offers the staff languages that have a common.json (a module of its own, free of Vite's import.meta).
export { STAFF_LANGUAGES };

const withCommon = new Set(
  Object.keys(localeFiles)
    .filter((file) => file.endsWith('/common.json'))
    .map((file) => file.split('/').at(-2)!),
);

/** Languages of the interface, in the staff-language order, then any other language that has a common.json. */
export const LANGUAGES = [
  ...STAFF_LANGUAGES.filter((language) => withCommon.has(language)),
  ...[...withCommon].filter((language) => !(STAFF_LANGUAGES as readonly string[]).includes(language)).sort(),
];

const STORAGE_KEY = 'assist.language';

const lazyLocales = lazyJsonBackend(localeFiles, (language, namespace) => `/${language}/${namespace}.json`);

function initialLanguage(): string {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && LANGUAGES.includes(stored)) return stored;
  const preferred = navigator.languages
    .map((tag) => tag.toLowerCase().split('-')[0]!)
    .find((tag) => LANGUAGES.includes(tag));
  return preferred ?? 'en';
}

/** Keeps <html lang dir> right so screen readers pronounce the text and right-to-left scripts lay out correctly. */
function reflectLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
}

export async function setupI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', (language) => {
    localStorage.setItem(STORAGE_KEY, language);
    reflectLanguage(language);
  });
  await i18next
    .use(lazyLocales)
    .use(initReactI18next)
    .init({
      lng: initialLanguage(),
      fallbackLng: 'en',
      supportedLngs: LANGUAGES,
      ns: ['common'],
      nonExplicitSupportedLngs: false,
      load: 'languageOnly',
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
    });
  reflectLanguage(i18next.language);
  return i18next;
}
