import fs from 'node:fs';
import path from 'node:path';
import { personTextsDir } from '../../config/paths';
import { isPersonLanguage } from '../../contracts/person/person-languages';
import { pluralKeys } from '../../contracts/person/plural-keys';
import { singleFullStops } from '../../contracts/person/single-full-stop';

/*
 * The person view's texts (person-texts/<language>.json) as the server reads them to speak them: the same files the
 * browser shows, so what is heard is what is written. A text missing in a language is English, as the browser's
 * fallback shows it.
 */
type Tree = { [key: string]: string | Tree };

const files = new Map<string, Tree>();
function textsOf(language: string): Tree {
  let tree = files.get(language);
  if (!tree) {
    const file = path.join(personTextsDir, `${language}.json`);
    tree = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Tree) : {};
    files.set(language, tree);
  }
  return tree;
}

function lookup(tree: Tree, key: string): string | undefined {
  const value = key.split('.').reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' && Object.hasOwn(node, part) ? node[part] : undefined), tree);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A person text in `language` (or English, saying so) with its `{{values}}` filled in; undefined for an unknown key. */
export function personText(language: string, key: string, values: Record<string, number | string> = {}): { text: string; language: string } | undefined {
  if (!isPersonLanguage(language) || key.startsWith('$')) return undefined;
  // A counted text in the plural form of its language for that number, as i18next picks it in the browser.
  const keysIn = (lang: string) => (typeof values.count === 'number' ? pluralKeys(key, lang, values.count) : [key]);
  const first = (lang: string) => keysIn(lang).map((candidate) => lookup(textsOf(lang), candidate)).find((text) => text !== undefined);
  const own = first(language);
  const found = own ?? first('en');
  if (found === undefined) return undefined;
  const text = singleFullStops(found.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole)));
  return { text, language: own !== undefined ? language : 'en' };
}
