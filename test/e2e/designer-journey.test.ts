// Issue 7, the form designer's journey in Debian's Chromium against the real app: designer@helsinki signs in, clones
// the integration-checkpoints template under a new path, drags a Text Field from the Form.io builder's palette into
// the form, names it in the component's edit dialog, saves a revision, translates the new label into Finnish in the
// translation editor, publishes; then worker@helsinki, with the interface in Finnish, opens a case, picks the new
// form and sees the new field with its Finnish label.
import path from 'node:path';
import { cspViolations, openPage, signInThroughForm } from './client-page';
import { apiAs, component, dragTextFieldInto, labelInDialog, PASSWORD, screenshotsDir, useJourney } from './journey-kit';

jest.setTimeout(180_000);

const journey = useJourney('e2e_designer_journey');

const TEMPLATE = 'Integration checkpoints: language and legal status';
const NEW_PATH = 'integration-checkpoints-helsinki';
const LABEL = 'Name of the language school';
const LABEL_FI = 'Kielikoulun nimi';

it('clones a template form, adds a field in the builder, translates it, publishes, and the caseworker sees it in Finnish', async () => {
  const { page, problems } = await openPage(journey.context);
  await signInThroughForm(page, journey.live.baseUrl, 'designer@helsinki.demo.test', PASSWORD);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Forms', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Forms' }).waitFor();

  // The template library: the copy gets its own path.
  await page.getByLabel(`Path of the copy of ${TEMPLATE}`).fill(NEW_PATH);
  await page.getByRole('button', { name: `Use the template ${TEMPLATE}` }).click();
  await page.waitForURL(/\/forms\/[0-9a-f]{24}\/build$/);
  const formId = page.url().split('/').at(-2)!;
  await page.getByRole('heading', { level: 1, name: TEMPLATE }).waitFor();

  // The builder: drag a Text Field from the palette (dragula: mouse down, move, up) to the top of the first section
  // (its drop area reaches below the viewport, so the drop point is near its top).
  await dragTextFieldInto(page, 'sectionLanguage');

  // The component's edit dialog: the label (the builder derives the key from it), then Save.
  await labelInDialog(page, LABEL, 'nameOfTheLanguageSchool');
  const dialog = page.locator('.component-edit-container');
  await page.screenshot({ path: path.join(screenshotsDir, 'journey-designer-edit-dialog.png'), fullPage: true });
  await dialog.locator('[ref="saveButton"]').click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.formbuilder [ref="sectionLanguage-container"]').getByText(LABEL).first().waitFor();
  await page.screenshot({ path: path.join(screenshotsDir, 'journey-designer-builder.png'), fullPage: true });

  // Save (the page's button, not the form's own submit button the builder draws): a new revision, not yet published.
  const actions = page.locator('.page-actions');
  await actions.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /Saved as revision \d+ \(not published yet\)\./ }).waitFor();

  // The translation editor: the new label is missing in Finnish until the designer writes it.
  await page.getByRole('navigation', { name: 'Form sections' }).getByRole('link', { name: 'Translations' }).click();
  const row = page.locator('table.translations tr').filter({ has: page.getByRole('rowheader', { name: LABEL, exact: true }) });
  await row.waitFor();
  expect(await row.getAttribute('class')).toBe('missing');
  await page.getByRole('textbox', { name: LABEL, exact: true }).fill(LABEL_FI);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Translations saved.' }).waitFor();
  await page.screenshot({ path: path.join(screenshotsDir, 'journey-designer-translations.png'), fullPage: true });

  await actions.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /Revision \d+ is now published\./ }).waitFor();

  // What the server holds: the published revision carries the field, the Finnish translation its label.
  const designer = await apiAs(journey.live.baseUrl, 'designer@helsinki.demo.test');
  const published = await designer.get(`/api/forms/${formId}`);
  expect(JSON.stringify(published.definition.components)).toContain(`"label":"${LABEL}"`);
  expect(published.translations.fi[LABEL]).toBe(LABEL_FI);

  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();

  // The caseworker, with the interface in Finnish, fills in the new form for a case and sees the new field in Finnish.
  const worker = await apiAs(journey.live.baseUrl, 'worker@helsinki.demo.test');
  const created = await worker.post('/api/cases', {
    alias: 'Aino', workflowId: 'finland-municipality', identity: { estimatedAge: 29, ageUncertain: false, languages: ['ro'] },
  });
  const workerContext = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  try {
    const { page: workerPage, problems: workerProblems } = await openPage(workerContext);
    await signInThroughForm(workerPage, journey.live.baseUrl, 'worker@helsinki.demo.test', PASSWORD);
    await workerPage.getByLabel('Language').selectOption('fi');
    await workerPage.locator('html[lang="fi"]').waitFor();
    await workerPage.goto(`${journey.live.baseUrl}/cases/${created.id}`);
    const otherForm = workerPage.getByLabel('Täytä asiakkuudelle toinen lomake');
    const newFormOffered = () => otherForm.locator(`option[value="${NEW_PATH}"]`).waitFor({ state: 'attached', timeout: 10_000 }).then(() => true, () => false);
    if (!(await newFormOffered())) {
      // Seen once in a clean CI run and never reproduced since: say what the page was given, then load it again.
      const listed = await workerPage.evaluate(async () => (await fetch('/api/forms?lang=fi')).text());
      // eslint-disable-next-line no-console -- the only trace such a run leaves
      console.warn(`the published form was not offered on the case page; /api/forms answered ${listed.slice(0, 2000)}`);
      await workerPage.reload();
    }
    await otherForm.selectOption(NEW_PATH);
    await workerPage.getByRole('button', { name: 'Täytä', exact: true }).click();
    await workerPage.waitForURL(new RegExp(`/cases/${created.id}/forms/${NEW_PATH}$`));
    const field = component(workerPage, 'nameOfTheLanguageSchool');
    await field.waitFor();
    await field.getByText(LABEL_FI, { exact: true }).waitFor();
    expect(await field.getByText(LABEL, { exact: true }).count()).toBe(0);
    await field.locator('input').fill('Helsingin kielikoulu');
    await workerPage.screenshot({ path: path.join(screenshotsDir, 'journey-designer-caseworker-sees-field.png'), fullPage: true });
    expect(await cspViolations(workerPage)).toEqual([]);
    expect(workerProblems).toEqual([]);
  } finally {
    await workerContext.close();
  }
});
