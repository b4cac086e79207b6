// Issue 16, an adult's case from first contact to the plan of assistance, driving only the UI (nothing is prepared
// through the API): a Helsinki caseworker searches for the person among the organisation's cases, opens a case,
// records the consent conversation (consent to the NAS), the needs assessment and the safety plan, sees "Refer to the
// NAS" offered because of the consent the form recorded and fires it, draws up the plan of assistance with its
// actions, and downloads the plan as a PDF that lists them. A screenshot at each step.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { pdfText } from '../helpers/pdf-text';
import { openPage, signInThroughForm } from './client-page';
import { component, fixture, gridCell, PASSWORD, screenshotsDir, setField, setGridField, submitCaseForm, useJourney } from './journey-kit';
import { type Answers, interviewAnswers, nasReferralAnswers, personAnswers, situationAnswers } from './needs-assessment-answers';

jest.setTimeout(300_000);

const journey = useJourney('e2e_adult_journey');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `adult-${name}.png`), fullPage: true });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const NEEDS_ASSESSMENT: Answers = [
  ...interviewAnswers(`${day(0)}T09:00`),
  ...personAnswers('Ioana', '34'),
  ...situationAnswers('forced-labour'),
  ...nasReferralAnswers(),
];

/** The plan's actions, as the caseworker and the person agree on them. */
const ACTIONS = [
  { stop: 'safe-accommodation', action: 'Move to a shelter in another town', provider: 'Shelter of the Helsinki Deaconess Institute', owner: 'case-owner', dueDate: day(14), actionStatus: 'in-progress' },
  { stop: 'language-courses', action: 'Enrol in a Finnish course with literacy support', provider: 'Helsinki Adult Education Centre', owner: 'employment-services', dueDate: day(60), actionStatus: 'planned' },
];

/**
 * What the consent form's answers for the NAS (contact details; needs and plan) cover, in the groups' order: not the
 * legal status and work group, which the unticked answer about residence names too (a group is covered only when
 * every answer naming it is ticked).
 */
const COVERED = ['Identity and contact details', 'Plan of assistance'];

const formsRegion = (page: Page) => page.getByRole('region', { name: 'Forms for this stage' });
const NAS = 'National Assistance System for Victims of Human Trafficking (demo)';
const HELSINKI = 'City of Helsinki, social services (demo)';

/**
 * What sticks out sideways at the viewport's width: the page itself, the element `selector` matches (it may not
 * scroll inside either), and the workflow graph's canvas beyond its figure (cut off on the right). Empty when nothing does.
 */
async function sidewaysProblems(page: Page, selector?: string): Promise<string[]> {
  return page.evaluate((inside) => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const element = inside ? document.querySelector(inside) : null;
    if (inside && !element) problems.push(`${inside} not found`);
    for (const part of element ? [element, ...element.querySelectorAll('table')] : []) {
      if (part.scrollWidth > part.clientWidth + 1) problems.push(`${inside} scrolls sideways: ${part.scrollWidth} > ${part.clientWidth}`);
    }
    const figure = document.querySelector('.stage-graph');
    const right = Math.max(...[...(figure?.querySelectorAll('.react-flow__node') ?? [])].map((node) => node.getBoundingClientRect().right));
    if (figure && right > figure.getBoundingClientRect().right + 1) problems.push(`graph cut off on the right: ${Math.round(right)} > ${Math.round(figure.getBoundingClientRect().right)}`);
    return problems;
  }, selector);
}

