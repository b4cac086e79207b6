// Shared by the journey tests: the real app with demo data and both template libraries, API calls made the way a
// script would (bearer token), and filling in Form.io components through the page as a person does.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Connection } from 'mongoose';
import { localesDir } from '../../server/src/config/paths';
import { createServerI18n } from '../../server/src/core/i18n/i18n';
import { loadDemoCases, loadDemoData } from '../../server/src/modules/demo';
import { startForms } from '../../server/src/modules/forms';
import { loadTemplateLibrary } from '../../server/src/modules/workflows';
import { launchBrowser, startLiveApp, type LiveApp } from '../helpers/browser';
import { wiredCaseServices } from '../helpers/case-app';
import { loadSnapshot } from '../helpers/demo-snapshot';

export const PASSWORD = 'demo-password-for-journeys';
export const root = path.resolve(__dirname, '..', '..');
export const screenshotsDir = path.join(root, 'test-results', 'screenshots');

/** What the server's own start leaves in an empty database: the workflow and form libraries and the demo data. */
async function loadJourneyStart(db: Connection): Promise<void> {
  await loadTemplateLibrary(db);
  await startForms(db);
  await loadDemoData(db, PASSWORD);
}

/**
 * The real app on its own database with the demo organisations and users, the workflow and form libraries, and with
 * `demoCases` the demo cases too (each state built once per run and copied, see demo-snapshot.ts).
 */
export async function startJourneyApp(label: string, options: { demoCases?: boolean } = {}): Promise<LiveApp> {
  if (!fs.existsSync(path.join(root, 'client', 'dist', 'index.html'))) throw new Error('Run `npm run build:client` first');
  const live = await startLiveApp(label);
  if (options.demoCases) {
    await loadSnapshot(live.db, 'journey_cases', async (db) => {
      await loadJourneyStart(db);
      const services = wiredCaseServices(db);
      await loadDemoCases(db, { runtime: services.runtime, caseEvents: services.caseEvents, t: createServerI18n(localesDir).instance.getFixedT('en') });
      await services.scheduler.stop();
    });
  } else {
    await loadSnapshot(live.db, 'journey', loadJourneyStart);
  }
  fs.mkdirSync(screenshotsDir, { recursive: true });
  return live;
}

export interface Journey {
  live: LiveApp;
  browser: Browser;
  /** An English desktop browser context; a journey may open more from `browser`. */
  context: BrowserContext;
}

/** One journey file's live app, browser and context, opened before its tests and closed after them. */
export function useJourney(label: string, options: { demoCases?: boolean } = {}): Journey {
  const journey = {} as Journey;
  beforeAll(async () => {
    journey.live = await startJourneyApp(label, options);
    journey.browser = await launchBrowser();
    journey.context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  }, 240_000);
  afterAll(async () => {
    await journey.context?.close();
    await journey.browser?.close();
    await journey.live?.close();
  });
  return journey;
}

