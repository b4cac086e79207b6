// Issue 7, the caseworker's journey in Debian's Chromium against the real app (real HTTP, real FerretDB, demo data,
// the form and workflow libraries): worker@helsinki signs in, opens a case from the case list, fills in the needs
// assessment in the Form.io renderer (evaluation off, under the strict CSP), submits, sees the server's error next to
// its field, corrects it, moves the case on with an event button and sees the deadline the new stage set.
// The renderer runs the same @formio/core rules as the server, so a complete form passes in the browser; the server
// error comes from what really makes the two differ: the designer publishes a stricter revision (citizenship now
// required) while the caseworker has the form open, and the server validates against the published revision.
import path from 'node:path';
import { cspViolations, openPage, seriousAxeViolations, signInThroughForm } from './client-page';
import { apiAs, component, daysAhead, fixture, PASSWORD, reveal, screenshotsDir, setField, useJourney } from './journey-kit';
import { type Answers, interviewAnswers, nasReferralAnswers, personAnswers, situationAnswers } from './needs-assessment-answers';

jest.setTimeout(180_000);

const journey = useJourney('e2e_caseworker_journey');

/** An adult's needs assessment, answered as the person's interview went (values of the form's own options). */
const ANSWERS: Answers = [
  ...interviewAnswers('2025-03-10T10:00'),
  ...personAnswers('Lumi', '31'),
  ...situationAnswers('forced-begging'),
  ...nasReferralAnswers(),
];

