/*
 * A nationality typed into a form (`NG`, `Nigeria`, `Nigéria`) as the case stores it: an ISO 3166 code. Country names
 * come from the runtime's ICU data (Intl.DisplayNames) in every staff language, so no list is kept here.
 */

const STAFF_LANGUAGES = ['en', 'fi', 'sv', 'da', 'bg', 'ro', 'hu', 'cs', 'mk', 'sq', 'sr', 'ar'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Codes ICU names that are no country: user-assigned ranges, the EU, the eurozone, the UN, unknown. */
const NOT_COUNTRIES = /^(AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN)$/;

let byName: Map<string, string> | undefined;

function normalise(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase('en');
}

function names(): Map<string, string> {
  if (byName) return byName;
  const map = new Map<string, string>();
  const displays = STAFF_LANGUAGES.map((language) => new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }));
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const code = `${first}${second}`;
      if (NOT_COUNTRIES.test(code) || !displays[0]!.of(code)) continue;
      for (const display of displays) {
        const name = display.of(code);
        if (name && !map.has(normalise(name))) map.set(normalise(name), code);
      }
    }
  }
  byName = map;
  return map;
}

/** The ISO 3166-1 alpha-2 code of a country given by code or by its name in a staff language, or undefined. */
export function countryCode(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const code = trimmed.toUpperCase();
    return !NOT_COUNTRIES.test(code) && new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code) ? code : undefined;
  }
  return names().get(normalise(trimmed));
}
