// Issue 18, read aloud, in Debian's Chromium against the real app and the real espeak-ng, driving only the UI: a
// Helsinki caseworker opens a case for a person who reads Pashto and Ukrainian, opens the consent and information
// form and its read-aloud panel. Pashto has no voice: the panel says so in Pashto (and in English) and offers the
// person's next language; in Ukrainian a paragraph plays (the audio request is answered with WAV audio), pauses and
// continues from the keyboard, with the focus ring visible.
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { axeSource, openPage, signInThroughForm } from './client-page';
import { PASSWORD, screenshotsDir, useJourney } from './journey-kit';
import { NO_VOICE_TEXTS } from '../../server/src/contracts/speech/no-voice-texts';
import { speakableHtml } from '../../server/src/contracts/speech/speakable-text';
import { readJson } from '../helpers/forms-kit';

/** The Ukrainian text of the consent form's right of children (two sentences: long enough to pause it), as its translation file has it. */
const CHILD_RIGHTS = speakableHtml(
  readJson<Record<string, string>>('forms/translations/uk/consent-information.json')[
    '<p>If you are under 18, you get extra help. If you are here without your parents, you get a person who protects your interests.</p>'
  ]!,
);

jest.setTimeout(240_000);

const journey = useJourney('e2e_read_aloud');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `read-aloud-${name}.png`), fullPage: true });

it('reads a paragraph of the consent form aloud in the person’s next language that has a voice', async () => {
  const { page, problems } = await openPage(journey.context);
  await signInThroughForm(page, journey.live.baseUrl, 'worker@helsinki.demo.test', PASSWORD);

  await page.getByRole('link', { name: 'Open a new case' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Open a new case' }).waitFor();
  await page.getByLabel('Alias').fill('Olena');
  await page.getByLabel('Estimated age in years').fill('27');
  await page.getByLabel('Languages the person speaks').fill('ps, uk');
  await page.getByRole('button', { name: 'Search for possible duplicates' }).click();
  await page.getByRole('region', { name: 'Cases that may be the same person' }).getByText('No case of the organisation matches.').waitFor();
  const workflow = page.getByLabel('Workflow');
  const options = await workflow.locator('option').allTextContents();
  await workflow.selectOption({ label: options.find((label) => label.startsWith('Finland'))! });
  await page.getByRole('button', { name: 'Open case', exact: true }).click();
  await page.getByText('The case has been opened.').waitFor();

  await page.getByRole('region', { name: 'Forms for this stage' }).getByRole('link', { name: 'Consent and information', exact: false }).first().click();
  await page.locator('.formio-form').waitFor();
  const panel = page.locator('details.form-read-aloud');
  await panel.getByText('Read aloud to the person').click();

  // The person's first language, Pashto, has no voice: said in Pashto, right to left, and in the staff language.
  const language = panel.getByLabel('Language of the person');
  expect(await language.inputValue()).toBe('ps');
  // The no-voice notice (the form's own texts are in Pashto too, now that the form has a Pashto translation).
  const pashto = panel.locator('.read-aloud-no-voice p[lang="ps"]');
  await pashto.waitFor();
  expect(await pashto.textContent()).toBe(NO_VOICE_TEXTS.ps!.noVoice);
  expect(await pashto.getAttribute('dir')).toBe('rtl');
  await panel.getByText(/There is no voice that reads Pashto aloud\./).waitFor();
  await shot(page, '01-no-voice-pashto');

  // The offer of the next language the person reads.
  await panel.getByRole('button', { name: /Listen in Ukrainian/ }).click();
  expect(await language.inputValue()).toBe('uk');
  const paragraph = panel.locator('li.read-aloud-item', { hasText: CHILD_RIGHTS });
  const play = paragraph.getByRole('button', { name: 'Play' });

  const answered = page.waitForResponse((response: Response) => response.url().includes('/api/speech/forms/'));
  // From the keyboard: from the language chooser, Tab from button to button until this paragraph's, then Enter.
  await language.focus();
  for (let presses = 0; presses < 30 && !(await play.evaluate((element) => element === document.activeElement)); presses += 1) {
    await page.keyboard.press('Tab');
  }
  expect(await play.evaluate((element) => element.matches(':focus-visible'))).toBe(true);
  const outline = await play.evaluate((element) => getComputedStyle(element).outlineStyle + ' ' + getComputedStyle(element).outlineWidth);
  expect(outline).not.toMatch(/^none/);
  await page.keyboard.press('Enter');
  const response = await answered;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('audio/wav');
  expect(response.url()).toContain('lang=uk');
  // A second of 22,050 Hz 16-bit mono is 44,100 bytes; the sentence lasts longer than that.
  expect(Number(response.headers()['content-length'])).toBeGreaterThan(44_100);

  const pause = paragraph.getByRole('button', { name: 'Pause' });
  await pause.waitFor();
  await page.keyboard.press('Space');
  await paragraph.getByRole('button', { name: 'Continue' }).waitFor();
  await paragraph.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshotsDir, 'read-aloud-02-paused-ukrainian.png') });
  await page.keyboard.press('Enter');
  await pause.waitFor();
  // It plays to the end and is ready to play again.
  await paragraph.getByRole('button', { name: 'Play' }).waitFor({ timeout: 30_000 });

  // The read-aloud panel itself (the Form.io renderer below it is checked by the accessibility test).
  await page.evaluate(axeSource);
  const { violations } = await page.evaluate(() =>
    // axe takes an element as its context as well as a document.
    window.axe!.run(document.querySelector('details.form-read-aloud') as unknown as Document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
  expect(problems).toEqual([]);
});