/** The same check at a desktop, a laptop and a phone width; the page is left at 1280 px. */
async function sidewaysAtWidths(page: Page, selector?: string): Promise<Record<number, string[]>> {
  const found: Record<number, string[]> = {};
  for (const width of [1366, 390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    // Layout and React Flow's first view follow the resize.
    await page.waitForFunction((w) => document.documentElement.clientWidth <= w, width);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const problems = await sidewaysProblems(page, selector);
    if (problems.length) found[width] = problems;
  }
  return found;
}

const submitForm = (page: Page, formPath: string) => submitCaseForm(page, formPath, (name) => shot(page, name));

it('opens an adult case, records consent and assessment, refers to the NAS, plans the assistance and downloads the plan', async () => {
  const { page, problems } = await openPage(journey.context);
  await signInThroughForm(page, journey.live.baseUrl, 'worker@helsinki.demo.test', PASSWORD);

  // 1. A new case, after the search for the same person among the organisation's cases.
  await page.getByRole('link', { name: 'Open a new case' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Open a new case' }).waitFor();
  await page.getByLabel('Alias').fill('Ioana');
  await page.getByLabel('Estimated age in years').fill('34');
  await page.getByLabel('Nationality').fill('ro');
  await page.getByLabel('Languages the person speaks').fill('ro');
  await page.getByRole('button', { name: 'Search for possible duplicates' }).click();
  await page.getByRole('region', { name: 'Cases that may be the same person' }).getByText('No case of the organisation matches.').waitFor();
  const workflow = page.getByLabel('Workflow');
  const options = await workflow.locator('option').allTextContents();
  await workflow.selectOption({ label: options.find((label) => label.startsWith('Finland'))! });
  await shot(page, '01-new-case');
  await page.getByRole('button', { name: 'Open case', exact: true }).click();
  await page.getByText('The case has been opened.').waitFor();
  await page.getByText('Current stage: Intake and consent').waitFor();
  await shot(page, '02-case-opened');

  // 2. The consent conversation: the person agrees that the NAS may get their information.
  await formsRegion(page).getByRole('link', { name: 'Consent and information' }).first().click();
  await setField(page, 'conversationDate', day(0));
  await setField(page, 'informationLanguage', 'ro');
  await setField(page, 'explainedHow', { 'read-aloud': true, interpreter: true });
  await setField(page, 'rightsExplained', true);
  await setField(page, 'rightsUnderstood', 'yes');
  await setGridField(page, 'consents', 0, 'recipient', 'nas');
  await setGridField(page, 'consents', 0, 'given', true);
  await setGridField(page, 'consents', 0, 'sharedInformation', { contact: true, 'needs-and-plan': true });
  await setGridField(page, 'consents', 0, 'givenOn', day(0));
  await setGridField(page, 'consents', 0, 'givenHow', 'verbal-witnessed');
  await setField(page, 'copyGiven', 'given');
  // The consent grid reads as one block per recipient: it does not scroll sideways at 1280 px (nor at 1366 or 390).
  const consentGrid = component(page, 'consents');
  await consentGrid.scrollIntoViewIfNeeded();
  expect(await consentGrid.evaluate((grid) => grid.scrollWidth <= grid.clientWidth)).toBe(true);
  expect(await sidewaysAtWidths(page, '.formio-form .formio-component-consents')).toEqual({});
  await shot(page, '03-consent-form');
  await submitForm(page, 'consent-information');
  // The case's Consents panel shows what the form recorded, and the form is no longer asked for.
  const consents = page.getByRole('region', { name: 'Consents' });
  await consents.getByRole('row', { name: /National Assistance System/ }).getByText(/^Given on /).waitFor();
  await formsRegion(page).getByRole('list', { name: 'Submitted forms' }).getByRole('link', { name: 'Consent and information' }).waitFor();
  expect(await formsRegion(page).getByRole('list', { name: 'Forms still required' }).getByRole('link', { name: 'Consent and information' }).count()).toBe(0);
  await shot(page, '04-consent-recorded');
  // The panel says what the consent covers: the groups the form's answers map to (contact details; needs and plan).
  const nasRow = consents.getByRole('row', { name: /National Assistance System/ });
  expect(await nasRow.getByRole('listitem').allTextContents()).toEqual(COVERED);
  // The referral form starts with exactly those groups ticked; the others cannot be chosen, and each says why.
  const referralForm = page.getByRole('region', { name: 'Referrals' });
  await referralForm.getByLabel('Receiving organisation').selectOption({ label: NAS });
  await referralForm.getByText(/The information the person agreed to share with National Assistance System is ticked/).waitFor();
  const groups = referralForm.getByRole('group', { name: 'Information to share' }).getByRole('checkbox');
  await page.waitForFunction((count) => document.querySelectorAll('.referral-form input[type=checkbox]:checked').length === count, COVERED.length);
  for (const box of await groups.all()) {
    const label = await box.evaluate((input) => input.closest('label')!.textContent ?? '');
    const covered = COVERED.some((group) => label.startsWith(group));
    expect([label, await box.isChecked(), await box.isDisabled()]).toEqual([label, covered, !covered]);
    if (!covered) expect(label).toContain('not covered by the person\'s consent to National Assistance System');
  }
  await referralForm.scrollIntoViewIfNeeded();
  await shot(page, '04b-referral-form-pre-ticked');

  // 3. The needs assessment of an adult: the case moves on to the referral to the NAS.
  await formsRegion(page).getByRole('link', { name: 'Needs assessment', exact: true }).click();
  for (const [key, value] of NEEDS_ASSESSMENT) await setField(page, key, value);
  await shot(page, '05-needs-assessment');
  await submitForm(page, 'needs-assessment');
  await page.getByText('Current stage: Referral to the National Assistance System').waitFor();
  const person = page.getByRole('region', { name: 'The person' });
  await person.getByText(/34 years/).first().waitFor();
  await shot(page, '06-referral-stage');

  // 4. The safety plan this stage asks for; then "Refer to the NAS" is offered, because the person consented.
  const events = page.getByRole('region', { name: 'Next steps' });
  await formsRegion(page).getByRole('link', { name: 'Safety plan' }).first().click();
  const safety = fixture('safety-plan');
  for (const [key, value] of Object.entries(safety)) {
    if (['assessmentDate', 'reviewDate', 'safetyActions', 'riskScore', 'riskLevel', 'finalRiskLevel', 'riskNotes', 'safeContactPhone'].includes(key)) continue;
    if (key === 'riskLevelOverride' || key === 'overrideReason') continue;
    await setField(page, key, value);
  }
  await setField(page, 'assessmentDate', day(0));
  const [firstAction] = safety.safetyActions as Array<Record<string, unknown>>;
  for (const key of ['risk', 'action', 'responsibleRole', 'actionStatus']) await setGridField(page, 'safetyActions', 0, key, firstAction![key]);
  await setGridField(page, 'safetyActions', 0, 'dueDate', day(3));
  await setField(page, 'reviewDate', day(14));
  // The pickers offer only plausible dates: an assessment no later than today, due dates from the day the case opened.
  expect(await component(page, 'assessmentDate').locator('input[max]').first().getAttribute('max')).toBe(day(0));
  expect(await (await gridCell(page, 'safetyActions', 0, 'dueDate')).locator('input[min]').first().getAttribute('min')).toBe(day(0));
  await shot(page, '07-safety-plan');
  await submitForm(page, 'safety-plan');
  const refer = events.getByRole('button', { name: 'Refer to the National Assistance System' });
  await refer.waitFor();
  await shot(page, '08-refer-offered');
  await refer.click();
  await page.getByText('Current stage: Cooperation with the National Assistance System').waitFor();
  await page.getByRole('region', { name: 'Timeline' }).getByText(/Refer to the National Assistance System/).first().waitFor();
  await shot(page, '09-referred');
  // Whether the NAS admits the person is the NAS's decision: the municipality is not offered it.
  for (const decision of ['Admitted to the NAS', 'Not admitted to the NAS']) expect(await events.getByRole('button', { name: decision }).count()).toBe(0);
  expect(await sidewaysAtWidths(page)).toEqual({});

  // 5. The person's contact person, named on the case profile and shown there.
  await person.getByRole('button', { name: 'Edit details' }).click();
  await person.getByLabel('Name of the contact person').fill('Aino Virtanen');
  await person.getByLabel('Organisation', { exact: true }).fill('Helsinki social services');
  await person.getByLabel("Contact person's phone").fill('+358 9 310 1234');
  await shot(page, '10-contact-person-form');
  await person.getByRole('button', { name: 'Save details' }).click();
  await person.getByText('Aino Virtanen · Helsinki social services · +358 9 310 1234').waitFor();
  await shot(page, '11-contact-person-shown');

  // 6. The NAS accepts the referral in its inbox; the municipal case moves on to assistance by that decision.
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.replace(/^Case /, '');
  const nasContext = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  try {
    const { page: nasPage } = await openPage(nasContext);
    await signInThroughForm(nasPage, journey.live.baseUrl, 'coordinator@nas.demo.test', PASSWORD);
    await nasPage.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Inbox/ }).click();
    const referral = nasPage.getByRole('region', { name: 'Referrals to decide' }).getByRole('article', { name: `Referral of case ${reference} from ${HELSINKI}` });
    await referral.getByRole('button', { name: 'Accept' }).click();
    await referral.getByText(/^Accepted on/).waitFor();
    await shot(nasPage, '12-nas-accepts');
  } finally {
    await nasContext.close();
  }
  await page.reload();
  await page.getByText(/^Current stage: .*Assistance and services/).waitFor();
  await page.getByRole('region', { name: 'Timeline' }).getByText(`${NAS} accepted the referral`).waitFor();

  // 7. The plan of assistance, offered in the stage where it is drafted, with its actions linked to the road map's stops.
  await formsRegion(page).getByRole('list', { name: 'Forms still required' }).getByRole('link', { name: 'Plan of assistance' }).waitFor();
  await shot(page, '13-plan-offered-in-its-stage');
  await formsRegion(page).getByRole('list', { name: 'Forms still required' }).getByRole('link', { name: 'Plan of assistance' }).click();
  await setField(page, 'planDate', day(0));
  await setField(page, 'reviewReason', 'initial');
  await setField(page, 'draftedBy', 'municipality-with-nas');
  await setField(page, 'personTookPart', 'yes');
  await setField(page, 'personGoals', 'I want to feel safe, learn Finnish and work in a kitchen.');
  await setField(page, 'goalsLanguage', 'ro');
  await setField(page, 'goalsReadBack', true);
  for (const [row, action] of ACTIONS.entries()) {
    for (const [key, value] of Object.entries(action)) await setGridField(page, 'actions', row, key, value);
  }
  await setField(page, 'sharingMatchesConsent', true);
  await setField(page, 'integrationPlanStatus', 'not-yet');
  await setField(page, 'reviewFrequency', 'every-3-months');
  await setField(page, 'nextReviewDate', day(90));
  await setField(page, 'planSharedWithPerson', 'yes');
  await shot(page, '14-plan-form');
  await submitForm(page, 'plan-of-assistance');
  const plan = page.getByRole('region', { name: 'Plan of assistance' });
  for (const action of ACTIONS) await plan.getByRole('cell', { name: action.action }).waitFor();
  await shot(page, '15-plan-on-case');

  // 8. The plan as a PDF, downloaded as the caseworker would, lists the actions and their providers.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download plan (PDF)' }).click()]);
  const pdf = await pdfText(fs.readFileSync((await download.path())!));
  for (const action of ACTIONS) {
    expect(pdf.text).toContain(action.action);
    expect(pdf.text).toContain(action.provider);
  }
  expect(pdf.text).toContain('I want to feel safe');
  expect(problems).toEqual([]);
});