it('signs in, fills in the needs assessment with a server error shown and corrected, moves the case on, sees the deadline', async () => {
  // What the journey starts from: a case in intake whose consent conversation and safety plan are recorded.
  const worker = await apiAs(journey.live.baseUrl, 'worker@helsinki.demo.test');
  const created = await worker.post('/api/cases', {
    alias: 'Lumi', workflowId: 'finland-municipality', identity: { estimatedAge: 31, ageUncertain: false, languages: ['ro'] },
    dates: { reflectionDecision: '2025-03-10' },
  });
  // The safety plan's due dates and review fall after today, when the case was opened.
  const safetyPlan = fixture('safety-plan');
  const actions = (safetyPlan.safetyActions as Array<Record<string, unknown>>).map((action) => ({ ...action, dueDate: daysAhead(14) }));
  await worker.post('/formio/fi-helsinki/consent-information/submission', { data: fixture('consent-information'), caseId: created.id });
  await worker.post('/formio/fi-helsinki/safety-plan/submission', { data: { ...safetyPlan, safetyActions: actions, reviewDate: daysAhead(30) }, caseId: created.id });

  const { page, problems } = await openPage(journey.context, [{ status: 400, url: /\/formio\/fi-helsinki\/needs-assessment\/submission$/ }]);
  await signInThroughForm(page, journey.live.baseUrl, 'worker@helsinki.demo.test', PASSWORD);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('link', { name: created.reference }).click();
  await page.getByRole('heading', { level: 1, name: `Case ${created.reference}` }).waitFor();
  await page.getByText('Current stage: Intake and consent').waitFor();
  // The graph of the case's position (read-only), checked with axe before any Form.io page has loaded its styles.
  await page.locator('.stage-graph').getByRole('img', { name: 'Intake and consent (current)' }).waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The stage's required forms link to the renderer; the consent form is already in.
  const forms = page.getByRole('region', { name: 'Forms for this stage' });
  await forms.getByRole('link', { name: 'Needs assessment', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Needs assessment' }).waitFor();
  await page.locator('.formio-form').waitFor();
  for (const [key, value] of ANSWERS) await setField(page, key, value);
  await reveal(page, page.locator('.formio-form button.btn-wizard-nav-submit'));
  await page.screenshot({ path: path.join(screenshotsDir, 'journey-caseworker-form.png'), fullPage: true });

  // Meanwhile the designer makes citizenship required and publishes (PUT with publish, as the builder's save would).
  const designer = await apiAs(journey.live.baseUrl, 'designer@helsinki.demo.test');
  const formId = (await designer.get('/api/forms')).items.find((form: { path: string }) => form.path === 'needs-assessment').id;
  const latest = await designer.get(`/api/forms/${formId}?revision=latest`);
  const stricter = JSON.parse(JSON.stringify(latest.definition).replace('"key":"nationality"', '"key":"nationality","validate":{"required":true}'));
  expect(JSON.stringify(stricter)).not.toEqual(JSON.stringify(latest.definition));
  await designer.put(`/api/forms/${formId}`, { definition: stricter, version: latest.version, publish: true });

  const refused = page.waitForResponse((response) => response.url().endsWith('/needs-assessment/submission') && response.request().method() === 'POST');
  await page.locator('.formio-form button.btn-wizard-nav-submit').click();
  const refusal = await refused;
  expect(refusal.status()).toBe(400);
  const body = await refusal.json();
  expect(body.name).toBe('ValidationError');
  expect(body.details.map((detail: { path: string[] }) => detail.path.join('.'))).toEqual(['nationality']);
  await page.getByRole('alert').filter({ hasText: 'The server did not accept the form' }).waitFor();
  // The message appears next to the citizenship field (on the wizard's "About the person" page).
  await page.locator('.formio-form .page-link').filter({ hasText: 'About the person' }).first().click();
  const fieldError = component(page, 'nationality').locator('.formio-errors, .invalid-feedback, .error');
  await page.screenshot({ path: path.join(screenshotsDir, 'journey-caseworker-server-error.png'), fullPage: true });
  await fieldError.filter({ hasText: 'required' }).first().waitFor();
  await page.screenshot({ path: path.join(screenshotsDir, 'journey-caseworker-server-error.png'), fullPage: true });

  await setField(page, 'nationality', 'Romania');
  const accepted = page.waitForResponse((response) => response.url().endsWith('/needs-assessment/submission') && response.request().method() === 'POST');
  await reveal(page, page.locator('.formio-form button.btn-wizard-nav-submit'));
  await page.locator('.formio-form button.btn-wizard-nav-submit').click();
  expect((await accepted).status()).toBe(201);

  // Back on the case: the intake is complete, so the case moved to the referral stage by itself.
  await page.getByRole('heading', { level: 1, name: `Case ${created.reference}` }).waitFor();
  await page.getByText('Current stage: Referral to the National Assistance System').waitFor();
  const events = page.getByRole('region', { name: 'Next steps' });
  await events.getByRole('button', { name: 'Continue without the NAS' }).click();
  // Named by its top-level stage; the 26 service tracks inside are drawn below the graph, not listed here.
  await page.getByText('Current stage: Assistance and services', { exact: true }).waitFor();
  await page.getByRole('region', { name: 'Timeline' }).getByText(/Continue without the NAS → Assistance and services$/).waitFor();
  // The service tracks share their steps: the caseworker picks the track, then the step.
  // The urgent needs of the assessment (legal assistance among them) started their tracks already; a later one is
  // started by hand.
  expect((await worker.get(`/api/cases/${created.id}`)).plan.services.legalAssistance).toBe('inProgress');
  await events.getByLabel('Start service: for which track').selectOption({ label: 'Therapy' });
  await events.getByRole('button', { name: 'Start service', exact: true }).click();
  await page.getByRole('region', { name: 'Timeline' }).getByText(/Start service → Therapy: In progress$/).waitFor();
  expect((await worker.get(`/api/cases/${created.id}`)).plan.services.therapy).toBe('inProgress');

  // The reflection period's deadline, counted from the reflection decision date the case carries.
  const deadlines = page.getByRole('region', { name: 'Deadlines' });
  await deadlines.getByText('End of the reflection period').waitFor();
  const due = await deadlines.locator('time').first().getAttribute('datetime');
  const stored = await worker.get(`/api/cases/${created.id}`);
  expect(stored.workflow.activeStages).toContain('assistance');
  expect(stored.workflow.deadlines.map((d: { deadlineId: string; dueAt: string }) => [d.deadlineId, d.dueAt])).toContainEqual(['reflectionPeriod', due]);
  // The graph follows the case: the current stage is in view and named in words.
  const graph = page.locator('.stage-graph');
  const currentStage = graph.getByRole('img', { name: 'Assistance and services (current)' });
  await currentStage.waitFor();
  const [stageBox, canvasBox] = [await currentStage.boundingBox(), await graph.locator('.stage-graph-canvas').boundingBox()];
  expect(stageBox!.x >= canvasBox!.x && stageBox!.x + stageBox!.width <= canvasBox!.x + canvasBox!.width).toBe(true);
  await graph.getByRole('listitem').filter({ hasText: /^Assistance and services \(current\)/ }).waitFor({ state: 'attached' });
  await page.screenshot({ path: path.join(screenshotsDir, 'journey-caseworker-moved-on.png'), fullPage: true });

  // The answers, shown against the revision they were validated against: questions and options by their labels.
  const submitted = await accepted;
  const submissionId = ((await submitted.json()) as { _id: string })._id;
  await page.getByRole('region', { name: 'Forms for this stage' }).locator(`a[href$="/submissions/${submissionId}"]`).click();
  await page.getByRole('heading', { level: 1, name: 'Submitted form: Needs assessment' }).waitFor();
  await page.getByText('Form revision 2', { exact: false }).waitFor();
  const answers = page.locator('dl.answers').first();
  await answers.locator('dt', { hasText: 'Citizenship (country)' }).waitFor();
  await answers.locator('dd', { hasText: 'Romania' }).first().waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(screenshotsDir, 'journey-caseworker-submission.png'), fullPage: true });

  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
