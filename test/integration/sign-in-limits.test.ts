// Sign-in limits (issue 13, part 3): only failed sign-ins count; guessing is slowed per (account, address) pair, per
// account (for addresses and browsers the account never signed in from) and per address; strangers cannot lock the
// owner out; an administrator can unlock; pauses and locks end on their own. The clock is injected and moved
// forward instead of waiting. Addresses come from X-Forwarded-For (TRUST_PROXY=true), one per scenario.
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../server/src/app';
import { localesDir } from '../../server/src/config/paths';
import { createServerI18n } from '../../server/src/core/i18n/i18n';
import {
  knownSignInOriginModel, loginAttemptSlotModel, DEFAULT_LOGIN_LIMITS,
} from '../../server/src/modules/access/testing';
import { auditModel } from '../../server/src/modules/audit/testing';
import { createDemoApp, DEMO_PASSWORD, signIn } from '../helpers/demo-app';
import type { TestApp } from '../helpers/test-app';

let current = Date.parse('2030-03-04T08:00:00Z');
const clock = { now: () => new Date(current) };
const advance = (ms: number) => {
  current += ms;
};

let t: TestApp;
beforeAll(async () => {
  t = await createDemoApp('sign_in_limits', { env: { TRUST_PROXY: 'true' }, loginThrottle: { clock } });
});
afterAll(() => t.close());

const DEMO_USERS = [
  'admin@demo.test',
  'designer@helsinki.demo.test',
  'worker@helsinki.demo.test',
  'worker@vantaa.demo.test',
  'coordinator@nas.demo.test',
  'ngo@victimsupport.demo.test',
  'police@helsinki.demo.test',
  'auditor@nas.demo.test',
  'worker@cmm.demo.test',
  'caseworker@iom.demo.test',
];

interface From {
  address: string;
  language?: string;
  cookie?: string;
}

function attempt(app: TestApp['app'], email: string, password: string, from: From) {
  const call = request(app).post('/api/auth/login').set('X-Forwarded-For', from.address).set('Accept-Language', from.language ?? 'en');
  if (from.cookie) call.set('Cookie', from.cookie);
  return call.send({ email, password });
}
const login = (email: string, password: string, from: From) => attempt(t.app, email, password, from);

/** The device cookie a successful sign-in hands to the browser. */
function deviceCookie(response: request.Response): string {
  const cookies = response.headers['set-cookie'] as unknown as string[];
  const device = cookies.find((cookie) => cookie.startsWith('assist_device='));
  if (!device) throw new Error('no device cookie');
  expect(device).toMatch(/HttpOnly/i);
  expect(device).toMatch(/Path=\/api\/auth/);
  return device.split(';')[0]!;
}

async function statusesOf(count: number, make: (index: number) => Promise<request.Response>): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) statuses.push((await make(index)).status);
  return statuses;
}

