import { ADULT_SUBMISSIONS } from '../helpers/workflow-walker';
import { api, createCaseApp, login, reportSubmission, type CaseApp } from '../helpers/case-app';
import { startSmtpCatcher, type ReceivedMail, type SmtpCatcher } from '../helpers/smtp-catcher';

/*
 * E-mail notifications (issue 17 §2) against a real SMTP server the test starts on a free local port: the NAS
 * coordinator hears of a new referral, the Helsinki caseworker of its decision; each e-mail says only that, with a
 * link to the inbox, and carries nothing of the case (no reference, alias, message).
 */
let smtp: SmtpCatcher;
let received: ReceivedMail[];
let t: CaseApp;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  received = smtp.received;
  t = await createCaseApp('referral_email', undefined, smtp.env);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** Waits for the condition, polling: the e-mails are sent after the answer. */
async function until<T>(find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i += 1) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no e-mail arrived');
}

it('tells the receiver of a new referral and the referrer of the decision, with a link and no personal data', async () => {
  const helsinkiToken = (await login(t.app, 'worker@helsinki.demo.test')).token;
  const helsinki = api(t.app, helsinkiToken);
  const nas = api(t.app, (await login(t.app, 'coordinator@nas.demo.test')).token);
  const created = await helsinki.post('/cases', { alias: 'Secret Alias', workflowId: 'finland-municipality', identity: { estimatedAge: 31, ageUncertain: false, languages: ['en'] } });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  let n = 0;
  for (const [formPath, data] of Object.entries(ADULT_SUBMISSIONS)) {
    n += 1;
    await reportSubmission(t, helsinkiToken, { caseId: id, formPath, submissionId: `mail-${n}`, data });
  }
  const current = (await helsinki.get(`/cases/${id}`)).body;
  expect((await helsinki.patch(`/cases/${id}`, { version: current.version, consents: { nas: { given: true, givenOn: '2025-03-03' } } })).status).toBe(200);
  const version = (await helsinki.get(`/cases/${id}`)).body.version;
  const referred = await helsinki.post(`/cases/${id}/referrals`, { organisation: 'fi-nas', purpose: 'service', groups: ['identity'], message: 'Private message about Secret Alias', version });
  expect(referred.status).toBe(201);

  const toNas = await until(() => received.find((mail) => mail.to.includes('coordinator@nas.demo.test')));
  expect(toNas.body).toContain('https://assist.example.test/inbox');
  expect(toNas.body).toContain('Your organisation has received a new referral.');
  expect(toNas.body).toContain('Organisaationne on saanut uuden ohjauksen.');
  for (const secret of ['Secret Alias', 'Private message', referred.body.caseReference, id]) expect(toNas.body).not.toContain(secret);
  // Only those who act in the referral's role at the NAS: nobody at Helsinki or elsewhere hears of it.
  expect(received.flatMap((mail) => mail.to).every((to) => to.endsWith('@nas.demo.test'))).toBe(true);

  expect((await nas.post(`/referrals/${referred.body.id}/decision`, { decision: 'accept' })).status).toBe(200);
  const toReferrer = await until(() => received.find((mail) => mail.to.includes('worker@helsinki.demo.test')));
  expect(toReferrer.body).toContain('https://assist.example.test/inbox');
  for (const secret of ['Secret Alias', 'Private message', referred.body.caseReference, id]) expect(toReferrer.body).not.toContain(secret);
});
