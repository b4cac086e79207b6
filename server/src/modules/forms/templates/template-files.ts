import fs from 'node:fs';
import path from 'node:path';
import { MAX_JSON_DEPTH, exceedsJsonDepth } from '../../../core/json/json-depth';
import type { FormTranslations } from '../../../contracts/forms/translatable-strings-collector';

export interface TemplateFile {
  file: string;
  definition: unknown;
  translations: FormTranslations;
}

/** A template file is JSON like any other input: nested deeper than the platform accepts, it stops the start. */
function readJson(file: string): unknown {
  const value = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (exceedsJsonDepth(value)) throw new Error(`${file}: nested deeper than ${MAX_JSON_DEPTH} levels`);
  return value;
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
      const definition = readJson(file);
      const formPath = typeof (definition as { path?: unknown }).path === 'string' ? (definition as { path: string }).path : path.basename(name, '.json');
      const translations: FormTranslations = {};
      for (const language of languages) {
        const translationFile = path.join(translationsDir, language, `${formPath}.json`);
        if (fs.existsSync(translationFile)) {
          // `$review` holds notes for a native reader (issue 18), not texts: it stays in the file.
          const { $review: _review, ...strings } = readJson(translationFile) as Record<string, string> & { $review?: unknown };
          translations[language] = strings;
        }
      }
      return { file, definition, translations };
    });
}
