// Issue 7, the police liaison's journey in Debian's Chromium against the real app: police@helsinki browses the cases
// and submissions the rules let them see and NEVER receives restricted or confidential values — neither on the page
// nor in any network response. Known values are seeded into a case (narrative, safe accommodation, plan) and into a
// needs assessment (restricted and confidential fields); every response body the browser gets is recorded.
import path from 'node:path';
import type { Response } from 'playwright-core';
import { cspViolations, openPage, signInThroughForm } from './client-page';
import { apiAs, daysAhead, fixture, PASSWORD, screenshotsDir, useJourney } from './journey-kit';

jest.setTimeout(180_000);

const journey = useJourney('e2e_police_journey');

/** Values only people with the right role may receive: case groups the police role does not read, and form fields tagged restricted or confidential. */
const SECRETS = {
  narrative: 'NARRATIVE-SECRET-7731',
  shelter: 'SHELTER-LOCATION-5512',
  ownGoals: 'PLAN-GOAL-SECRET-2208',
  fullName: 'RESTRICTED-FULLNAME-4410',
  indicatorNotes: 'CONFIDENTIAL-INDICATOR-9921',
  needsNotes: 'CONFIDENTIAL-NEEDS-3301',
};
/** Values the police role may see, so that the test shows the pages did load the data. */
const VISIBLE = { alias: 'Mira', proceedings: 'Reported to Helsinki police' };

it('shows the police liaison cases and submissions without any restricted or confidential value', async () => {
  const worker = await apiAs(journey.live.baseUrl, 'worker@helsinki.demo.test');
  const created = await worker.post('/api/cases', {
    alias: VISIBLE.alias,
    workflowId: 'finland-municipality',
    identity: { estimatedAge: 29, ageUncertain: false, languages: ['ro'] },
    consents: { police: { given: true, givenOn: '2025-03-10' } },
    narrative: { text: SECRETS.narrative, exploitationForms: ['forcedLabour'] },
    safeAccommodation: { kind: 'shelter', location: SECRETS.shelter },
    criminalProceedings: { status: 'reported', authority: VISIBLE.proceedings },
    plan: { ownGoals: SECRETS.ownGoals },
  });
  const submission = await worker.post(`/formio/fi-helsinki/needs-assessment/submission`, {
    caseId: created.id,
    data: { ...fixture('needs-assessment'), nextAppointment: daysAhead(7), fullName: SECRETS.fullName, indicatorNotes: SECRETS.indicatorNotes, needsNotes: SECRETS.needsNotes },
  });
  // The seeded values are really there for those who may read them: without this the test could not fail.
  const asWorker = JSON.stringify([await worker.get(`/api/cases/${created.id}`), await worker.get(`/api/submissions/${submission._id}`)]);
  for (const secret of Object.values(SECRETS)) expect(asWorker).toContain(secret);

  const { page, problems } = await openPage(journey.context);
  const bodies: Array<Promise<string>> = [];
  const urls: string[] = [];
  page.on('response', (response: Response) => {
    urls.push(response.url());
    bodies.push(response.text().catch(() => ''));
  });
  await signInThroughForm(page, journey.live.baseUrl, 'police@helsinki.demo.test', PASSWORD);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  // The police liaison is assigned to no case: the list of all cases they may see.
  await page.getByRole('radio', { name: 'All cases I may see' }).check();
  await page.getByRole('link', { name: created.reference }).click();
  await page.getByRole('heading', { level: 1, name: `Case ${created.reference}` }).waitFor();
  // Words, not identifiers (issue 16): the form's title and the questions' labels, though the police may not open
  // the form's design; no raw keys, JSON or [object Object].
  await page.getByRole('link', { name: 'Needs assessment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Submitted form: Needs assessment' }).waitFor();
  await page.locator('dl.answers dt', { hasText: 'Your assessment' }).first().waitFor();
  await page.getByText(/fields are withheld from you: .*Full name/).waitFor();
  const answersText = (await page.locator('main').textContent()) ?? '';
  expect(answersText).not.toMatch(/caseworkerAssessment|\[object Object\]|\{"/);
  await page.screenshot({ path: path.join(screenshotsDir, 'journey-police-submission.png'), fullPage: true });

  const received = (await Promise.all(bodies)).join('\n');
  const shown = await page.evaluate(() => document.documentElement.outerHTML);
  expect(urls.some((url) => url.includes(`/api/cases/${created.id}`))).toBe(true);
  expect(urls.some((url) => url.includes(`/api/submissions/${submission._id}`))).toBe(true);
  expect(received).toContain(VISIBLE.proceedings);
  for (const [name, secret] of Object.entries(SECRETS)) {
    expect({ name, inResponses: received.includes(secret), onPage: shown.includes(secret) }).toEqual({ name, inResponses: false, onPage: false });
  }
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
