import fs from 'node:fs';
import path from 'node:path';
import { formsDir, localesDir } from '../../server/src/config/paths';
import { missingTranslations } from '../../server/src/modules/forms';
import { PERSON_LANGUAGES, VICTIM_LANGUAGES } from '../../server/src/contracts/person/person-languages';
import { pluralBase, pluralCategoriesOf } from '../../server/src/contracts/person/plural-keys';

/** Staff and official languages: every template, server message and UI text must exist in each (issues 6 and 7). */
const STAFF_LANGUAGES = ['en', 'fi', 'sv', 'da', 'bg', 'ro', 'hu', 'cs', 'mk', 'sq', 'sr', 'ar'];
/** Languages of many victims (issue 18): the consent and information form and the person texts must exist in each. */
const CONSENT_LANGUAGES = VICTIM_LANGUAGES.filter((language) => language !== 'en');
/** Server messages, workflow texts and the web application's own texts. */
const NAMESPACES = ['common', 'errors', 'validation', 'workflows'];

type Tree = { [key: string]: string | Tree };
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Tree;

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

function missingKeys(source: Tree, target: Tree): string[] {
  const present = new Set(
    leafKeys(target).filter((key) => {
      const value = key.split('.').reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), target);
      return typeof value === 'string' && value.trim() !== '';
    }),
  );
  return leafKeys(source).filter((key) => !present.has(key));
}

const templates = fs
  .readdirSync(formsDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(fs.readFileSync(path.join(formsDir, file), 'utf8')) as { path: string });

function formTranslations(language: string, formPath: string): Record<string, string> {
  const file = path.join(formsDir, 'translations', language, `${formPath}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

describe.each(STAFF_LANGUAGES.filter((language) => language !== 'en'))('staff language %s', (language) => {
  it.each(NAMESPACES)('has every key of locales/en/%s.json', (namespace) => {
    const source = readJson(path.join(localesDir, 'en', `${namespace}.json`));
    const file = path.join(localesDir, language, `${namespace}.json`);
    const target = fs.existsSync(file) ? readJson(file) : {};
    expect(missingKeys(source, target)).toEqual([]);
  });

  it.each(templates.map((form) => form.path))('translates every string of the form template %s', (formPath) => {
    const form = templates.find((candidate) => candidate.path === formPath)!;
    const missing = missingTranslations(form as never, { [language]: formTranslations(language, formPath) }, [language]);
    expect(missing[language] ?? []).toEqual([]);
  });
});

describe.each(CONSENT_LANGUAGES)('language of victims %s', (language) => {
  it('translates every string of consent-information', () => {
    const form = templates.find((candidate) => candidate.path === 'consent-information')!;
    const missing = missingTranslations(form as never, { [language]: formTranslations(language, 'consent-information') }, [language]);
    expect(missing[language] ?? []).toEqual([]);
  });
});

/** Person-facing texts (issue 18): person-texts/<language>.json, English the source; `$review` notes name keys that exist. */
const personTextsDir = path.join(localesDir, '..', 'person-texts');
const personFiles = fs.readdirSync(personTextsDir).filter((file) => file.endsWith('.json'));
describe('person texts of every person-facing language', () => {
  // Every staff language is person-facing too (issue 18), so each of the 26 needs its own file.
  it.each(PERSON_LANGUAGES.filter((language) => language !== 'en'))('%s has its person texts', (language) => {
    expect(personFiles).toContain(`${language}.json`);
  });
  it('exist only for languages the person view offers', () => {
    expect(personFiles.map((file) => file.replace(/\.json$/, '')).filter((language) => !(PERSON_LANGUAGES as readonly string[]).includes(language))).toEqual([]);
  });
});
describe.each(personFiles)('person texts %s', (file) => {
  const language = file.replace(/\.json$/, '');
  const source = readJson(path.join(personTextsDir, 'en.json'));
  const { $review: sourceReview, ...sourceTexts } = source as Tree & { $review?: unknown };
  const target = readJson(path.join(personTextsDir, file));
  const { $review: review, ...texts } = target as Tree & { $review?: Record<string, string> };
  const valueAt = (tree: Tree, key: string) => key.split('.').reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
  // Counted texts (the rights sheet's days and months) are plural keys: each language has the forms its own plural
  // rules ask for (Czech _one _few _many _other, Arabic six, Thai only _other), the other texts as English has them.
  const sourceKeys = leafKeys(sourceTexts);
  const counted = [...new Set(sourceKeys.map(pluralBase).filter((base) => base !== undefined))];
  const expectedKeys = [...sourceKeys.filter((key) => pluralBase(key) === undefined), ...counted.flatMap((base) => pluralCategoriesOf(language).map((category) => `${base}_${category}`))];
  it("has every text of person-texts/en.json, and each counted text in every plural form of the language's rules", () => {
    expect(sourceReview).toBeUndefined();
    const present = new Set(leafKeys(texts).filter((key) => String(valueAt(texts, key)).trim() !== ''));
    expect(expectedKeys.filter((key) => !present.has(key))).toEqual([]);
    expect(leafKeys(texts).filter((key) => pluralBase(key) !== undefined && !expectedKeys.includes(key))).toEqual([]);
    expect(counted.length).toBeGreaterThan(0);
  });
  it('has review notes only for texts that exist', () => {
    const keys = new Set(leafKeys(texts));
    expect(Object.keys(review ?? {}).filter((key) => !keys.has(key))).toEqual([]);
  });
  it('keeps the placeholders of each English text, so the days and dates of the rights sheet show', () => {
    const placeholders = (value: unknown) => (typeof value === 'string' ? (value.match(/{{\s*\w+\s*}}/g) ?? []).map((found) => found.replace(/\s/g, '')).sort() : []);
    const differing = expectedKeys.filter((key) => {
      const base = pluralBase(key);
      const english = placeholders(valueAt(sourceTexts, base ? `${base}_other` : key));
      // Where a language names the number in words ("يوم واحد", "يومان": one day, two days), it may leave {{count}} out.
      const optional = /_(zero|one|two)$/.test(key) ? english.filter((name) => name !== '{{count}}') : english;
      const own = placeholders(valueAt(texts, key));
      return own.join() !== english.join() && own.join() !== optional.join();
    });
    expect(differing).toEqual([]);
  });
});

/** Every consent form translation carrying `$review` notes: each note names a string the file translates. */
const reviewedConsentLanguages = fs
  .readdirSync(path.join(formsDir, 'translations'))
  .filter((language) => '$review' in formTranslations(language, 'consent-information'));
describe('review notes of form translations', () => {
  it('exist for the languages a native reader should check', () => {
    expect(reviewedConsentLanguages).toEqual(expect.arrayContaining(['fa', 'zh', 'vi', 'th', 'fil', 'ps', 'ckb', 'yo', 'ig', 'uk', 'ru']));
  });
  it.each(reviewedConsentLanguages)('%s names only strings of the consent form', (language) => {
    const file = formTranslations(language, 'consent-information');
    const review = file.$review as unknown as Record<string, string>;
    expect(Object.keys(review).length).toBeGreaterThan(0);
    expect(Object.keys(review).filter((source) => !(source in file))).toEqual([]);
  });
});
