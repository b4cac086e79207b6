import { organisationModel } from '../../server/src/modules/tenants';
import { ADULT_SUBMISSIONS } from '../helpers/workflow-walker';
import { api, createCaseApp, login, reportSubmission, type CaseApp } from '../helpers/case-app';
import { startSmtpCatcher, type ReceivedMail, type SmtpCatcher } from '../helpers/smtp-catcher';

/*
 * E-mails about a case's new notifications and tasks (issue 17 §2) against a real SMTP server the test starts: the
 * workflows' `notify-role` notifications, the timers' reminders and new tasks reach exactly the staff whose access
 * role the organisation maps to the workflow role and who may read the case, in the organisation's language with English below, saying
 * only that something waits in the inbox.
 */
let smtp: SmtpCatcher;
let t: CaseApp;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  t = await createCaseApp('case_email', undefined, smtp.env);
  // Helsinki maps its police liaison to the case owner's role too: a holder of a mapped role who may not read the
  // case (no consent to the police) must still hear nothing of it.
  await organisationModel(t.db).updateOne({ slug: 'fi-helsinki' }, { $set: { workflowRoles: { caseOwner: ['caseworker', 'police-liaison'] } } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const SAFETY = { riskLevel: 'low', finalRiskLevel: 'low' };
const CHECKPOINTS = { languageCheckpointMet: true, legalStatus: 'temporary-permit', legalStatusExpiry: '2026-03-01' };

/** A Helsinki case walked to the NAS's acceptance of its referral, on `app`. */
async function referredAndAccepted(app: CaseApp, alias: string) {
  const token = (await login(app.app, 'worker@helsinki.demo.test')).token;
  const worker = api(app.app, token);
  const created = await worker.post('/cases', { alias, workflowId: 'finland-municipality', identity: { estimatedAge: 31, ageUncertain: false, languages: ['en'] } });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const fire = async (type: string, data: Record<string, unknown> = {}) => {
    app.clock.advanceDays(1);
    const res = await worker.post(`/cases/${id}/events`, { type, data });
    expect(res.status).toBe(200);
    return res.body;
  };
  let n = 0;
  const submit = async (formPath: string, data: Record<string, unknown>) => {
    n += 1;
    await reportSubmission(app, token, { caseId: id, formPath, submissionId: `${alias}-${n}`, data });
  };
  for (const [formPath, data] of Object.entries({ ...ADULT_SUBMISSIONS, 'safety-plan': SAFETY })) await submit(formPath, data);
  const current = (await worker.get(`/cases/${id}`)).body;
  expect((await worker.patch(`/cases/${id}`, { version: current.version, consents: { nas: { given: true, givenOn: '2025-03-04' } } })).status).toBe(200);
  const referred = await fire('referToNas');
  const afterReferral = await settled(app);
  const nas = api(app.app, (await login(app.app, 'coordinator@nas.demo.test')).token);
  const [referral] = (await worker.get(`/cases/${id}/referrals`)).body.items;
  expect((await nas.post(`/referrals/${referral.id}/decision`, { decision: 'accept' })).status).toBe(200);
  const afterAcceptance = await settled(app);
  const patch = async (body: object) => {
    const { version } = (await worker.get(`/cases/${id}`)).body;
    expect((await worker.patch(`/cases/${id}`, { ...body, version })).status).toBe(200);
  };
  return { id, reference: referred.reference as string, fire, submit, patch, afterReferral, afterAcceptance };
}

let seen = 0;
/** The e-mails received since the last call, once everything begun so far has been sent. */
async function settled(app: CaseApp): Promise<ReceivedMail[]> {
  await app.emails?.idle();
  const fresh = smtp.received.slice(seen);
  seen = smtp.received.length;
  return fresh;
}

const recipients = (mails: ReceivedMail[]) => mails.flatMap((mail) => mail.to).sort();

it('mails notify-role notifications, timer reminders and new tasks to exactly the mapped role at the organisation, in its language, with nothing of the case', async () => {
  const walk = await referredAndAccepted(t, 'Secret Alias');
  const secrets = ['Secret Alias', walk.reference, walk.id, 'Demo Caseworker', 'Demo NAS', 'finland-municipality', 'messages.', 'tasks.'];
  const private_ = (mail: ReceivedMail) => secrets.filter((secret) => mail.body.includes(secret));

  // `referToNas` notifies the NAS coordinator's role, which no Helsinki role acts in, and the case is not shared
  // with the NAS yet: only the referral's own e-mail goes out.
  expect(recipients(walk.afterReferral)).toEqual(['coordinator@nas.demo.test']);
  expect(walk.afterReferral[0]!.body).toContain('Your organisation has received a new referral.');

  // The NAS accepts: its coordinator has a task from the referral; the referrer hears of the decision.
  expect(recipients(walk.afterAcceptance)).toEqual(['coordinator@nas.demo.test', 'worker@helsinki.demo.test']);
  const task = walk.afterAcceptance.find((mail) => mail.to.includes('coordinator@nas.demo.test'))!;
  expect(task.body).toContain('A new task waits for you in Assist. Sign in and open your inbox to see it: https://assist.example.test/inbox');
  expect(task.body).toContain('Assistissa odottaa sinua uusi tehtävä.');
  expect(private_(task)).toEqual([]);

  // `planApproved` notifies the case owner's role: the Helsinki caseworker, not Helsinki's police liaison (mapped,
  // but may not read the case), not Vantaa's caseworker (same role, another organisation), not the NAS.
  await walk.fire('serviceStarted', { stop: 'legalAssistance' });
  await walk.submit('plan-of-assistance', { goals: 'own words' });
  expect(await settled(t)).toEqual([]);
  await walk.fire('planApproved');
  const approved = await settled(t);
  expect(recipients(approved)).toEqual(['worker@helsinki.demo.test']);
  expect(approved[0]!.body).toContain('A new notification waits for you in Assist. Sign in and open your inbox to read it: https://assist.example.test/inbox');
  expect(approved[0]!.body).toContain('Assistissa odottaa sinua uusi ilmoitus.');
  expect(approved[0]!.body).toContain('This message contains no personal data.');
  expect(private_(approved[0]!)).toEqual([]);

  // Five weeks on, the plan review's timer fires and opens a task for the case owner's role: e-mailed the same way.
  t.clock.advanceDays(35);
  await t.services.scheduler.runDueJobs();
  const review = await settled(t);
  expect(recipients(review)).toEqual(['worker@helsinki.demo.test']);
  expect(review[0]!.body).toContain('A new task waits for you in Assist.');
  expect(private_(review[0]!)).toEqual([]);

  // Asking the NAS for its statement notifies the NAS coordinator's role: no Helsinki role acts in it, so it goes to
  // the organisation the case was referred to, where it maps.
  await walk.submit('plan-of-assistance', { goals: 'updated' });
  for (const type of ['planReviewed', 'planConcluded']) await walk.fire(type);
  await walk.patch({ consents: { nas: { given: true, givenOn: '2025-03-04' }, 'employment-services': { given: true, givenOn: '2025-04-20' } } });
  await walk.submit('integration-checkpoints', CHECKPOINTS);
  for (const type of ['integrationPlanAgreed', 'integrationPlanCompleted', 'claimStarted']) await walk.fire(type);
  await walk.submit('reimbursement-claim', { totalAmount: 1240.5 });
  expect(await settled(t)).toEqual([]);
  await walk.fire('nasStatementRequested');
  const statement = await settled(t);
  expect(recipients(statement)).toEqual(['coordinator@nas.demo.test']);
  expect(statement[0]!.body).toContain('A new notification waits for you in Assist.');
  expect(private_(statement[0]!)).toEqual([]);

  // Two weeks without the statement: the stage's reminder comes due (the timer that already fires it, no scan) and
  // notifies its responsible role, the NAS coordinator, by e-mail too.
  t.clock.advanceDays(15);
  await t.services.scheduler.runDueJobs();
  const reminder = await settled(t);
  expect(recipients(reminder)).toEqual(['coordinator@nas.demo.test']);
  expect(reminder[0]!.body).toContain('A new notification waits for you in Assist.');
  expect(private_(reminder[0]!)).toEqual([]);

  // Nobody outside the case's organisation and the one it was referred to was ever written to.
  expect(smtp.received.flatMap((mail) => mail.to).every((to) => to.endsWith('@helsinki.demo.test') || to.endsWith('@nas.demo.test'))).toBe(true);
  expect(smtp.received.flatMap((mail) => mail.to)).not.toContain('police@helsinki.demo.test');
});

it('attempts no e-mail at all when SMTP is not configured', async () => {
  const quiet = await createCaseApp('case_email_quiet', { db: t.db, clock: t.clock });
  try {
    expect(quiet.emails).toBeUndefined();
    expect(quiet.services.runtime.news).toBeUndefined();
    const before = smtp.connections();
    // The same notification and task as above, from an app without SMTP: the mail server hears nothing.
    await referredAndAccepted(quiet, 'Quiet Alias');
    expect(smtp.connections()).toBe(before);
    expect(await settled(t)).toEqual([]);
  } finally {
    await quiet.close();
  }
});