/** JSON API calls as a signed-in script (bearer token), for setting up what a journey starts from. */
export async function apiAs(baseUrl: string, email: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${email}: ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test setup reads whatever the API answers
    const json = text ? (JSON.parse(text) as Record<string, any>) : {};
    if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text}`);
    return json;
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body: unknown) => call('POST', url, body),
    put: (url: string, body: unknown) => call('PUT', url, body),
    patch: (url: string, body: unknown) => call('PATCH', url, body),
  };
}

export function fixture(formPath: string): Record<string, unknown> {
  const body = JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'form-submissions', `${formPath}.json`), 'utf8'));
  return (body.data ?? body) as Record<string, unknown>;
}

/** A day `days` from now (ISO): due dates and appointments in a case's forms may not fall before the case opened. */
export function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

/** The Form.io component with this key, in the rendered form. */
export function component(page: Page, key: string): Locator {
  return page.locator(`.formio-form .formio-component-${key}`).first();
}

/**
 * Whether the wizard shows another page than `was` (its breadcrumb and the id of its first component; evaluated in
 * the browser, so it names nothing outside itself). With no `was`, answers what is shown.
 */
function pageShown(was?: string): string | boolean {
  const active = document.querySelector('.formio-form .pagination .page-item.active');
  const first = document.querySelector('.formio-form .wizard-page .formio-component');
  const shown = `${active?.textContent ?? ''}|${first?.id ?? ''}`;
  return was === undefined ? shown : shown !== was;
}

/**
 * In a wizard, moves page by page until the component is on the page shown: forwards first, then backwards (a
 * restored draft or an earlier step may have left the wizard past the component's page). Waits for the form to be
 * rendered first, for each page change to happen (so that a slow render never makes it skip a page), and for a
 * component on the page that a condition still hides to be shown.
 */
export async function reveal(page: Page, host: Locator): Promise<void> {
  await page.locator('.formio-form').first().waitFor();
  await page.locator('.formio-form .formio-component').first().waitFor();
  for (const direction of ['next', 'previous']) {
    for (let step = 0; step < 12; step += 1) {
      // On the page shown, though perhaps hidden until a condition on an answer just given shows it.
      if (await host.count()) return host.waitFor();
      const button = page.locator(`.formio-form button.btn-wizard-nav-${direction}`);
      if (!(await button.isVisible())) break;
      const before = (await page.evaluate(pageShown, undefined)) as string;
      await button.click();
      await page.waitForFunction(pageShown, before);
    }
  }
  await host.waitFor().catch(async (error: unknown) => {
    await page.screenshot({ path: path.join(screenshotsDir, 'journey-failed-to-reveal.png'), fullPage: true });
    throw error;
  });
}

/** Sets one field through the page, as a person would: clicks radios, boxes and choices, types text. */
export async function setField(page: Page, key: string, value: unknown): Promise<void> {
  const host = component(page, key);
  await reveal(page, host);
  await fillComponent(page, host, value);
}

/**
 * The component `key` in row `row` (from 0) of the data grid `grid`, adding rows with the grid's "Add Another" until
 * the row is there, as a person adds a line to a table.
 */
export async function gridCell(page: Page, grid: string, row: number, key: string): Promise<Locator> {
  const host = component(page, grid);
  await reveal(page, host);
  // The grid's own rows (the rows of a grid inside it are further down).
  const rows = host.locator('table.datagrid-table > tbody > tr');
  await rows.first().waitFor();
  while ((await rows.count()) <= row) {
    const before = await rows.count();
    await host.locator('button.formio-button-add-row').last().click();
    await rows.nth(before).waitFor();
  }
  // A cell that a condition on the row shows appears once the answer it depends on is given.
  const cell = rows.nth(row).locator(`.formio-component-${key}`).first();
  await cell.waitFor();
  return cell;
}

/** Sets one field of a data grid's row, as `setField` does. */
export async function setGridField(page: Page, grid: string, row: number, key: string, value: unknown): Promise<void> {
  await fillComponent(page, await gridCell(page, grid, row, key), value);
}

/**
 * Opens a select's list until `choice` shows. A click on the select toggles its list, so a click that lands while the
 * list of the previous choice is still closing closes it again: the person clicks once more, as they would.
 */
async function openChoices(host: Locator, choice: Locator): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    if (!(await choice.isVisible())) await host.locator('.choices').first().click();
    try {
      await choice.waitFor({ state: 'visible', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/** Fills one rendered Form.io component as a person would, by its kind. */
async function fillComponent(page: Page, host: Locator, value: unknown): Promise<void> {
  const classes = (await host.getAttribute('class')) ?? '';
  if (classes.includes('formio-component-radio')) {
    await host.locator(`input[type="radio"][value="${String(value)}"]`).check();
  } else if (classes.includes('formio-component-selectboxes')) {
    for (const [option, on] of Object.entries(value as Record<string, boolean>)) {
      if (on) await host.locator(`input[type="checkbox"][value="${option}"]`).check();
    }
  } else if (classes.includes('formio-component-checkbox')) {
    await host.locator('input[type="checkbox"]').setChecked(Boolean(value));
  } else if (classes.includes('formio-component-select')) {
    for (const option of Array.isArray(value) ? value : [value]) {
      const choice = host.locator(`.choices__list--dropdown .choices__item--choice[data-value="${String(option)}"]`);
      await openChoices(host, choice);
      await choice.click();
      await page.keyboard.press('Escape');
    }
  } else if (classes.includes('formio-component-datetime')) {
    const input = host.locator('input').first();
    const type = await input.getAttribute('type');
    await input.fill(type === 'date' ? String(value).slice(0, 10) : String(value));
  } else {
    await host.locator('input, textarea').first().fill(String(value));
  }
}

/** Drags a Text Field from the builder's palette to the top of a panel (dragula: mouse down, move, up). */
export async function dragTextFieldInto(page: Page, panelKey: string): Promise<void> {
  const palette = page.locator('.formbuilder .formcomponents [data-type="textfield"]').first();
  await palette.waitFor();
  const dropZone = page.locator(`.formbuilder [ref="${panelKey}-container"]`).first();
  await dropZone.waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  const from = (await palette.boundingBox())!;
  const to = (await dropZone.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 20, { steps: 20 });
  await page.mouse.up();
}

/**
 * In the builder's component edit dialog: sets the label and waits for the key the builder derives from it (an
 * existing component keeps its key). The builder derives a new component's key only once its edit form has
 * finished rendering; a label typed before that keeps the default key (seen in about one run in twenty), so the
 * label is typed again until the key follows.
 */
export async function labelInDialog(page: Page, label: string, key: string): Promise<void> {
  const dialog = page.locator('.component-edit-container');
  await dialog.waitFor();
  const labelInput = dialog.locator('input[name="data[label]"]');
  const keyIs = (expected: string) =>
    page
      .waitForFunction((value) => document.querySelector<HTMLInputElement>('.component-edit-container input[name="data[key]"]')?.value === value, expected, { timeout: 5_000 })
      .then(() => true, () => false);
  for (let attempt = 0; attempt < 4; attempt += 1) {
    await labelInput.fill('');
    await labelInput.fill(label);
    if (await keyIs(key)) return;
  }
  throw new Error(`the builder did not derive the key ${key} from the label ${label}`);
}

/** `labelInDialog`, then the dialog's Save. */
export async function setLabelInDialog(page: Page, label: string, key: string): Promise<void> {
  await labelInDialog(page, label, key);
  const dialog = page.locator('.component-edit-container');
  await dialog.locator('[ref="saveButton"]').click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * Submits the case's open Form.io form and waits until the server stored it (201) and the case page shows its stage
 * again; a submission that never went through leaves a screenshot (`onFailure`) before the test fails.
 */
export async function submitCaseForm(page: Page, formPath: string, onFailure: (name: string) => Promise<unknown>): Promise<void> {
  const submit = page.locator('.formio-form button.btn-wizard-nav-submit, .formio-form button[name="data[submit]"]').first();
  await reveal(page, submit);
  const submitted = page.waitForResponse((response) => response.url().endsWith(`/${formPath}/submission`) && response.request().method() === 'POST');
  await submit.click();
  const response = await submitted.catch(async (error: unknown) => {
    await onFailure(`not-submitted-${formPath}`);
    throw error;
  });
  expect(response.status()).toBe(201);
  await page.getByText(/^Current stage:/).first().waitFor();
}
