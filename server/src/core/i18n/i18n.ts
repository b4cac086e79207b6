import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type Resource } from 'i18next';

export const FALLBACK_LANGUAGE = 'en';

/** Reads every locales/<language>/<namespace>.json file; the folder names are the languages the server offers. */
export function readLocaleResources(localesDir: string): Resource {
  const resources: Resource = {};
  for (const language of fs.readdirSync(localesDir).sort()) {
    const languageDir = path.join(localesDir, language);
    if (!fs.statSync(languageDir).isDirectory()) continue;
    const namespaces: Record<string, unknown> = {};
    for (const file of fs.readdirSync(languageDir).filter((name) => name.endsWith('.json'))) {
      namespaces[path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(languageDir, file), 'utf8'));
    }
    resources[language] = namespaces as Resource[string];
  }
  return resources;
}

export interface ServerI18n {
  instance: i18n;
  languages: string[];
}

export function createServerI18n(localesDir: string): ServerI18n {
  const resources = readLocaleResources(localesDir);
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: Object.keys(resources),
    ns: [...new Set(Object.values(resources).flatMap((namespaces) => Object.keys(namespaces)))],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return { instance, languages: Object.keys(resources) };
}
