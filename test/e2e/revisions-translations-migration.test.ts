// Three pages in Debian's Chromium against the real app (real HTTP, real FerretDB, demo data and both libraries):
// - a form's revisions: designer@helsinki clones a template, changes a label, removes a field and adds one in the
//   builder, saves revision 2, compares revision 1 with 2 (added, removed and changed components with their paths)
//   and opens revision 1 as it was saved;
// - the translation editor: English source beside the Finnish target, the untranslated label highlighted as missing
//   until a translation is saved, and the form's preview in Finnish showing it;
// - case migration: admin@demo.test (in fi-nas) publishes version 2 of a cloned workflow while two cases run on
//   version 1, one of them finished; the dry run says which can move and why the other cannot, the migration moves
//   the running one, and its case page shows version 2.
// Each page is checked with axe (no serious or critical violations) and photographed in test-results/screenshots/.
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { cspViolations, openPage, seriousAxeViolations, signInThroughForm } from './client-page';
import { apiAs, component, dragTextFieldInto, PASSWORD, screenshotsDir, setLabelInDialog, useJourney } from './journey-kit';

jest.setTimeout(180_000);

const journey = useJourney('e2e_revisions_translations_migration');

/** Each test signs in as its own user, so each opens its pages in a browser context of its own. */
const contexts: BrowserContext[] = [];
async function freshPage() {
  const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return openPage(context);
}
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

const DESIGNER = 'designer@helsinki.demo.test';
const TEMPLATE = 'integration-checkpoints';
const TEMPLATE_TITLE = 'Integration checkpoints: language and legal status';

/** The builder's wrapper around one component, with its action buttons (shown while the pointer is over it). */
async function builderActions(page: Page, key: string): Promise<Locator> {
  const rendered = page.locator(`.formbuilder .formio-component-${key}`).first();
  await rendered.waitFor();
  const wrapper = rendered.locator('xpath=..');
  await wrapper.scrollIntoViewIfNeeded();
  await wrapper.hover();
  return wrapper;
}

