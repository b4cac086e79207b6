// Signing in and out in Debian's Chromium against the real app (real HTTP, real FerretDB with the demo data, the
// built client under the strict CSP): sign in with a password, switch organisation, switch language (Finnish and
// Swedish, another staff language), sign out; a person paused after wrong passwords reads how long in their
// language, and an administrator unlocks them.
// The sign-in page loads no Form.io code, and its JavaScript stays small.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { loadDemoDataSnapshot } from '../helpers/demo-snapshot';
import { launchBrowser, startLiveApp, type LiveApp } from '../helpers/browser';
import { cspViolations, openPage, signInThroughForm } from './client-page';

jest.setTimeout(180_000);

const PASSWORD = 'demo-password-for-client-tests';
const root = path.resolve(__dirname, '..', '..');
let live: LiveApp | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  if (!fs.existsSync(path.join(root, 'client', 'dist', 'index.html'))) throw new Error('Run `npm run build:client` first');
  // The sign-in limits' clock stands still: a pause lasts until the test ends it, however slow the machine.
  const start = Date.now();
  live = await startLiveApp('e2e_sign_in', {}, { loginThrottle: { clock: { now: () => new Date(start) } } });
  await loadDemoDataSnapshot(live.db, PASSWORD);
  browser = await launchBrowser();
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

