import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { organisationModel } from '../../server/src/modules/tenants';
import { loadDemoDataSnapshot } from '../helpers/demo-snapshot';
import { launchBrowser, startLiveApp, type LiveApp } from '../helpers/browser';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

let live: LiveApp;
let provider: ChildProcess;
let browser: Browser;

beforeAll(async () => {
  live = await startLiveApp('oidc');
  await loadDemoDataSnapshot(live.db, 'demo-password-for-tests');
  const port = await freePort();
  const redirectUri = `${live.baseUrl}/api/auth/oidc/fi-helsinki/callback`;
  provider = spawn(process.execPath, [path.join(__dirname, '..', 'helpers', 'oidc-provider.mjs'), String(port), 'assist-helsinki', 'a-long-test-client-secret-0123456789', redirectUri], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    provider.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    provider.once('exit', (code) => reject(new Error(`OIDC provider exited with ${code}`)));
  });
  await organisationModel(live.db).updateOne(
    { slug: 'fi-helsinki' },
    { $set: { oidc: { issuer: `http://127.0.0.1:${port}`, clientId: 'assist-helsinki', clientSecret: 'a-long-test-client-secret-0123456789', emailClaim: 'email' } } },
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  provider?.kill();
  await live?.close();
});

async function signInThroughProvider(email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${live.baseUrl}/api/auth/oidc/fi-helsinki/start`);
  await page.fill('input[name="login"]', email);
  await page.fill('input[name="password"]', 'anything');
  await Promise.all([page.waitForURL((url) => url.href.startsWith(live.baseUrl), { timeout: 20_000 }), page.click('button[type="submit"]')]);
  return { context, page };
}

describe('OIDC sign-in per organisation', () => {
  it('lists the organisation as offering single sign-on', async () => {
    const response = await fetch(`${live.baseUrl}/api/auth/oidc`);
    expect(await response.json()).toEqual([{ slug: 'fi-helsinki', name: expect.any(String) }]);
  });

  it("maps the provider's e-mail claim to the member and opens a session in that organisation", async () => {
    const { context, page } = await signInThroughProvider('worker@helsinki.demo.test');
    const me = await page.evaluate(async () => {
      const response = await fetch('/api/me');
      return { status: response.status, body: await response.json() };
    });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('worker@helsinki.demo.test');
    expect(me.body.org.slug).toBe('fi-helsinki');
    await context.close();
  });

  it('refuses a person the provider knows but who is not a member of the organisation', async () => {
    const { context, page } = await signInThroughProvider('worker@vantaa.demo.test');
    const body = await page.evaluate(() => document.body.innerText);
    expect(body).toContain('invalid-credentials');
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
    await context.close();
  });
});
