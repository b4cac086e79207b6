import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import type { AppDeps } from '../../server/src/app';
import { createTestApp, type TestApp } from './test-app';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium (installed by scripts/ensure-chromium.mjs), driven by playwright-core; no downloaded browsers. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface LiveApp extends TestApp {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  server: Server;
}

/**
 * The real app (its own database in the run's FerretDB, the built client from client/dist) on a live loopback port,
 * for a real browser. close() stops the server and drops the database.
 */
export async function startLiveApp(
  label: string,
  env: NodeJS.ProcessEnv = {},
  deps: Partial<Omit<AppDeps, 'db' | 'logger' | 'i18n'>> = {},
): Promise<LiveApp> {
  const testApp = await createTestApp(label, env, deps);
  const server = testApp.app.listen(0, '127.0.0.1');
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    await testApp.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    ...testApp,
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await testApp.close();
    },
  };
}