describe('sign-in', () => {
  it('signs in, switches organisation and language, and signs out, without console errors or CSP violations', async () => {
    const { page, problems } = await openPage(context!);
    await signInThroughForm(page, live!.baseUrl, 'admin@demo.test', PASSWORD);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('Demo Platform Admin').waitFor();

    // The platform admin belongs to two organisations: switch to the Danish one.
    const orgSwitcher = page.getByLabel('Organisation', { exact: true });
    const before = await orgSwitcher.inputValue();
    const other = await orgSwitcher.locator('option').evaluateAll(
      (options, current) => (options as HTMLOptionElement[]).map((option) => option.value).find((value) => value !== current)!,
      before,
    );
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/auth/switch') && response.status() === 200),
      orgSwitcher.selectOption(other),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me.org.id).toBe(other);

    // Finnish: everything translated.
    await page.getByLabel('Language').selectOption({ label: 'suomi' });
    await page.getByRole('heading', { level: 1, name: 'Yleiskatsaus' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).waitFor();

    // Swedish: the whole interface in Swedish.
    await page.getByLabel('Kieli').selectOption({ label: 'svenska' });
    await page.getByRole('link', { name: 'Ärenden' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    const after = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(after).toBe(401);
    // That 401 was asked for on purpose.
    const unexpected = problems.filter((problem) => !problem.includes('/api/me') || !/401/.test(problem));
    expect(await cspViolations(page)).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it('sends a signed-out visitor of a protected page to sign in, and back there afterwards', async () => {
    const { page, problems } = await openPage(context!);
    await page.goto(`${live!.baseUrl}/admin/roles`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('E-mail address').fill('auditor@nas.demo.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Roles' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/roles');
    // The rule editor says in words what a role may do.
    await page.getByText('May see: the audit log').first().waitFor({ state: 'attached' });
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows the server\'s translated message for a wrong password', async () => {
    const { page } = await openPage(context!);
    await page.goto(`${live!.baseUrl}/sign-in`);
    await page.getByLabel('E-mail address').fill('worker@helsinki.demo.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.length).toBeGreaterThan(5);
  });

  it('tells a person paused after wrong passwords how long to wait, in their language; an administrator unlocks them', async () => {
    const fi = JSON.parse(fs.readFileSync(path.join(root, 'locales', 'fi', 'common.json'), 'utf8')) as { signIn: { title: string; email: string; password: string; submit: string } };
    const finnish = await browser!.newContext({ locale: 'fi-FI', viewport: { width: 1280, height: 900 } });
    try {
      const expected = [
        { status: 401, url: /\/api\/auth\/login$/ },
        { status: 429, url: /\/api\/auth\/login$/ },
      ];
      const { page, problems } = await openPage(finnish, expected);
      await page.goto(`${live!.baseUrl}/sign-in`);
      await page.getByRole('heading', { level: 1, name: fi.signIn.title }).waitFor();
      const submit = async (password: string) => {
        await page.getByLabel(fi.signIn.email).fill('police@helsinki.demo.test');
        await page.getByLabel(fi.signIn.password).fill(password);
        const [response] = await Promise.all([
          page.waitForResponse((candidate) => candidate.url().endsWith('/api/auth/login')),
          page.getByRole('button', { name: fi.signIn.submit, exact: true }).click(),
        ]);
        return response.status();
      };
      const statuses = [];
      for (let attempt = 0; attempt < 5; attempt += 1) statuses.push(await submit(`not-the-password-${attempt}`));
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      // The fifth wrong password starts a pause of 30 seconds, said in Finnish on the page.
      const alert = page.getByRole('alert');
      await alert.filter({ hasText: '30 sekuntia' }).waitFor();
      expect(await alert.textContent()).toMatch(/^Kirjautuminen on keskeytetty .* kun on kulunut 30 sekuntia\.$/);
      // Paused: the right password waits too, and the page says so.
      expect(await submit(PASSWORD)).toBe(429);
      await alert.filter({ hasText: 'sekunti' }).waitFor();

      // An administrator sees the lock on the users page and ends it.
      const { page: adminPage, problems: adminProblems } = await openPage(context!);
      await signInThroughForm(adminPage, live!.baseUrl, 'admin@demo.test', PASSWORD);
      await adminPage.goto(`${live!.baseUrl}/admin/users`);
      const row = adminPage.getByRole('row').filter({ hasText: 'police@helsinki.demo.test' });
      await row.getByText(/^Sign-in locked until /).waitFor();
      await row.getByRole('button', { name: 'Unlock sign-in for Demo Police Liaison' }).click();
      await adminPage.getByRole('status').filter({ hasText: 'Demo Police Liaison can sign in again.' }).waitFor();
      await row.getByRole('button', { name: 'Unlock sign-in for Demo Police Liaison' }).waitFor({ state: 'detached' });
      expect(adminProblems).toEqual([]);

      // And the person signs in at once.
      expect(await submit(PASSWORD)).toBe(200);
      await page.getByRole('heading', { level: 1, name: 'Yleiskatsaus' }).waitFor();
      expect(await cspViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await finnish.close();
    }
  });

  it('loads no Form.io code on the sign-in page, and its JavaScript is small', async () => {
    const { page, problems } = await openPage(context!);
    const scripts: Array<{ url: string; bytes: Buffer }> = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push({ url: response.url(), bytes: await response.body() });
    });
    await page.goto(`${live!.baseUrl}/sign-in`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    const formio = scripts.filter(({ url, bytes }) => /formio/i.test(url) || bytes.includes('formio.builder') || bytes.includes('WebformBuilder'));
    expect(formio.map(({ url }) => url)).toEqual([]);
    const loaded = await page.evaluate(() => typeof (window as unknown as { Formio?: unknown }).Formio);
    expect(loaded).toBe('undefined');
    const raw = scripts.reduce((sum, { bytes }) => sum + bytes.length, 0);
    const gzipped = scripts.reduce((sum, { bytes }) => sum + zlib.gzipSync(bytes, { level: 9 }).length, 0);
    process.stdout.write(
      `sign-in page JavaScript: ${scripts.length} files, ${(raw / 1024).toFixed(1)} KB raw, ${(gzipped / 1024).toFixed(1)} KB gzipped\n`,
    );
    fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'test-results', 'sign-in-js-size.json'), JSON.stringify({ files: scripts.map(({ url }) => url), raw, gzipped }, null, 2));
    expect(gzipped).toBeLessThan(250 * 1024);
    expect(problems).toEqual([]);
  });
});
