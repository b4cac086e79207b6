/*
 * Web fonts for the scripts a tablet may lack (Thai, Chinese, and the Arabic script's Pashto and Sorani letters such
 * as ۍ and ڵ): Noto from the @fontsource packages, as CSS chunks Vite splits off and this loads only when a language
 * needing one is shown, so the staff interface's bundle carries none of it. Each face keeps its unicode-range (see
 * scripts/person-fonts.mjs): a file is fetched only for characters on screen, Chinese in slices. The families are
 * named first in `.person-view`'s font stack (styles.css); Latin and Cyrillic stay with the interface font.
 */
const SCRIPT_FONTS = {
  thai: () => import('./fonts/thai.css'),
  arabic: () => import('./fonts/arabic.css'),
  han: () => import('./fonts/han.css'),
} as const;
type Script = keyof typeof SCRIPT_FONTS;

/** Languages whose script needs one of the fonts; every other person language is Latin or Cyrillic. */
const SCRIPT_OF: Readonly<Record<string, Script>> = { th: 'thai', zh: 'han', ar: 'arabic', fa: 'arabic', ps: 'arabic', ckb: 'arabic' };

const loading = new Map<Script, Promise<unknown>>();
function loadScript(script: Script): Promise<unknown> {
  let loaded = loading.get(script);
  if (!loaded) {
    // A chunk that failed to load (offline) may be tried again on the next language change.
    loaded = SCRIPT_FONTS[script]().catch(() => loading.delete(script));
    loading.set(script, loaded);
  }
  return loaded;
}

/** The fonts the given languages are written in (the person's and the side-by-side column's). */
export function loadPersonFonts(languages: readonly string[]): Promise<unknown> {
  return Promise.all([...new Set(languages.map((language) => SCRIPT_OF[language]).filter((script) => script !== undefined))].map(loadScript));
}

/** Every script's font: the language picker names each language in itself (ไทย, 中文, پښتو), once it is opened. */
export function loadAllPersonFonts(): Promise<unknown> {
  return Promise.all((Object.keys(SCRIPT_FONTS) as Script[]).map(loadScript));
}
