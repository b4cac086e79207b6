import fs from 'node:fs';
import path from 'node:path';
import type { Request } from 'express';
import type { TFunction } from 'i18next';
import { localesDir } from '../../config/paths';

/** The languages the server offers: the folders of locales/ (as core/i18n reads them), listed once. */
let offered: Set<string> | undefined;
function offeredLanguages(): Set<string> {
  offered ??= new Set(fs.readdirSync(localesDir).filter((name) => fs.statSync(path.join(localesDir, name)).isDirectory()));
  return offered;
}

/** Serbian texts in locales/sr are written in Latin script; Intl's plain `sr` would give Cyrillic month names. */
const INTL_LOCALES: Record<string, string> = { sr: 'sr-Latn' };
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ps', 'ckb', 'ur', 'prs']);

export interface ExportLanguage {
  /** The locales/ folder used for the texts. */
  language: string;
  /** BCP 47 tag for Intl formatting and the PDF's /Lang. */
  locale: string;
  rtl: boolean;
  t: TFunction;
}

/**
 * The language of a document the user downloads: `?lang=` when the server offers it (a region such as `fi-FI`
 * counts as `fi`), otherwise the request's own language (Accept-Language, English as the last resort), exactly
 * as every other response.
 */
export function exportLanguage(req: Request): ExportLanguage {
  const requested = typeof req.query.lang === 'string' ? req.query.lang.trim().toLowerCase() : '';
  const languages = offeredLanguages();
  const base = requested.split(/[-_]/)[0] ?? '';
  const language = languages.has(requested) ? requested : languages.has(base) ? base : req.ctx.language;
  const fixed = req.ctx.t;
  const t = ((key: string | string[], options?: Record<string, unknown>) => fixed(key, { ...options, lng: language })) as TFunction;
  return { language, locale: INTL_LOCALES[language] ?? language, rtl: RTL_LANGUAGES.has(language), t };
}
