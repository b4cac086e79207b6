import request from 'supertest';
import { SESSION_CACHE_MS, sessionModel, hashToken, SESSION_IDLE_MS } from '../../server/src/modules/access/testing';
import { createApp } from '../../server/src/app';
import { createServerI18n } from '../../server/src/core/i18n/i18n';
import { localesDir } from '../../server/src/config/paths';
import pino from 'pino';
import { createDemoApp, DEMO_PASSWORD, signIn } from '../helpers/demo-app';
import type { TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createDemoApp('auth');
});
afterAll(() => t.close());

const login = (body: unknown) => request(t.app).post('/api/auth/login').send(body as object);

describe('password login', () => {
  it('returns a token, the user, the organisation and packed rules', async () => {
    const response = await login({ email: 'worker@helsinki.demo.test', password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.token).toMatch(/^[\w-]{40,}$/);
    expect(response.body.user).toMatchObject({ email: 'worker@helsinki.demo.test' });
    expect(response.body.org).toMatchObject({ slug: 'fi-helsinki' });
    expect(Array.isArray(response.body.rules)).toBe(true);
    expect(response.body.rules.length).toBeGreaterThan(0);
    const cookie = (response.headers['set-cookie'] as unknown as string[])[0]!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('gives one and the same 401 for an unknown user and a wrong password', async () => {
    const unknown = await login({ email: 'nobody@demo.test', password: DEMO_PASSWORD });
    const wrong = await login({ email: 'worker@vantaa.demo.test', password: 'wrong-password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    // Pauses, locks and their answers: sign-in-limits.test.ts.
  });

  it.each([
    [{ email: { $gt: '' }, password: DEMO_PASSWORD }],
    [{ email: 'worker@helsinki.demo.test', password: { $ne: null } }],
    [{ email: ['worker@helsinki.demo.test'], password: DEMO_PASSWORD }],
    [{ email: 'worker@helsinki.demo.test', password: 12345678 }],
    [{ email: 'worker@helsinki.demo.test' }],
  ])('refuses credentials that are not strings with 400: %j', async (body) => {
    const response = await login(body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });

  it('lets a member choose the organisation at login and switch later', async () => {
    const admin = await signIn(t, 'admin@demo.test', 'dk-cmm');
    expect(admin.body.org).toMatchObject({ slug: 'dk-cmm' });
    const switched = await request(t.app).post('/api/auth/switch').set('x-jwt-token', admin.token).send({ org: 'fi-nas' });
    expect(switched.status).toBe(200);
    expect(switched.body.org).toMatchObject({ slug: 'fi-nas' });
    const me = await request(t.app).get('/api/me').set('x-jwt-token', admin.token);
    expect(me.body.org.slug).toBe('fi-nas');
    const notMember = await request(t.app).post('/api/auth/switch').set('x-jwt-token', admin.token).send({ org: 'fi-oulu' });
    expect(notMember.status).toBe(404);
  });
});

describe('sessions', () => {
  it('accepts the token as Bearer, as x-jwt-token and as the cookie; 401 without', async () => {
    const session = await signIn(t, 'coordinator@nas.demo.test');
    for (const [header, value] of [
      ['Authorization', `Bearer ${session.token}`],
      ['x-jwt-token', session.token],
      ['Cookie', session.cookie],
    ] as const) {
      const me = await request(t.app).get('/api/me').set(header, value);
      expect(me.status).toBe(200);
      expect(me.body.user.email).toBe('coordinator@nas.demo.test');
      expect(me.body.organisations).toEqual([expect.objectContaining({ slug: 'fi-nas' })]);
    }
    expect((await request(t.app).get('/api/me')).status).toBe(401);
  });

  it('logout revokes the session at once', async () => {
    const designer = await signIn(t, 'designer@helsinki.demo.test');
    expect((await request(t.app).post('/api/auth/logout').set('x-jwt-token', designer.token)).status).toBe(204);
    expect((await request(t.app).get('/api/me').set('x-jwt-token', designer.token)).status).toBe(401);
  });

  it('requires the CSRF header for cookie-authenticated unsafe requests', async () => {
    const session = await signIn(t, 'auditor@nas.demo.test');
    const withoutHeader = await request(t.app).post('/api/auth/logout').set('Cookie', session.cookie);
    expect(withoutHeader.status).toBe(403);
    expect((await request(t.app).get('/api/me').set('Cookie', session.cookie)).status).toBe(200);
    const withHeader = await request(t.app).post('/api/auth/logout').set('Cookie', session.cookie).set('x-csrf-token', session.csrfToken);
    expect(withHeader.status).toBe(204);
  });

  it('refuses an idle-expired and an absolutely expired session', async () => {
    const idle = await signIn(t, 'caseworker@iom.demo.test');
    const expired = await signIn(t, 'worker@cmm.demo.test');
    const Sessions = sessionModel(t.db);
    await Sessions.updateOne({ _id: hashToken(idle.token) }, { $set: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 1000) } });
    await Sessions.updateOne({ _id: hashToken(expired.token) }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await request(t.app).get('/api/me').set('x-jwt-token', idle.token)).status).toBe(401);
    expect((await request(t.app).get('/api/me').set('x-jwt-token', expired.token)).status).toBe(401);
  });

  it('survives a server restart (sessions live in the database)', async () => {
    const session = await signIn(t, 'police@helsinki.demo.test');
    const restarted = createApp(t.config, { db: t.db, logger: pino({ level: 'silent' }), i18n: createServerI18n(localesDir) });
    const me = await request(restarted).get('/api/me').set('x-jwt-token', session.token);
    expect(me.status).toBe(200);
    expect(me.body.role.key).toBe('police-liaison');
  });

  it('a revocation written by another server instance (straight to the database) takes effect within SESSION_CACHE_MS', async () => {
    const session = await signIn(t, 'coordinator@nas.demo.test');
    expect((await request(t.app).get('/api/me').set('x-jwt-token', session.token)).status).toBe(200);
    await sessionModel(t.db).updateOne({ _id: hashToken(session.token) }, { $set: { revokedAt: new Date() } });
    await new Promise((resolve) => setTimeout(resolve, SESSION_CACHE_MS + 100));
    expect((await request(t.app).get('/api/me').set('x-jwt-token', session.token)).status).toBe(401);
  });

  it("an administrator's revocation ends a user's sessions at once", async () => {
    const worker = await signIn(t, 'worker@helsinki.demo.test');
    const admin = await signIn(t, 'admin@demo.test');
    const users = await request(t.app).get('/api/users').set('x-jwt-token', admin.token);
    const target = users.body.find((user: { email: string }) => user.email === 'worker@helsinki.demo.test');
    const revoked = await request(t.app).post(`/api/users/${target.id}/revoke-sessions`).set('x-jwt-token', admin.token);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked).toBeGreaterThanOrEqual(1);
    expect((await request(t.app).get('/api/me').set('x-jwt-token', worker.token)).status).toBe(401);
  });
});