describe('sign-in limits', () => {
  it('let an office of ten colleagues sign in 40 times from one address', async () => {
    const office = { address: '198.51.100.10' };
    // The first round all at once, none of them ever signed in from here: they share the address's counter.
    const statuses = (await Promise.all(DEMO_USERS.map((email) => login(email, DEMO_PASSWORD, office)))).map((response) => response.status);
    for (let round = 1; round < 4; round += 1) {
      for (const email of DEMO_USERS) statuses.push((await login(email, DEMO_PASSWORD, office)).status);
    }
    expect(statuses).toHaveLength(40);
    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it('pause repeated guessing for one account from one address, say for how long in the reader\'s language, and end the pause on their own', async () => {
    const email = 'worker@helsinki.demo.test';
    const guesser = { address: '203.0.113.20', language: 'fi' };
    const statuses = await statusesOf(4, (index) => login(email, `guess-${index}`, guesser));
    expect(statuses).toEqual([401, 401, 401, 401]);

    const fifth = await login(email, 'guess-5', guesser);
    expect(fifth.status).toBe(429);
    expect(fifth.headers['content-type']).toMatch(/problem\+json/);
    expect(fifth.headers['retry-after']).toBe('30');
    expect(fifth.body).toMatchObject({ code: 'too-many-attempts', retryAfter: 30 });
    expect(fifth.body.detail).toContain('30 sekuntia');

    // Paused: even the right password waits, and the answer says how much longer.
    advance(10_000);
    const paused = await login(email, DEMO_PASSWORD, { ...guesser, language: 'sv' });
    expect(paused.status).toBe(429);
    expect(paused.headers['retry-after']).toBe('20');
    expect(paused.body.detail).toContain('20 sekunder');

    // The pause is for this pair only: the same person elsewhere, and others here, sign in.
    expect((await login(email, DEMO_PASSWORD, { address: '203.0.113.21' })).status).toBe(200);
    expect((await login('designer@helsinki.demo.test', DEMO_PASSWORD, guesser)).status).toBe(200);

    // Each further failure doubles the pause.
    advance(20_001);
    const sixth = await login(email, 'guess-6', guesser);
    expect(sixth.status).toBe(429);
    expect(sixth.headers['retry-after']).toBe('60');
    expect(sixth.body.detail).toContain('1 minuutti');

    advance(60_001);
    expect((await login(email, DEMO_PASSWORD, guesser)).status).toBe(200);
    // A success starts the pair again from zero.
    expect(await statusesOf(4, (index) => login(email, `again-${index}`, guesser))).toEqual([401, 401, 401, 401]);
  });

  it('do not let ten strangers lock the owner out of their usual address or browser', async () => {
    const email = 'worker@vantaa.demo.test';
    const usual = await login(email, DEMO_PASSWORD, { address: '198.51.100.30' });
    expect(usual.status).toBe(200);
    const browser = deviceCookie(usual);

    const guesses = await statusesOf(10, (index) => login(email, `guess-${index}`, { address: `192.0.2.${index + 1}` }));
    // The tenth failure from anywhere locks the account, for addresses and browsers it never signed in from.
    expect(guesses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 429]);

    const stranger = await login(email, DEMO_PASSWORD, { address: '192.0.2.200' });
    expect(stranger.status).toBe(429);
    expect(stranger.body.code).toBe('account-locked');
    expect(stranger.headers['retry-after']).toBe(String(DEFAULT_LOGIN_LIMITS.account.firstBlockMs / 1000));
    expect(stranger.body.detail).toContain('15 minutes');

    // The owner: from the usual address, and with the usual browser on another network.
    expect((await login(email, DEMO_PASSWORD, { address: '198.51.100.30' })).status).toBe(200);
    expect((await login(email, DEMO_PASSWORD, { address: '192.0.2.201', cookie: browser })).status).toBe(200);
    // The owner's own typo from the usual address is an ordinary 401, not a lock.
    expect((await login(email, 'typo', { address: '198.51.100.30' })).status).toBe(401);

    // The lock ends on its own.
    advance(DEFAULT_LOGIN_LIMITS.account.firstBlockMs + 1000);
    expect((await login(email, DEMO_PASSWORD, { address: '192.0.2.200' })).status).toBe(200);
  });

  it('answer an unknown e-mail address exactly as a known one with a wrong password', async () => {
    const known = [];
    for (let index = 0; index < 6; index += 1) known.push(await login('designer@helsinki.demo.test', `guess-${index}`, { address: '203.0.113.40' }));
    const unknown = [];
    for (let index = 0; index < 6; index += 1) unknown.push(await login('nobody-here@demo.test', `guess-${index}`, { address: '203.0.113.41' }));
    const shape = (response: request.Response) => ({
      status: response.status,
      body: { ...response.body, requestId: undefined },
      retryAfter: response.headers['retry-after'],
    });
    expect(unknown.map(shape)).toEqual(known.map(shape));
    expect(known.map((response) => response.status)).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('let an administrator see and end a lock; others get 404; the unlock is audited', async () => {
    const email = 'ngo@victimsupport.demo.test';
    await statusesOf(10, (index) => login(email, `guess-${index}`, { address: `192.0.2.${50 + index}` }));
    const locked = await login(email, DEMO_PASSWORD, { address: '198.51.100.60' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('account-locked');

    const admin = await signIn(t, 'admin@demo.test');
    const users = await request(t.app).get('/api/users').set('x-jwt-token', admin.token);
    const target = users.body.find((user: { email: string }) => user.email === email);
    const locks = await request(t.app).get('/api/account-locks').set('x-jwt-token', admin.token);
    expect(locks.status).toBe(200);
    const lock = locks.body.find((item: { userId: string }) => item.userId === target.id);
    expect(new Date(lock.lockedUntil).getTime()).toBe(current + DEFAULT_LOGIN_LIMITS.account.firstBlockMs);

    // A caseworker may not unlock anyone (nor see the locks of others).
    const worker = await signIn(t, 'worker@cmm.demo.test');
    expect((await request(t.app).post(`/api/users/${target.id}/unlock`).set('x-jwt-token', worker.token)).status).toBe(404);
    expect((await request(t.app).get('/api/account-locks').set('x-jwt-token', worker.token)).body).toEqual([]);
    expect((await request(t.app).post(`/api/users/${target.id}/unlock`)).status).toBe(401);
    expect((await request(t.app).post('/api/users/not-an-id/unlock').set('x-jwt-token', admin.token)).status).toBe(404);

    const unlocked = await request(t.app).post(`/api/users/${target.id}/unlock`).set('x-jwt-token', admin.token);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toEqual({ unlocked: true });
    const entry = await auditModel(t.db).findOne({ action: 'unlock', subjectId: target.id }).lean();
    expect(entry).toMatchObject({ subjectType: 'User', userId: expect.anything() });

    expect((await login(email, DEMO_PASSWORD, { address: '198.51.100.60' })).status).toBe(200);
    const after = await request(t.app).get('/api/account-locks').set('x-jwt-token', admin.token);
    expect(after.body.some((item: { userId: string }) => item.userId === target.id)).toBe(false);
  });

  it('block an address that guesses across many accounts, except for accounts that signed in from it before', async () => {
    const address = '198.51.100.77';
    expect((await login('police@helsinki.demo.test', DEMO_PASSWORD, { address })).status).toBe(200);
    const threshold = DEFAULT_LOGIN_LIMITS.address.threshold;
    const statuses = await statusesOf(threshold, (index) => login(`stuffed-${index}@example.test`, 'leaked-password', { address }));
    expect(statuses.slice(0, threshold - 1).every((status) => status === 401)).toBe(true);
    expect(statuses[threshold - 1]).toBe(429);

    const newcomer = await login('coordinator@nas.demo.test', DEMO_PASSWORD, { address });
    expect(newcomer.status).toBe(429);
    expect(newcomer.body.code).toBe('too-many-attempts');
    expect(newcomer.body.detail).toContain('15 minutes');
    expect((await login('police@helsinki.demo.test', DEMO_PASSWORD, { address })).status).toBe(200);

    advance(DEFAULT_LOGIN_LIMITS.address.firstBlockMs + 1000);
    expect((await login('coordinator@nas.demo.test', DEMO_PASSWORD, { address })).status).toBe(200);
  });

  it('hold parallel guesses to the same limit', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) => login('worker@cmm.demo.test', `parallel-${index}`, { address: '203.0.113.90' })),
    );
    const statuses = responses.map((response) => response.status).sort();
    // Four checked and refused, the fifth checked and paused, all others held back before their password was checked.
    expect(statuses).toEqual([...Array(DEFAULT_LOGIN_LIMITS.pair.threshold - 1).fill(401), ...Array(20 - DEFAULT_LOGIN_LIMITS.pair.threshold + 1).fill(429)]);
  });

  it('are shared by every server process on the database', async () => {
    const other = createApp(t.config, { db: t.db, logger: pino({ level: 'silent' }), i18n: createServerI18n(localesDir), loginThrottle: { clock } });
    const from = { address: '203.0.113.100' };
    const email = 'caseworker@iom.demo.test';
    const statuses = await statusesOf(5, (index) => attempt(index % 2 ? other : t.app, email, `guess-${index}`, from));
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect((await attempt(other, email, DEMO_PASSWORD, from)).status).toBe(429);
  });

  it('keep no e-mail or client address in clear, and sweep what has expired', async () => {
    const records = await loginAttemptSlotModel(t.db).find().lean();
    const origins = await knownSignInOriginModel(t.db).find().lean();
    const stored = JSON.stringify([records, origins]);
    for (const clear of ['demo.test', 'example.test', '198.51.100', '203.0.113', '192.0.2']) expect(stored).not.toContain(clear);
    expect(records.length).toBeGreaterThan(0);

    // Past every window and pause (but not the memory of known origins), a failure sweeps the expired records.
    advance(2 * DEFAULT_LOGIN_LIMITS.account.maxBlockMs);
    await login('sweeper@example.test', 'x', { address: '203.0.113.250' });
    // The sweep runs in the background: wait until it is done (the condition, not a time).
    const remaining = () => loginAttemptSlotModel(t.db).countDocuments();
    while ((await remaining()) > 3) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await remaining()).toBe(3); // the sweeper's own pair, account and address
    expect(await knownSignInOriginModel(t.db).countDocuments()).toBe(origins.length);
  });
});
