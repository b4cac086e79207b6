// axe-core on every main page of the client, signed out and signed in as the platform administrator (who sees
// every page), in Debian's Chromium against the real app: no serious or critical WCAG 2.1 A/AA violations.
// Screenshots of each page go to test-results/screenshots/ for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadDemoData } from '../../server/src/modules/demo/demo-data.service';
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
  await loadDemoData(live.db, PASSWORD);
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

  it('lays the page out right to left for a right-to-left language', async () => {
    const { page } = await openPage(context!);
    await page.goto(`${live!.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Welcome' }).waitFor();
    // No right-to-left staff language has interface strings yet; i18next's direction for Arabic is what the
    // client applies to <html dir> when such a language is chosen.
    const direction = await page.evaluate(() => {
      document.documentElement.dir = 'rtl';
      const header = document.querySelector('.layout-header')!.getBoundingClientRect();
      const brand = document.querySelector('.brand')!.getBoundingClientRect();
      return { brandAtRight: brand.right > header.right - 100 };
    });
    expect(direction.brandAtRight).toBe(true);
    await page.screenshot({ path: path.join(screenshotsDir, 'home-rtl.png'), fullPage: true });
  });
});
