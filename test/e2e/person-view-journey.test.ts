// Issue 18, in Debian's Chromium against the real app, driving only the UI: a Helsinki caseworker opens a case, names
// the person's language on the profile (Ukrainian), switches the interface to Finnish and hands the person view over:
// the consent form and the person's texts are in Ukrainian while the interface stays Finnish; a reload still shows the
// person view (the handover is held on the server); a wrong password keeps it, the caseworker's password brings the
// case page back. A paragraph of the rights sheet and one of the consent form are played from the keyboard, each
// answered with audio, and so is the action of the safety plan the caseworker typed. Then the same in Persian, laid out right to left, side by side with Finnish. Last, for a
// person reading Thai, the caseworker downloads the printed consent sheet and it holds Thai text.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { pdfText } from '../helpers/pdf-text';
import { openPage, seriousAxeViolations, signInThroughForm } from './client-page';
import { fixture, PASSWORD, reveal, screenshotsDir, setField, setGridField, useJourney } from './journey-kit';

jest.setTimeout(300_000);

const journey = useJourney('e2e_person_view');
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `person-view-${name}.png`), fullPage: true });

async function chooseLanguage(page: Page, code: string, staffLabels: { edit: string; first: string; save: string }) {
  await page.getByRole('button', { name: staffLabels.edit }).click();
  const select = page.getByLabel(staffLabels.first);
  await select.selectOption(code);
  await page.getByRole('button', { name: staffLabels.save }).click();
  await page.getByRole('button', { name: staffLabels.edit }).waitFor();
}

async function handBack(page: Page, button: string) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: 'Takaisin henkilöstön näkymään' });
  await dialog.getByLabel('Salasanasi').fill('not the password');
  await dialog.getByRole('button', { name: 'Palaa' }).click();
  await dialog.getByRole('alert').filter({ hasText: 'Salasana ei ole oikein' }).waitFor();
  await dialog.getByLabel('Salasanasi').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Palaa' }).click();
  await page.getByRole('heading', { level: 1, name: /^Asiakkuus / }).waitFor();
}

