// axe-core on every main page of the client, signed out and signed in as the platform administrator (who sees
// every page), in Debian's Chromium against the real app: no serious or critical WCAG 2.1 A/AA violations.
// Screenshots of each page go to test-results/screenshots/ for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadDemoDataSnapshot } from '../helpers/demo-snapshot';
import { launchBrowser, startLiveApp, type LiveApp } from '../helpers/browser';
import { cspViolations, openPage, seriousAxeViolations, signInThroughForm } from './client-page';

jest.setTimeout(240_000);

const PASSWORD = 'demo-password-for-client-tests';
const root = path.resolve(__dirname, '..', '..');
const screenshotsDir = path.join(root, 'test-results', 'screenshots');
let live: LiveApp | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  if (!fs.existsSync(path.join(root, 'client', 'dist', 'index.html'))) throw new Error('Run `npm run build:client` first');
  live = await startLiveApp('e2e_accessibility');
  await loadDemoDataSnapshot(live.db, PASSWORD);
  browser = await launchBrowser();
  fs.mkdirSync(screenshotsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await live?.close();
});

beforeEach(async () => {
  context = await browser!.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
});

afterEach(async () => {
  await context?.close();
});

async function check(page: Page, name: string): Promise<string[]> {
  // Let loading states settle (the page's data or its error message).
  await page.waitForFunction(() => !document.querySelector('main [role="status"]')?.textContent?.includes('Loading'), null, { timeout: 15_000 });
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
  return (await seriousAxeViolations(page)).map((violation) => `${name}: ${violation}`);
}

const SIGNED_IN_PAGES: Array<[string, string, string]> = [
  ['dashboard', '/dashboard', 'Dashboard'],
  ['cases', '/cases', 'Cases'],
  ['forms', '/forms', 'Forms'],
  ['workflows', '/workflows', 'Workflows'],
  ['users', '/admin/users', 'Users'],
  ['roles', '/admin/roles', 'Roles'],
  ['organisations', '/admin/organisations', 'Organisations'],
  ['audit', '/audit', 'Audit log'],
];

describe('accessibility of the main pages', () => {
  it('has no serious or critical violations on the public pages', async () => {
    const { page, problems } = await openPage(context!);
    const violations: string[] = [];
    for (const [name, url, heading] of [
      ['home', '/', 'Welcome'],
      ['sign-in', '/sign-in', 'Sign in'],
      ['about', '/about', 'About this platform'],
    ] as const) {
      await page.goto(`${live!.baseUrl}${url}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      violations.push(...(await check(page, name)));
    }
    expect(violations).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('has no serious or critical violations on the signed-in pages, and moves focus to the heading on navigation', async () => {
    const { page, problems } = await openPage(context!);
    await signInThroughForm(page, live!.baseUrl, 'admin@demo.test', PASSWORD);
    const violations: string[] = [];
    for (const [name, url, heading] of SIGNED_IN_PAGES) {
      // Navigate inside the app (as a user would), so that focus management on route change is exercised.
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: heading, exact: true }).click();
      await page.waitForURL(`${live!.baseUrl}${url}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForFunction((text) => document.activeElement?.textContent === text, heading);
      expect(await page.evaluate(() => document.title)).toContain(heading);
      violations.push(...(await check(page, name)));
    }
    expect(violations).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('switches a signed-in user to Arabic with the language switcher and lays the pages out right to left', async () => {
    const { page, problems } = await openPage(context!);
    await signInThroughForm(page, live!.baseUrl, 'admin@demo.test', PASSWORD);
    // As a user would: the switcher names each language in itself, so Arabic is "العربية".
    await page.getByLabel('Language').selectOption({ label: 'العربية' });
    await page.getByRole('heading', { level: 1, name: 'لوحة المعلومات' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByLabel('اللغة').inputValue()).toBe('ar');

    // The main navigation is in Arabic and still works as a user would use it.
    const violations: string[] = [];
    for (const [name, url, heading] of [
      ['dashboard-ar', '/dashboard', 'لوحة المعلومات'],
      ['cases-ar', '/cases', 'الحالات'],
    ] as const) {
      await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).getByRole('link', { name: heading, exact: true }).click();
      await page.waitForURL(`${live!.baseUrl}${url}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForFunction(() => !document.querySelector('main [role="status"]')?.textContent?.includes('جارٍ التحميل'), null, { timeout: 15_000 });
      if (name === 'cases-ar') {
        // The filters in Arabic, and the count in i18next's Arabic plural form for zero (this file loads no cases).
        await page.getByLabel('كل الحالات التي يُسمح لي برؤيتها').check();
        await page.getByLabel('المرحلة').waitFor();
        await page.getByText('لا توجد حالات', { exact: true }).waitFor();
      }
      // Mirrored: the brand at the right end of the header, the navigation to its left, the heading starting at the
      // right, and nothing pushed out of the page sideways.
      const layout = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        const header = box('.layout-header');
        const main = box('main');
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('main h1')!);
        const title = range.getBoundingClientRect();
        return {
          brandAtRight: box('.brand').right > header.right - 100,
          navLeftOfBrand: box('.layout-header nav').right <= box('.brand').left + 1,
          headingStartsRight: main.right - title.right < 60,
          noSidewaysScroll: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        };
      });
      expect(layout).toEqual({ brandAtRight: true, navLeftOfBrand: true, headingStartsRight: true, noSidewaysScroll: true });
      await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
      violations.push(...(await seriousAxeViolations(page)).map((violation) => `${name}: ${violation}`));
    }
    expect(violations).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
