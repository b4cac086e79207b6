import request from 'supertest';
import type { LoginThrottleOptions } from '../../server/src/modules/access';
import { loadDemoDataSnapshot } from './demo-snapshot';
import { createTestApp, type TestApp } from './test-app';

export const DEMO_PASSWORD = 'demo-password-for-tests';

/** The real app on its own database with the demo organisations, roles and users loaded. */
export async function createDemoApp(
  label: string,
  options: { env?: NodeJS.ProcessEnv; loginThrottle?: LoginThrottleOptions } = {},
): Promise<TestApp> {
  const app = await createTestApp(label, options.env ?? {}, { loginThrottle: options.loginThrottle });
  await loadDemoDataSnapshot(app.db, DEMO_PASSWORD);
  return app;
}

export interface SignedIn {
  token: string;
  csrfToken: string;
  cookie: string;
  body: Record<string, unknown>;
}

export async function signIn(t: TestApp, email: string, org?: string): Promise<SignedIn> {
  const response = await request(t.app).post('/api/auth/login').send({ email, password: DEMO_PASSWORD, ...(org ? { org } : {}) });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed with ${response.status}`);
  const setCookie = response.headers['set-cookie'] as unknown as string[];
  return {
    token: response.body.token,
    csrfToken: response.body.csrfToken,
    cookie: setCookie[0]!.split(';')[0]!,
    body: response.body,
  };
}
