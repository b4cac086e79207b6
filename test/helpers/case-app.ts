import type { Connection } from 'mongoose';
import pino from 'pino';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config/env';
import { localesDir } from '../../server/src/config/paths';
import { createServerI18n } from '../../server/src/core/i18n/i18n';
import { loadAuthContext, auditActor, type ServiceContext } from '../../server/src/modules/access';
import { resolveSession } from '../../server/src/modules/access/testing';
import { createCaseServices, type CaseServices, type CaseServicesOptions } from '../../server/src/modules/cases';
import { loadDemoCases, loadDemoData } from '../../server/src/modules/demo';
import { loadTemplateLibrary } from '../../server/src/modules/workflows';
import { createReferralPort, platformEmails, type PlatformEmails } from '../../server/src/modules/referrals';
import { DEMO_PASSWORD, type SignedIn } from './demo-app';
import { loadSnapshot } from './demo-snapshot';
import { createTestDatabase, dropTestDatabase } from './test-database';

/** Every demo user (with the organisation to sign in to where they belong to several): the lists and reads that
 * must equal the permission-filtered database query are checked for each. */
export const DEMO_USERS: ReadonlyArray<readonly [email: string, org?: string]> = [
  ['admin@demo.test', 'fi-nas'],
  ['admin@demo.test', 'dk-cmm'],
  ['admin@helsinki.demo.test'],
  ['designer@helsinki.demo.test'],
  ['worker@helsinki.demo.test'],
  ['worker@vantaa.demo.test'],
  ['coordinator@nas.demo.test'],
  ['ngo@victimsupport.demo.test'],
  ['police@helsinki.demo.test'],
  ['auditor@nas.demo.test'],
  ['worker@cmm.demo.test'],
  ['caseworker@iom.demo.test'],
];

/** A clock the test moves by hand, so deadlines of weeks and months pass in milliseconds. */
export class ManualClock {
  constructor(public time = Date.parse('2025-03-03T08:00:00Z')) {}
  now(): Date {
    return new Date(this.time);
  }
  advanceDays(days: number): void {
    this.time += days * 86_400_000;
  }
}

export interface CaseApp {
  app: Express;
  db: Connection;
  clock: ManualClock;
  services: CaseServices;
  /** The e-mails, where the test configured SMTP. */
  emails?: PlatformEmails;
  close: () => Promise<void>;
}

/** The case services wired as main.ts wires them: the referrals module records the referrals cases ask for. */
export function wiredCaseServices(db: Connection, options: Omit<CaseServicesOptions, 'referrals' | 'news'> = {}, emails?: PlatformEmails): CaseServices {
  return createCaseServices(db, { ...options, referrals: createReferralPort(db, emails?.notifier), ...(emails ? { news: emails.news } : {}) });
}

/** The demo data and the template library, as a case app starts from (see createCaseApp). */
export function loadCaseAppDemo(db: Connection): Promise<void> {
  return loadSnapshot(db, 'case_app', async (snapshotDb) => {
    await loadDemoData(snapshotDb, DEMO_PASSWORD);
    await loadTemplateLibrary(snapshotDb);
  });
}

/** The case app's start with the demo cases too, created as on the manual clock's first day. */
function loadCaseAppDemoWithCases(db: Connection): Promise<void> {
  return loadSnapshot(db, 'case_app_cases', async (snapshotDb) => {
    await loadDemoData(snapshotDb, DEMO_PASSWORD);
    await loadTemplateLibrary(snapshotDb);
    const services = wiredCaseServices(snapshotDb, { clock: new ManualClock() });
    await loadDemoCases(snapshotDb, { runtime: services.runtime, caseEvents: services.caseEvents, t: createServerI18n(localesDir).instance.getFixedT('en') });
    await services.scheduler.stop();
  });
}

/**
 * The real app with demo data and the template library (and with `demoCases`, the demo cases), whose cases module
 * runs on a manual clock.
 */
export async function createCaseApp(
  label: string,
  shared?: { db: Connection; clock: ManualClock; workerId?: string },
  env: Record<string, string> = {},
  options: { demoCases?: boolean } = {},
): Promise<CaseApp> {
  const db = shared?.db ?? (await createTestDatabase(label));
  const clock = shared?.clock ?? new ManualClock();
  if (!shared) await (options.demoCases ? loadCaseAppDemoWithCases(db) : loadCaseAppDemo(db));
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const logger = pino({ level: 'silent' });
  const i18n = createServerI18n(localesDir);
  // E-mails as main.ts sends them, where the test configures SMTP.
  const emails = config.mail ? platformEmails(db, config.mail, i18n, logger) : undefined;
  const services = wiredCaseServices(db, { clock, ...(shared?.workerId ? { workerId: shared.workerId } : {}) }, emails);
  const app = createApp(config, { db, logger, i18n, caseRuntime: services.runtime, caseEvents: services.caseEvents, ...(emails ? { notifier: emails.notifier } : {}) });
  return {
    app, db, clock, services, ...(emails ? { emails } : {}),
    close: async () => { await services.scheduler.stop(); await emails?.idle(); if (!shared) await dropTestDatabase(db); },
  };
}

export async function login(app: Express, email: string, org?: string): Promise<SignedIn> {
  const response = await request(app).post('/api/auth/login').send({ email, password: DEMO_PASSWORD, ...(org ? { org } : {}) });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed with ${response.status}`);
  return { token: response.body.token, csrfToken: response.body.csrfToken, cookie: '', body: response.body };
}

let englishTexts: ServiceContext['t'] | undefined;

/** The service context a request with this token would get (answered in English): for calling the submissions port as the forms module does. */
export async function contextOf(db: Connection, token: string): Promise<ServiceContext> {
  const session = await resolveSession(db, token);
  if (!session) throw new Error('no session');
  const auth = await loadAuthContext(db, session, 'token');
  if (!auth) throw new Error('no auth');
  englishTexts ??= createServerI18n(localesDir).instance.getFixedT('en');
  return { db, auth, requestId: 'test', t: englishTexts };
}

/**
 * Reports a newly stored submission to its case through the submissions port, exactly as the submissions module
 * does after saving one (the case's clock gives its time).
 */
export async function reportSubmission(
  t: CaseApp,
  token: string,
  submission: { caseId: string; formPath: string; submissionId: string; data: Record<string, unknown> },
): Promise<void> {
  const actor = auditActor(await contextOf(t.db, token));
  await t.services.caseEvents.submissionChanged(actor, { type: 'created', ...submission, submittedAt: t.clock.now(), version: 0 });
}

/** Small supertest wrappers with the bearer token. */
export function api(app: Express, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    get: (path: string) => request(app).get(`/api${path}`).set(auth),
    post: (path: string, body: object) => request(app).post(`/api${path}`).set(auth).send(body),
    patch: (path: string, body: object) => request(app).patch(`/api${path}`).set(auth).send(body),
    put: (path: string, body: object) => request(app).put(`/api${path}`).set(auth).send(body),
    delete: (path: string) => request(app).delete(`/api${path}`).set(auth),
  };
}
