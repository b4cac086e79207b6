// The client shell in Debian's Chromium against the real app (real HTTP, real FerretDB, the built client under the
// real Content-Security-Policy): it loads without console errors or CSP violations, switches language, keeps the
// choice across a reload, and has no serious accessibility violations.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, startLiveApp, type LiveApp } from '../helpers/browser';
import { cspViolations, openPage, seriousAxeViolations } from './client-page';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..', '..');
const screenshotsDir = path.join(root, 'test-results', 'screenshots');
let live: LiveApp | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  if (!fs.existsSync(path.join(root, 'client', 'dist', 'index.html'))) {
    throw new Error('The client is not built: run `npm run build:client` (npm test does this before the browser tests)');
  }
  live = await startLiveApp('e2e_shell');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await live?.close();
});

beforeEach(async () => {
  // A fresh profile per test (no stored language), in an English-speaking browser.
  context = await browser!.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
});

afterEach(async () => {
  await context?.close();
});

describe('client shell', () => {
  it('loads in English, switches to Finnish with the language switcher, and keeps Finnish after a reload', async () => {
    const { page, problems } = await openPage(context!);
    const response = await page.goto(`${live!.baseUrl}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading.textContent()).resolves.toBe('Welcome');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The installation facts come from /api/meta through the browser.
    await page.getByText('Installed on').waitFor();

    fs.mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, 'home.png'), fullPage: true });

    const switcher = page.getByLabel('Language');
    expect(await switcher.evaluate((element) => element.tagName)).toBe('SELECT');
    await switcher.selectOption({ label: 'suomi' });

    await page.getByRole('heading', { level: 1, name: 'Tervetuloa' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    // The switcher's own label is translated too, and it still shows the chosen language.
    const finnishSwitcher = page.getByLabel('Kieli');
    expect(await finnishSwitcher.inputValue()).toBe('fi');
    await page.getByText('Asennettu').waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Tervetuloa' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    expect(await page.getByLabel('Kieli').inputValue()).toBe('fi');
    await page.screenshot({ path: path.join(screenshotsDir, 'home-fi.png'), fullPage: true });

    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('has no serious or critical accessibility violations on the home page, in English and in Finnish', async () => {
    const { page, problems } = await openPage(context!);
    await page.goto(`${live!.baseUrl}/`);
    await page.getByText('Installed on').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Language').selectOption({ label: 'suomi' });
    await page.getByText('Asennettu').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
