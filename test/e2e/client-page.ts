// Shared by the client's browser tests: a page that records console errors, page errors, failed requests, HTTP
// errors and CSP violations; sign-in through the real form; axe-core injected through DevTools.
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

export const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** An error answer a test provokes on purpose (e.g. a submission the server refuses): not a fault. */
export interface ExpectedError {
  status: number;
  url: RegExp;
}

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

export async function openPage(context: BrowserContext, expected: ExpectedError[] = []): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  const isExpected = (status: number, url: string) => expected.some((item) => item.status === status && item.url.test(url));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    const status = /status of (\d{3})/.exec(message.text());
    if (status && isExpected(Number(status[1]), url)) return;
    problems.push(`console error: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A navigation away (e.g. signing out) aborts requests still in flight: not a fault.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !isExpected(response.status(), response.url())) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return { page, problems };
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const { violations, passes } = await page.evaluate(() =>
    window.axe!.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  if (passes.length <= 10) throw new Error('axe checked almost nothing: is the page empty?');
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact}: ${violation.id} (${violation.help}) at ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
}
