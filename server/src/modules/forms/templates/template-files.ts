import fs from 'node:fs';
import path from 'node:path';
import type { FormTranslations } from '../translations/translatable-strings-collector';

export interface TemplateFile {
  file: string;
  definition: unknown;
  translations: FormTranslations;
}

/**
 * Reads `forms/*.json` and, per form, `forms/translations/<language>/<path>.json` (the renderer's `i18n` shape).
 * Files are read in name order so every start sees the same sequence.
 */
export function readTemplateFiles(formsDir: string): TemplateFile[] {
  const translationsDir = path.join(formsDir, 'translations');
  const languages = fs.existsSync(translationsDir)
    ? fs.readdirSync(translationsDir).filter((name) => fs.statSync(path.join(translationsDir, name)).isDirectory()).sort()
    : [];
  return fs
    .readdirSync(formsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = path.join(formsDir, name);
      const definition = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      const formPath = typeof (definition as { path?: unknown }).path === 'string' ? (definition as { path: string }).path : path.basename(name, '.json');
      const translations: FormTranslations = {};
      for (const language of languages) {
        const translationFile = path.join(translationsDir, language, `${formPath}.json`);
        if (fs.existsSync(translationFile)) {
          translations[language] = JSON.parse(fs.readFileSync(translationFile, 'utf8')) as Record<string, string>;
        }
      }
      return { file, definition, translations };
    });
}
