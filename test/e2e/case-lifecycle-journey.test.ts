// Issue 16, in Debian's Chromium against the real app, driving only the UI (nothing is prepared through the API): a
// coordinator of the Danish Centre against Human Trafficking opens a case after a duplicate search, edits the
// person's details, fills in the intake forms (one refused for a date in the future, one kept as a draft across a
// session that ends while it is open), sees why the referral is not offered, records the consent on the case page,
// refers, closes the case with a reason and a confirmation and reopens it. Then: after "Sign out" the next person
// starts at their own dashboard; an empty sign-in names the missing fields; the case page at 1366 px and on a 390 px
// phone keeps its tables readable and its graph in view.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openPage, signInThroughForm } from './client-page';
import { component, PASSWORD, reveal, screenshotsDir, setField, useJourney } from './journey-kit';
import { type Answers, interviewAnswers, nasReferralAnswers, personAnswers, situationAnswers } from './needs-assessment-answers';

jest.setTimeout(300_000);

const journey = useJourney('e2e_case_lifecycle');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `lifecycle-${name}.png`), fullPage: true });
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** An adult's needs assessment (values of the form's own options), as in the caseworker journey. */
// The age the case was opened with: the needs assessment now sets the case's age.
const FIRST_HALF: Answers = [...interviewAnswers(`${daysAgo(1)}T10:00`), ...personAnswers('Ana', '25')];
const SECOND_HALF: Answers = situationAnswers('forced-begging');
const LAST: Answers = nasReferralAnswers();

let caseUrl = '';