it('shows the consent form in Ukrainian to the person while the interface is Finnish, and only the password brings the staff view back', async () => {
  const { page, problems } = await openPage(journey.context, [
    { status: 403, url: /\/api\/auth\/person-view\/end$/ },
  ]);
  await signInThroughForm(page, journey.live.baseUrl, 'worker@helsinki.demo.test', PASSWORD);

  await page.getByRole('link', { name: 'Open a new case' }).first().click();
  await page.getByLabel('Alias').fill('Olena');
  await page.getByLabel('Estimated age in years').fill('31');
  await page.getByRole('button', { name: 'Search for possible duplicates' }).click();
  const workflow = page.getByLabel('Workflow');
  const options = await workflow.locator('option').allTextContents();
  await workflow.selectOption({ label: options.find((label) => label.startsWith('Finland'))! });
  await page.getByRole('button', { name: 'Open case', exact: true }).click();
  await page.getByText('The case has been opened.').waitFor();
  await chooseLanguage(page, 'uk', { edit: 'Edit details', first: 'Language for information and consent', save: 'Save details' });
  await page.getByText('Ukrainian (Українська)', { exact: true }).waitFor();

  // The safety plan, typed by the caseworker: its action is later read aloud to the person by the server's voice.
  await page.getByLabel('Fill in another form for this case').selectOption('safety-plan');
  await page.getByRole('button', { name: 'Fill in', exact: true }).click();
  const safety = fixture('safety-plan');
  for (const [key, value] of Object.entries(safety)) {
    if (['assessmentDate', 'reviewDate', 'safetyActions', 'riskScore', 'riskLevel', 'finalRiskLevel', 'riskNotes', 'safeContactPhone', 'riskLevelOverride', 'overrideReason'].includes(key)) continue;
    await setField(page, key, value);
  }
  await setField(page, 'assessmentDate', day(0));
  const [firstAction] = safety.safetyActions as Array<Record<string, string>>;
  for (const key of ['risk', 'action', 'responsibleRole', 'actionStatus']) await setGridField(page, 'safetyActions', 0, key, firstAction![key]);
  await setGridField(page, 'safetyActions', 0, 'dueDate', day(3));
  await setField(page, 'reviewDate', day(14));
  const submit = page.locator('.formio-form button.btn-wizard-nav-submit, .formio-form button[name="data[submit]"]').first();
  await reveal(page, submit);
  const [submitted] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/safety-plan/submission') && response.request().method() === 'POST'),
    submit.click(),
  ]);
  expect(submitted.status()).toBe(201);
  await page.getByText(/^Current stage:/).first().waitFor();

  // The caseworker's own interface in Finnish.
  await page.getByLabel('Language').first().selectOption('fi');
  await page.getByRole('heading', { level: 1, name: /^Asiakkuus / }).waitFor();
  const caseUrl = page.url();
  await page.getByRole('link', { name: 'Avaa henkilön näkymä' }).click();

  const view = page.locator('.person-view');
  await page.getByRole('heading', { level: 1, name: 'Інформація для вас' }).waitFor();
  expect(await view.getAttribute('lang')).toBe('uk');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');
  // No staff navigation.
  expect(await page.getByRole('navigation', { name: 'Päävalikko' }).count()).toBe(0);
  const consent = page.locator('#person-consent');
  await consent.getByText('Ваші права', { exact: true }).first().waitFor();
  // In the form itself (the same text waits, folded, in the list read aloud above it).
  await consent.getByText('Ви можете отримати допомогу, навіть якщо не говорите з поліцією.').last().waitFor();
  await page.getByText('У вас є щонайменше 30 днів, щоб відпочити, відновитися й подумати, що ви хочете робити.').waitFor();
  // The safety plan's action as the caseworker typed it, read aloud by espeak-ng in Ukrainian: the server is asked for
  // the line by its field path, never sent the text, and answers audio that nobody may keep.
  const actionItem = page.locator('#person-safety li').filter({ hasText: firstAction!.action! }).first();
  const [safetyAudio] = await Promise.all([
    page.waitForResponse((response) => /\/api\/speech\/cases\/[0-9a-f]{24}\/safety-plan\/safetyActions\.0\.action\?lang=uk$/.test(response.url())),
    actionItem.getByRole('button').click(),
  ]);
  expect(safetyAudio.status()).toBe(200);
  expect(safetyAudio.headers()['content-type']).toMatch(/^audio\//);
  expect(safetyAudio.headers()['cache-control']).toBe('no-store');
  await actionItem.locator('.read-aloud-button[data-state="playing"], .read-aloud-button[data-state="idle"]').waitFor();

  // Read aloud: a paragraph of the rights sheet, played and paused from the keyboard, answered with audio.
  const rightsPlayer = page.locator('#person-rights .person-paragraph').first().getByRole('button');
  await rightsPlayer.focus();
  const [rightsAudio] = await Promise.all([page.waitForResponse((response) => /\/api\/speech\/rights\/fi\/reflectionPeriod\/0\?lang=uk$/.test(response.url())), page.keyboard.press('Enter')]);
  expect(rightsAudio.status()).toBe(200);
  expect(rightsAudio.headers()['content-type']).toMatch(/^audio\//);
  await page.locator('#person-rights .read-aloud-button[data-state="playing"]').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('#person-rights .read-aloud-button[data-state="paused"]').first().waitFor();
  // ... and a paragraph of the consent form, in Ukrainian.
  await consent.locator('details.person-listen > summary').click();
  const consentItem = consent.locator('.read-aloud-paragraph').filter({ hasText: 'Ви можете отримати допомогу, навіть якщо не говорите з поліцією.' });
  const [consentAudio] = await Promise.all([
    page.waitForResponse((response) => /\/api\/speech\/forms\/.+\?lang=uk$/.test(response.url())),
    consentItem.getByRole('button').click(),
  ]);
  expect(consentAudio.status()).toBe(200);
  expect(consentAudio.headers()['content-type']).toMatch(/^audio\//);
  await consentItem.locator('.read-aloud-button[data-state="playing"], .read-aloud-button[data-state="idle"]').waitFor();
  await shot(page, 'ukrainian');
  expect(await seriousAxeViolations(page)).toEqual([]);

  // 200 % text: nothing is cut off sideways.
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await shot(page, 'ukrainian-200-percent');
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));

  // Held on the server: the case page's address, reloaded, shows the person view again.
  await page.goto(caseUrl);
  await page.getByRole('heading', { level: 1, name: 'Інформація для вас' }).waitFor();

  // Keyboard: the hand-back button is reached with Tab and opens the dialog with Enter.
  await page.getByRole('button', { name: 'Поверніть планшет своєму працівнику' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Takaisin henkilöstön näkymään' }).waitFor();
  await page.keyboard.press('Escape');
  await handBack(page, 'Поверніть планшет своєму працівнику');

  // Persian: right to left, and side by side with the caseworker's Finnish.
  await chooseLanguage(page, 'fa', { edit: 'Muokkaa tietoja', first: 'Tiedottamisen ja suostumuksen kieli', save: 'Tallenna tiedot' });
  await page.getByRole('link', { name: 'Avaa henkilön näkymä' }).click();
  await page.getByRole('heading', { level: 1, name: 'اطلاعات برای شما' }).waitFor();
  expect(await view.getAttribute('dir')).toBe('rtl');
  await consent.getByText('حقوق شما', { exact: true }).first().waitFor();
  const rtl = await page.locator('#person-rights p').first().evaluate((element) => getComputedStyle(element).direction);
  expect(rtl).toBe('rtl');
  await page.getByLabel('نمایش در کنار زبان مددکار').check();
  const staffColumn = page.locator('#person-rights .person-column-staff').first();
  await staffColumn.getByText('Aikaa levätä ja päättää').waitFor();
  expect(await staffColumn.getAttribute('dir')).toBe('ltr');
  // The Persian column is on the right of the Finnish one.
  const personBox = await page.locator('#person-rights .person-column-person').first().boundingBox();
  const staffBox = await staffColumn.boundingBox();
  expect(personBox!.x).toBeGreaterThan(staffBox!.x);
  // The consent form's texts too, paragraph for paragraph, in the list read aloud.
  await consent.locator('details.person-listen > summary').click();
  const staffConsent = consent.locator('.person-listen .person-column-staff');
  await staffConsent.getByText('Saat apua, vaikka et puhu poliisin kanssa.').waitFor();
  expect(await staffConsent.getAttribute('lang')).toBe('fi');
  expect(await consent.locator('.person-listen .person-column-person').getAttribute('dir')).toBe('rtl');
  await shot(page, 'persian-side-by-side');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await handBack(page, 'تبلت را به مددکار خود برگردانید');

  // Thai: the printed consent sheet, downloaded from the case page, is in Thai.
  await chooseLanguage(page, 'th', { edit: 'Muokkaa tietoja', first: 'Tiedottamisen ja suostumuksen kieli', save: 'Tallenna tiedot' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Suostumuslomake \(PDF\)/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/-th\.pdf$/);
  const sheet = await pdfText(fs.readFileSync((await download.path())!));
  expect(sheet.info.Language).toBe('th');
  expect(sheet.text).toContain('ความยินยอมและข้อมูล');
  expect(sheet.text).toMatch(/[\u0E01-\u0E5B]{20}/);
  expect(sheet.text).not.toContain('\uFFFD');
  expect(problems).toEqual([]);
});