it('compares two revisions of a form by component path and renders the old revision', async () => {
  const { page, problems } = await freshPage();
  await signInThroughForm(page, journey.live.baseUrl, DESIGNER, PASSWORD);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Forms', exact: true }).click();
  await page.getByLabel(`Path of the copy of ${TEMPLATE_TITLE}`).fill('integration-checkpoints-revisions');
  await page.getByRole('button', { name: `Use the template ${TEMPLATE_TITLE}` }).click();
  await page.waitForURL(/\/forms\/[0-9a-f]{24}\/build$/);
  await page.getByText('Newest revision 1;').waitFor();

  // Revision 2, made in the builder: a label changed in the edit dialog, a field removed, a new field dragged in.
  const provider = await builderActions(page, 'languageCourseProvider');
  await provider.getByRole('button', { name: /^Edit button/ }).click();
  await setLabelInDialog(page, 'Language course provider', 'languageCourseProvider');
  await page.locator('.formbuilder').getByText('Language course provider').first().waitFor();

  const literacy = await builderActions(page, 'literacySupportNeeded');
  await literacy.getByRole('button', { name: /^Remove button/ }).click();
  await page.locator('.formbuilder .formio-component-literacySupportNeeded').waitFor({ state: 'detached' });

  await dragTextFieldInto(page, 'sectionLanguage');
  await setLabelInDialog(page, 'Interpreter used', 'interpreterUsed');
  await page.locator('.formbuilder .formio-component-interpreterUsed').first().waitFor();

  await page.locator('.page-actions').getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Saved as revision 2 (not published yet).' }).waitFor();

  // The revisions page: both revisions listed; revision 1 compared with revision 2.
  await page.getByRole('navigation', { name: 'Form sections' }).getByRole('link', { name: 'Revisions' }).click();
  await page.waitForURL(/\/revisions$/);
  const list = page.getByRole('region', { name: 'Revisions', exact: true });
  await list.getByRole('rowheader', { name: '2', exact: true }).waitFor();
  // Newest first; the copy's first revision is the published one.
  expect(await list.getByRole('rowheader').allInnerTexts()).toEqual(['2', '1 published']);
  await page.getByLabel('Compare revision').selectOption('1');
  await page.getByLabel('with revision').selectOption('2');
  const changes = page.getByRole('list', { name: 'Changes from revision 1 to revision 2' });
  await changes.waitFor();
  const itemsOf = async (list: Locator) => (await list.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  expect(await itemsOf(changes)).toEqual([
    'added sectionLanguage.interpreterUsed',
    'removed sectionLanguage.literacySupportNeeded',
    'changed sectionLanguage.languageCourseProvider: label',
  ]);
  // The same two, the other way round.
  await page.getByLabel('Compare revision').selectOption('2');
  await page.getByLabel('with revision').selectOption('1');
  const back = page.getByRole('list', { name: 'Changes from revision 2 to revision 1' });
  await back.waitFor();
  expect(await itemsOf(back)).toEqual([
    'added sectionLanguage.literacySupportNeeded',
    'removed sectionLanguage.interpreterUsed',
    'changed sectionLanguage.languageCourseProvider: label',
  ]);
  await page.getByLabel('Compare revision').selectOption('1');
  await page.getByLabel('with revision').selectOption('2');
  await changes.waitFor();

  // Revision 1, as it was saved: with the removed field and the old label, without the new field.
  await list.getByRole('button', { name: 'Show revision 1' }).click();
  const old = page.getByRole('region', { name: 'Revision 1 as it was saved' });
  await old.locator('.formio-form').waitFor();
  const oldField = (key: string) => old.locator(`.formio-component-${key}`).first();
  await oldField('literacySupportNeeded').getByText('Needs literacy support (learning to read and write)').waitFor();
  await oldField('languageCourseProvider').getByText('Course provider', { exact: true }).waitFor();
  expect(await old.locator('.formio-component-interpreterUsed').count()).toBe(0);
  expect(await list.getByRole('button', { name: 'Show revision 1' }).getAttribute('aria-pressed')).toBe('true');

  await page.screenshot({ path: path.join(screenshotsDir, 'form-revisions-diff.png'), fullPage: true });
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

it('highlights untranslated texts until a translation is saved, and the Finnish preview shows it', async () => {
  // What the translator starts from: a copy of a fully translated template with one new, untranslated field.
  const designer = await apiAs(journey.live.baseUrl, DESIGNER);
  const form = await designer.post(`/api/form-templates/${TEMPLATE}/clone`, { path: 'integration-checkpoints-translated' });
  const definition = structuredClone(form.definition);
  const next = definition.components.find((c: { key: string }) => c.key === 'sectionNext');
  next.components.push({ type: 'textfield', key: 'interpreterUsed', label: 'Interpreter used', input: true });
  await designer.put(`/api/forms/${form.id}`, { definition, version: form.version });

  const { page, problems } = await freshPage();
  await signInThroughForm(page, journey.live.baseUrl, DESIGNER, PASSWORD);
  await page.goto(`${journey.live.baseUrl}/forms/${form.id}/build`);
  await page.getByRole('heading', { level: 1, name: TEMPLATE_TITLE }).waitFor();
  await page.getByRole('navigation', { name: 'Form sections' }).getByRole('link', { name: 'Translations' }).click();

  // Source and target side by side: the English text as the row's header, the Finnish text in the box it labels.
  const table = page.locator('table.translations');
  await table.waitFor();
  expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['English (source)', 'Translation']);
  expect(await page.getByLabel('Translate into').inputValue()).toBe('fi');
  const row = table.locator('tr').filter({ has: page.getByRole('rowheader', { name: 'Interpreter used', exact: true }) });
  const box = page.getByRole('textbox', { name: 'Interpreter used', exact: true });
  // Only the new label is missing; the template's own texts come translated. The missing one says so in words too.
  expect(await row.getAttribute('class')).toBe('missing');
  await row.getByText('missing', { exact: true }).waitFor();
  expect(await table.locator('tr.missing').count()).toBe(1);
  expect(await box.getAttribute('aria-describedby')).toBeTruthy();
  await page.getByText(/^Not translated: 1 of \d+ texts$/).waitFor();
  const provider = page.getByRole('textbox', { name: 'Course provider', exact: true });
  expect(await provider.inputValue()).not.toBe('');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshotsDir, 'form-translations-missing.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);

  await box.fill('Tulkki käytössä');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Translations saved.' }).waitFor();
  expect(await row.getAttribute('class')).toBeNull();
  expect(await row.getByText('missing', { exact: true }).count()).toBe(0);
  await page.getByText(/^Not translated: 0 of \d+ texts$/).waitFor();

  // What the server now holds, as the page shows it when opened again.
  await page.reload();
  await box.waitFor();
  expect(await box.inputValue()).toBe('Tulkki käytössä');
  expect(await table.locator('tr.missing').count()).toBe(0);
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshotsDir, 'form-translations-saved.png') });

  // The preview in Finnish: the new field carries its translated label, the others theirs.
  await page.getByRole('navigation', { name: 'Form sections' }).getByRole('link', { name: 'Preview' }).click();
  await page.getByLabel('Preview language').selectOption('fi');
  const field = component(page, 'interpreterUsed');
  await field.getByText('Tulkki käytössä', { exact: true }).waitFor();
  expect(await field.getByText('Interpreter used', { exact: true }).count()).toBe(0);
  expect(await component(page, 'languageCourseProvider').getByText('Course provider', { exact: true }).count()).toBe(0);
  await page.screenshot({ path: path.join(screenshotsDir, 'form-preview-fi.png'), fullPage: true });
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

it('publishes a new workflow version, shows per case in a dry run whether it can move, then moves the running case', async () => {
  // What the administrator starts from: a clone of the municipal workflow published as version 1, with two cases on
  // it in fi-nas: one still in intake, one closed when the person declined the referral.
  const admin = await apiAs(journey.live.baseUrl, 'admin@demo.test');
  const templates = await admin.get('/api/workflows/templates');
  const template = templates.items.find((item: { key: string }) => item.key === 'finland-municipality');
  const clone = await admin.post('/api/workflows/clone', { source: 'template', id: template.key, version: template.version });
  await admin.post(`/api/workflows/${clone.id}/publish`, { revision: clone.revision });
  const identity = { estimatedAge: 30, ageUncertain: false, languages: ['ro'] };
  const running = await admin.post('/api/cases', { alias: 'Ilona', workflowId: clone.id, identity });
  const finished = await admin.post('/api/cases', { alias: 'Vera', workflowId: clone.id, identity });
  await admin.post(`/api/cases/${finished.id}/events`, { type: 'referralDeclined', data: {} });
  expect((await admin.get(`/api/cases/${finished.id}`)).workflow.snapshot.status).toBe('done');

  const { page, problems } = await freshPage();
  await signInThroughForm(page, journey.live.baseUrl, 'admin@demo.test', PASSWORD);
  await page.goto(`${journey.live.baseUrl}/workflows/${clone.id}`);
  await page.getByText(/^Published version 1; draft revision \d+/).waitFor();

  // Version 2: a fixed 120-day reflection period in the assistance stage.
  const graph = page.locator('.stage-graph');
  const assistance = graph.getByRole('button', { name: /Assistance and services/ });
  await assistance.focus();
  await assistance.press('Enter');
  const panel = page.getByRole('complementary');
  await panel.getByRole('heading', { name: 'Stage “Assistance and services”' }).waitFor();
  const reflection = panel.getByRole('group', { name: 'End of the reflection period' });
  await reflection.getByLabel('Unit').selectOption({ label: 'days' });
  await reflection.getByLabel('Number').fill('120');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Published as version 2.' }).waitFor();
  await page.getByText(/^Published version 2; draft revision \d+/).waitFor();

  // The dry run: per case, whether it can move to version 2, and why not.
  await page.getByRole('button', { name: 'Migrate cases (dry run)' }).click();
  const results = page.getByRole('region', { name: 'Dry run: moving cases to version 2' });
  await results.waitFor();
  // The results lie below the graph: focus moves to them.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Dry run: moving cases to version 2');
  await results.getByRole('status').filter({ hasText: '1 case can move to version 2. 1 case stays on its version.' }).waitFor();
  const cells = async (region: Locator, reference: string) => {
    const row = region.getByRole('row').filter({ has: page.getByRole('rowheader', { name: reference }) });
    return (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
  };
  expect(await results.getByRole('columnheader').allInnerTexts()).toEqual(['Case', 'Runs on', 'Stages', 'Result', 'Why not']);
  expect(await cells(results, running.reference)).toEqual(['this workflow, version 1', 'Intake and consent → Intake and consent', 'can move', '—']);
  const finishedRow = await cells(results, finished.reference);
  expect([finishedRow[0], ...finishedRow.slice(-2)]).toEqual(['this workflow, version 1', 'cannot move', 'The case has finished; it stays on the version it finished on.']);
  // Nothing has moved yet.
  expect((await admin.get(`/api/cases/${running.id}`)).workflow.version).toBe(1);
  await page.screenshot({ path: path.join(screenshotsDir, 'workflow-migration-dry-run.png'), fullPage: true });
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The migration itself.
  await results.getByRole('button', { name: 'Move 1 case to version 2' }).click();
  const done = page.getByRole('region', { name: 'Cases moved to version 2' });
  await done.getByRole('status').filter({ hasText: '1 case moved to version 2. 1 case stays on its version.' }).waitFor();
  const movedRow = await cells(done, running.reference);
  expect([movedRow[0], ...movedRow.slice(-2)]).toEqual(['this workflow, version 1', 'moved', '—']);
  await page.screenshot({ path: path.join(screenshotsDir, 'workflow-migration-done.png'), fullPage: true });
  expect((await admin.get(`/api/cases/${running.id}`)).workflow.version).toBe(2);
  expect((await admin.get(`/api/cases/${finished.id}`)).workflow.version).toBe(1);

  // The moved case's page says which version it now runs on.
  await done.getByRole('link', { name: running.reference }).click();
  await page.getByRole('heading', { level: 1, name: `Case ${running.reference}` }).waitFor();
  await page.getByText('Workflow version 2', { exact: true }).waitFor();
  await page.getByText('Current stage: Intake and consent').waitFor();
  const timeline = await page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').allInnerTexts();
  expect(timeline[0]).toMatch(/ Moved from workflow version 1 to version 2$/);
  await page.screenshot({ path: path.join(screenshotsDir, 'workflow-migration-case.png'), fullPage: true });

  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