it('opens a case, records consent, refers, closes with a reason and a confirmation and reopens, only through the UI', async () => {
  const { page } = await openPage(journey.context, [
    { status: 400, url: /\/consent-information\/submission$/ },
    { status: 401, url: /\/needs-assessment\/submission$/ },
  ]);
  await signInThroughForm(page, journey.live.baseUrl, 'worker@cmm.demo.test', PASSWORD);

  // Open a new case: first the search for the same person among the organisation's cases.
  await page.getByRole('link', { name: 'Open a new case' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Open a new case' }).waitFor();
  await page.getByRole('button', { name: 'Search for possible duplicates' }).click();
  await page.getByRole('alert').filter({ hasText: 'Please fill in: Alias.' }).waitFor();
  await page.getByLabel('Alias').fill('Mira');
  await page.getByLabel('Estimated age in years').fill('25');
  await page.getByLabel('Nationality').fill('ro');
  await page.getByLabel('Languages the person speaks').fill('ro, en');
  await page.getByRole('button', { name: 'Search for possible duplicates' }).click();
  const duplicates = page.getByRole('region', { name: 'Cases that may be the same person' });
  await duplicates.getByText('No case of the organisation matches.').waitFor();
  const workflow = page.getByLabel('Workflow');
  const options = await workflow.locator('option').allTextContents();
  await workflow.selectOption({ label: options.find((label) => label.startsWith('Denmark'))! });
  await page.getByRole('button', { name: 'Open case', exact: true }).click();
  await page.getByText('The case has been opened.').waitFor();
  caseUrl = page.url();
  await page.getByText('Current stage: Intake and consent').waitFor();

  // The person's details: shown, edited, a date in the future refused in words.
  const person = page.getByRole('region', { name: 'The person' });
  await person.getByText('about 25 years (estimated)').waitFor();
  await person.getByText('Romanian, English').waitFor();
  await person.getByRole('button', { name: 'Edit details' }).click();
  await person.getByLabel('Kind of accommodation').selectOption({ label: 'Crisis centre' });
  await person.getByLabel(/^Where/).fill('Crisis centre Nord');
  await person.getByLabel('Since').fill('2099-01-01');
  await person.getByRole('button', { name: 'Save details' }).click();
  await person.getByRole('alert').filter({ hasText: 'The accommodation cannot start in the future.' }).waitFor();
  await person.getByLabel('Since').fill(daysAgo(2));
  await person.getByLabel('Phone', { exact: true }).fill('+45 1234 5678');
  await person.getByText('Characters left: 27').waitFor();
  await person.getByRole('button', { name: 'Save details' }).click();
  await person.getByText(/Crisis centre · Crisis centre Nord · since/).waitFor();

  // Irreversible steps come last and are marked; at intake the only step is the person declining.
  const events = page.getByRole('region', { name: 'Next steps' });
  await events.getByRole('button', { name: 'Person declines referral' }).waitFor();
  await shot(page, '02-case-opened');

  // The consent and information form: a conversation dated in the future is refused next to the field.
  await page.getByRole('region', { name: 'Forms for this stage' }).getByRole('link', { name: 'Consent and information', exact: false }).first().click();
  await page.locator('.formio-form').waitFor();
  await setField(page, 'conversationDate', '2099-01-01');
  await setField(page, 'informationLanguage', 'ro');
  await setField(page, 'explainedHow', { 'read-aloud': true });
  await setField(page, 'rightsExplained', true);
  await setField(page, 'rightsUnderstood', 'yes');
  await setField(page, 'recipient', 'cmm');
  await setField(page, 'copyGiven', 'declined');
  const refused = page.waitForResponse((response) => response.url().endsWith('/consent-information/submission') && response.request().method() === 'POST');
  await page.locator('.formio-form button[type="submit"], .formio-form button[name="data[submit]"]').first().click();
  expect((await refused).status()).toBe(400);
  await component(page, 'conversationDate').getByText(/should not contain a date after/).first().waitFor();
  await shot(page, '03-future-date-refused');
  await setField(page, 'conversationDate', daysAgo(1));
  // The field takes the new date when it loses focus, and sheds the server's message then.
  await page.keyboard.press('Tab');
  await component(page, 'conversationDate').getByText(/should not contain a date after/).first().waitFor({ state: 'hidden' });
  const accepted = page.waitForResponse((response) => response.url().endsWith('/consent-information/submission') && response.request().method() === 'POST');
  await page.locator('.formio-form button[type="submit"], .formio-form button[name="data[submit]"]').first().click();
  expect((await accepted).status()).toBe(201);
  await page.getByText('Current stage: Intake and consent').waitFor();

  // The needs assessment: half of it kept as a draft, the page left, the draft restored.
  await page.getByRole('region', { name: 'Forms for this stage' }).getByRole('link', { name: 'Needs assessment', exact: true }).click();
  await page.locator('.formio-form').waitFor();
  for (const [key, value] of FIRST_HALF) await setField(page, key, value);
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await page.getByText(/Draft saved .*Only you can see it\./).waitFor();
  await page.getByRole('link', { name: 'Back' }).click();
  await page.getByRole('region', { name: 'Forms for this stage' }).getByRole('link', { name: 'Needs assessment', exact: true }).click();
  await page.getByText(/Your draft from .* has been restored\./).waitFor();
  await reveal(page, component(page, 'ageYears'));
  expect(await component(page, 'ageYears').locator('input').first().inputValue()).toBe('25');
  for (const [key, value] of SECOND_HALF) await setField(page, key, value);
  // A text field tells how long it may be.
  await setField(page, 'obstacleNotes', 'Afraid of being seen in town.');
  await component(page, 'obstacleNotes').getByText(/9971/).first().waitFor();
  for (const [key, value] of LAST) await setField(page, key, value);

  // The session ends while the form is open: submitting asks to sign in again, in place, and the answers are kept.
  await journey.context.clearCookies();
  await reveal(page, page.locator('.formio-form button.btn-wizard-nav-submit'));
  await page.locator('.formio-form button.btn-wizard-nav-submit').click();
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await dialog.waitFor();
  await shot(page, '04-sign-in-again');
  await dialog.getByLabel('Password').fill(PASSWORD);
  const submitted = page.waitForResponse((response) => response.url().endsWith('/needs-assessment/submission') && response.request().method() === 'POST' && response.status() === 201);
  await dialog.getByRole('button', { name: 'Sign in and continue' }).click();
  await submitted;
  await page.getByText('Current stage: Referral').waitFor();

  // The referral needs the person's consent: not offered, and the reason is said in words.
  await events
    .locator('.blocked-events li', { hasText: "Refer to the Centre against Human Trafficking: needs the person's consent to Centre against Human Trafficking" })
    .waitFor();
  await shot(page, '05-referral-needs-consent');
  const consents = page.getByRole('region', { name: 'Consents' });
  await consents.getByRole('button', { name: 'Record consent: Centre against Human Trafficking' }).click();
  await consents.getByRole('button', { name: 'Withdraw consent: Centre against Human Trafficking' }).waitFor();
  await events.getByRole('button', { name: 'Refer to the Centre against Human Trafficking' }).click();
  await page.getByText('Current stage: Identification').waitFor();

  // Closing: the last button, a reason and a confirmation, nothing happens without both.
  const buttons = await events.locator('.event-buttons button').allTextContents();
  expect(buttons.at(-1)).toBe('Not identified as a victim');
  await events.getByRole('button', { name: 'Not identified as a victim' }).click();
  const confirm = page.getByRole('dialog', { name: 'Not identified as a victim' });
  await confirm.getByRole('button', { name: 'Not identified as a victim' }).click();
  await confirm.getByRole('alert').filter({ hasText: 'Please fill in: Reason, Confirmation.' }).waitFor();
  await confirm.getByLabel('Reason').selectOption({ label: 'Referred to another service' });
  await confirm.getByLabel(/I have checked this with the person/).check();
  await shot(page, '06-close-confirmation');
  await confirm.getByRole('button', { name: 'Not identified as a victim' }).click();
  await events.getByText('This case is closed.').waitFor();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByText(/Not identified as a victim — Referred to another service/).waitFor();

  // Reopening: with a reason, recorded in the timeline; the case is back where it was.
  await events.getByRole('button', { name: 'Reopen case' }).click();
  const reopen = page.getByRole('dialog', { name: 'Reopen this case' });
  await reopen.getByLabel('Reason').selectOption({ label: 'New information' });
  await reopen.getByLabel(/I have checked this with the person/).check();
  await reopen.getByRole('button', { name: 'Reopen case' }).click();
  await timeline.getByText(/Case reopened — New information/).waitFor();
  await page.getByText('Current stage: Identification').waitFor();
  await events.getByRole('button', { name: 'Identified as a victim', exact: true }).waitFor();

  // Words, not identifiers, in the timeline; the road map as the frame of the plan.
  const timelineText = (await timeline.textContent()) ?? '';
  expect(timelineText).not.toMatch(/formSubmitted|caseUpdated|\[object Object\]|\{"/);
  await page.getByRole('region', { name: 'Road map for integration' }).getByText('The 21 stops').waitFor();
  expect(await page.locator('.road-map-stops li').count()).toBe(21);
  await shot(page, '07-reopened');

  // The next new case with a similar alias and age: the search shows this one before another is opened.
  await page.goto(`${journey.live.baseUrl}/cases/new`);
  await page.getByLabel('Alias').fill('mira');
  await page.getByLabel('Estimated age in years').fill('26');
  await page.getByRole('button', { name: 'Search for possible duplicates' }).click();
  await page.getByRole('region', { name: 'Cases that may be the same person' }).getByText(/Mira — same alias, age/).waitFor();
  await page.getByRole('button', { name: 'None of these: open a new case' }).waitFor();
  await shot(page, '01-duplicates');
});

/** Cells and graph of the case page at one viewport: no column squeezed below its content, the graph inside the page. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('table th, table td')) {
      if (!cell.textContent?.trim()) continue;
      // Headers kept for screen readers only (the consent table on a phone reads as blocks) are not laid out.
      const head = cell.closest('thead');
      if (head && head.getBoundingClientRect().width <= 1) continue;
      if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`cell overflows: ${cell.textContent.trim().slice(0, 30)}`);
      const longestWord = Math.max(...cell.textContent.trim().split(/\s+/).map((word) => word.length));
      if (longestWord >= 4 && cell.getBoundingClientRect().width < 48) problems.push(`cell too narrow: ${cell.textContent.trim().slice(0, 30)}`);
    }
    // A graph wider than the page scrolls sideways inside its figure: the figure stays on the page and lets the whole
    // canvas be scrolled to.
    const figure = document.querySelector<HTMLElement>('.stage-graph');
    const canvas = document.querySelector<HTMLElement>('.stage-graph-canvas');
    if (figure && canvas) {
      const scrolls = ['auto', 'scroll'].includes(getComputedStyle(figure).overflowX);
      if (figure.getBoundingClientRect().right > document.documentElement.clientWidth + 1) problems.push('graph figure off the page');
      if (canvas.getBoundingClientRect().right > figure.getBoundingClientRect().right + 1 && !(scrolls && figure.scrollWidth >= canvas.scrollWidth)) {
        problems.push('graph cut off');
      }
    }
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) {
      // Name the outermost elements that stick out, so a failure says where to look.
      const scrollsInside = (element: Element) => {
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(parent).overflowX)) return true;
        }
        return false;
      };
      const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter(
        (element) =>
          element.getBoundingClientRect().right > width + 1 &&
          !scrollsInside(element) &&
          !(element.parentElement && element.parentElement.getBoundingClientRect().right > width + 1),
      );
      const named = (element: Element) => `${element.tagName.toLowerCase()}.${String(element.className)}`;
      const sticking = [...document.querySelectorAll<HTMLElement>('body *')].filter((element) => element.getBoundingClientRect().right > width + 1);
      problems.push(`page scrolls sideways: ${(wide.length ? wide : sticking).slice(0, 5).map(named).join(', ')}`);
    }
    return problems;
  });
}

it('keeps the case page usable at 1366 px and on a 390 px phone', async () => {
  expect(caseUrl).not.toBe('');
  for (const [name, viewport] of [['1366', { width: 1366, height: 900 }], ['390', { width: 390, height: 844 }]] as const) {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport, ...(name === '390' ? { isMobile: true, hasTouch: true } : {}) });
    const { page } = await openPage(context);
    await signInThroughForm(page, journey.live.baseUrl, 'worker@cmm.demo.test', PASSWORD);
    await page.goto(caseUrl);
    await page.getByRole('region', { name: 'Consents' }).locator('table').waitFor();
    await page.locator('.stage-graph-canvas').waitFor();
    await shot(page, `08-case-page-${name}`);
    await page.getByRole('region', { name: 'Consents' }).screenshot({ path: path.join(screenshotsDir, `lifecycle-08-consents-${name}.png`) });
    await page.locator('.stage-graph').screenshot({ path: path.join(screenshotsDir, `lifecycle-08-graph-${name}.png`) });
    expect(await layoutProblems(page)).toEqual([]);
    // The plan's action table, a Form.io data grid of seven columns: each column as wide as its content needs, the
    // grid scrolling sideways inside the form when the screen is narrower, the provider field clickable.
    await page.goto(`${caseUrl}/forms/plan-of-assistance`);
    const grid = component(page, 'actions');
    await grid.locator('table').waitFor();
    await grid.screenshot({ path: path.join(screenshotsDir, `lifecycle-08-plan-actions-${name}.png`) });
    expect(await layoutProblems(page)).toEqual([]);
    const provider = component(page, 'provider').locator('input').first();
    await provider.scrollIntoViewIfNeeded();
    expect((await provider.boundingBox())!.width).toBeGreaterThanOrEqual(100);
    await provider.click();
    await provider.fill('Helsinki legal aid office');
    await context.close();
  }
});

it('after "Sign out" the next person starts at their own dashboard, and an empty sign-in names the missing fields', async () => {
  const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const { page } = await openPage(context);
  await signInThroughForm(page, journey.live.baseUrl, 'worker@cmm.demo.test', PASSWORD);
  await page.goto(caseUrl);
  await page.getByRole('region', { name: 'Timeline' }).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Please fill in: E-mail address, Password.' }).waitFor();
  await shot(page, '09-empty-sign-in');

  await page.getByLabel('E-mail address').fill('worker@helsinki.demo.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/dashboard');
  await shot(page, '10-next-person-dashboard');
  await context.close();
});
