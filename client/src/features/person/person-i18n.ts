import i18next, { type i18n as I18n } from 'i18next';
import { PERSON_LANGUAGES } from '@contracts/person/person-languages';
import { singleFullStops } from '@contracts/person/single-full-stop';
import { lazyJsonBackend } from '../../lazy-json-backend';

/** person-texts/<language>.json, fetched only when a language is shown. */
const files = import.meta.glob<{ default: Record<string, unknown> }>('@person-texts/*.json');

const backend = lazyJsonBackend(files, (language) => `/${language}.json`);

let instance: Promise<I18n> | undefined;

/**
 * The person view's own i18next instance: its languages are the person's (26, with Pashto or Yoruba that the staff
 * interface does not speak), and changing them never changes the caseworker's interface language.
 */
export function personI18n(): Promise<I18n> {
  instance ??= (async () => {
    const created = i18next.createInstance();
    await created.use(backend).use({ type: 'postProcessor', name: 'singleFullStops', process: (value: string) => singleFullStops(value) }).init({
      lng: 'en',
      fallbackLng: 'en',
      supportedLngs: [...PERSON_LANGUAGES],
      ns: ['person'],
      defaultNS: 'person',
      load: 'languageOnly',
      nonExplicitSupportedLngs: false,
      interpolation: { escapeValue: false },
      postProcess: ['singleFullStops'],
      react: { useSuspense: false },
    });
    return created;
  })();
  return instance;
}
