// The client shell in Debian's Chromium against the real app (real HTTP, real FerretDB, the built client under the
// real Content-Security-Policy): it loads without console errors or CSP violations, switches language, keeps the
// choice across a reload, and has no serious accessibility violations.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startLiveApp, type LiveApp } from '../helpers/browser';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..', '..');
const screenshotsDir = path.join(root, 'test-results', 'screenshots');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
    axe?: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[]; passes: unknown[] }> };
  }
}

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

/** A page that records console errors, uncaught exceptions, CSP violations and failed requests. */
async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await context!.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // Chromium also reports CSP violations as DOM events; an init script (added through DevTools, not subject to the
  // page's CSP) collects them so that a blocked style or connection cannot go unnoticed.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return { page, problems };
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Injected through DevTools rather than a <script> tag, which the strict CSP would (rightly) block.
  await page.evaluate(axeSource);
  const { violations, passes } = await page.evaluate(() =>
    window.axe!.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  // Guard against a check that silently checked nothing (an empty page would "pass").
  expect(passes.length).toBeGreaterThan(10);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact}: ${violation.id} (${violation.help}) at ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
}

describe('client shell', () => {
  it('loads in English, switches to Finnish with the language switcher, and keeps Finnish after a reload', async () => {
    const { page, problems } = await openPage();
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
    const { page, problems } = await openPage();
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
