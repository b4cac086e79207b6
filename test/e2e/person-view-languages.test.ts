// Issue 18, in Debian's Chromium against the real app, driving only the UI: the languages of people assisted that the
// staff interface does not speak (Pashto, Sorani, Chinese, Thai, Vietnamese, Yoruba, Igbo, Filipino) reach the person
// view. For each, the caseworker names it on the case profile and hands the view over: the page speaks that language
// (lang, and right to left for Pashto and Sorani), the rights sheet, the consent form and the safety-plan text are in
// it, axe finds nothing serious, and the caseworker's password brings the case page back. The expected texts are read
// from the translation files, so the test shows the files reach the screen, whatever their wording becomes.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { directionOf } from '../../server/src/contracts/person/person-languages';
import { openPage, seriousAxeViolations, signInThroughForm } from './client-page';
import { PASSWORD, root, screenshotsDir, useJourney } from './journey-kit';

jest.setTimeout(600_000);

const LANGUAGES = ['ps', 'ckb', 'zh', 'th', 'vi', 'yo', 'ig', 'fil'];

const journey = useJourney('e2e_person_view_languages');

interface PersonTexts {
  title: string;
  handBack: string;
  safety: { none: string };
  rights: { reflection: Record<string, string> };
}
const personTexts = (language: string) => JSON.parse(fs.readFileSync(path.join(root, 'person-texts', `${language}.json`), 'utf8')) as PersonTexts;
const consentText = (language: string, source: string) => {
  const file = JSON.parse(fs.readFileSync(path.join(root, 'forms', 'translations', language, 'consent-information.json'), 'utf8')) as Record<string, string>;
  return file[source]!.replace(/<\/?p>/g, '');
};

/** The font families the page has defined (@font-face, loaded or not). */
const fontFamilies = (page: Page) => page.evaluate(() => [...document.fonts].map((face) => face.family.replace(/"/g, '')));

/** The families whose faces the page has loaded for the text it shows. */
const loadedFamilies = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    return [...new Set([...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/"/g, '')))];
  });

/**
 * The letters of `text` the person view draws as a box: each is drawn in the person view's own font stack and
 * compared, pixel by pixel, with a private-use character no font has (the missing-glyph box). Once the fonts the
 * page asked for have loaded, so a font the page never loaded draws nothing here but its fallback.
 */
const drawnAsBoxes = (page: Page, text: string) =>
  page.evaluate(async (letters) => {
    await document.fonts.ready;
    const family = getComputedStyle(document.querySelector('.person-view h1')!).fontFamily;
    const canvas = document.createElement('canvas');
    canvas.width = 96;
    canvas.height = 96;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const draw = (letter: string) => {
      context.clearRect(0, 0, 96, 96);
      context.font = `48px ${family}`;
      context.fillText(letter, 16, 64);
      return context.getImageData(0, 0, 96, 96).data.join();
    };
    const box = draw('\uE000');
    return letters.filter((letter) => draw(letter) === box);
  }, [...new Set(text.match(/\p{L}/gu) ?? [])]);

/** Languages written in a script the test machine has no font for, and the web font the person view loads for it. */
const WEB_FONTS: Record<string, string> = { ps: 'Noto Sans Arabic', ckb: 'Noto Sans Arabic', zh: 'Noto Sans SC', th: 'Noto Sans Thai' };

async function chooseLanguage(page: Page, code: string) {
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByLabel('Language for information and consent').selectOption(code);
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.getByRole('button', { name: 'Edit details' }).waitFor();
}

async function handBack(page: Page, button: string) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: 'Back to the staff view' });
  await dialog.getByLabel('Your password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Return' }).click();
  await page.getByRole('heading', { level: 1, name: /^Case / }).waitFor();
}

it('shows the rights sheet, the consent form and the safety plan in each language of people assisted the staff interface does not speak', async () => {
  const { page, problems } = await openPage(journey.context);
  await signInThroughForm(page, journey.live.baseUrl, 'worker@helsinki.demo.test', PASSWORD);

  await page.getByRole('link', { name: 'Open a new case' }).first().click();
  await page.getByLabel('Alias').fill('Mai');
  await page.getByLabel('Estimated age in years').fill('27');
  await page.getByRole('button', { name: 'Search for possible duplicates' }).click();
  const workflow = page.getByLabel('Workflow');
  const options = await workflow.locator('option').allTextContents();
  await workflow.selectOption({ label: options.find((label) => label.startsWith('Finland'))! });
  await page.getByRole('button', { name: 'Open case', exact: true }).click();
  await page.getByText('The case has been opened.').waitFor();

  // The staff interface defines no web font: they come with the person view, for the languages that need them.
  expect((await fontFamilies(page)).filter((family) => family.startsWith('Noto'))).toEqual([]);

  const view = page.locator('.person-view');
  for (const language of LANGUAGES) {
    const texts = personTexts(language);
    await chooseLanguage(page, language);
    await page.getByRole('link', { name: 'Open the person view' }).click();

    await page.getByRole('heading', { level: 1, name: texts.title }).waitFor();
    expect(await view.getAttribute('lang')).toBe(language);
    expect(await view.getAttribute('dir')).toBe(directionOf(language));
    // Finland's reflection period: at least 30 days.
    // In the plural form the language's rules give 30 (Filipino says it as it says one).
    const period = texts.rights.reflection[`period_${new Intl.PluralRules(language).select(30)}`]!.replace('{{count}}', '30');
    await page.getByText(period).waitFor();
    const consent = page.locator('#person-consent');
    // In the form itself (the "listen part by part" list below repeats its paragraphs).
    await consent.locator('.formio-host').getByText(consentText(language, '<p>You can get help even if you do not talk to the police.</p>')).waitFor();
    await page.getByText(texts.safety.none).waitFor();
    // Every letter of the heading and the paragraph is drawn as a glyph, not a box (Pashto's ۍ too), and the
    // script's web font is what drew them.
    const shown = `${texts.title} ${period}${language === 'ps' ? ' ۍ' : ''}`;
    expect(await drawnAsBoxes(page, shown)).toEqual([]);
    if (WEB_FONTS[language]) expect(await loadedFamilies(page)).toContain(WEB_FONTS[language]);
    const direction = await page.locator('#person-rights p').first().evaluate((element) => getComputedStyle(element).direction);
    expect(direction).toBe(directionOf(language));
    await page.screenshot({ path: path.join(screenshotsDir, `person-view-language-${language}.png`), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await handBack(page, texts.handBack);
  }
  expect(problems).toEqual([]);
});
