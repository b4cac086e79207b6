// Issue 17 §1, §2 and §7: a referral from Helsinki to the National Assistance System in Debian's Chromium against the
// real app, through the UI only (the demo organisations, users and cases as the server loads them on its first start;
// nothing prepared through the API). The Helsinki caseworker opens a case, finds she cannot refer it before the person
// consents, records the consent to the NAS, refers the case with two groups and a message; the NAS coordinator sees
// the unread count in the header, opens the inbox, reads the referral (the person may already have a case in
// Denmark: only the organisation's name is shown) and accepts it, then opens the NAS's own view of the case; the
// caseworker sees the referral accepted on the case and in its timeline, and the decision in her inbox.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { cspViolations, openPage, seriousAxeViolations, signInThroughForm } from './client-page';
import { PASSWORD, screenshotsDir, useJourney } from './journey-kit';

jest.setTimeout(240_000);

// With the demo cases, as the server loads them on its first start (main.ts): the people start from there.
const journey = useJourney('e2e_referral_journey', { demoCases: true });

let context: BrowserContext;
beforeEach(async () => {
  context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
});
afterEach(() => context.close());
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `referral-${name}.png`), fullPage: true });

/** The link to the inbox in the header, whose name carries the unread count. */
const inboxLink = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Inbox/ });

// The person: assisted in Denmark before (a demo case there has the same alias), now met in Helsinki.
const ALIAS = 'Nadia (demo)';
const NAS = 'National Assistance System for Victims of Human Trafficking (demo)';
const HELSINKI = 'City of Helsinki, social services (demo)';
let caseUrl = '';
let reference = '';

it('Helsinki refers a case to the NAS after recording the consent; the timeline and the case show the referral waiting', async () => {
  const { page, problems } = await openPage(context);
  await signInThroughForm(page, journey.live.baseUrl, 'worker@helsinki.demo.test', PASSWORD);
  await page.getByRole('link', { name: 'Open a new case' }).first().click();
  await page.getByLabel('Alias').fill(ALIAS);
  await page.getByLabel('Estimated age in years').fill('29');
  await page.getByLabel('Languages the person speaks').fill('bg, en');
  await page.getByRole('button', { name: 'Search for possible duplicates' }).click();
  await page.getByRole('region', { name: 'Open the case' }).waitFor();
  const workflow = page.getByLabel('Workflow');
  const options = await workflow.locator('option').allTextContents();
  await workflow.selectOption({ label: options.find((label) => label.startsWith('Finland: municipal assistance'))! });
  await page.getByRole('button', { name: /^(Open case|None of these: open a new case)$/ }).click();
  await page.getByText('The case has been opened.').waitFor();
  caseUrl = page.url();
  // The heading names the case by its reference once the case has loaded (by its id until then).
  const heading = page.getByRole('heading', { level: 1, name: /^Case [A-Z]+-\d{4}-\d+$/ });
  await heading.waitFor();
  reference = (await heading.textContent())!.replace(/^Case /, '');

  // Without the person's consent to the NAS nothing can be shared, and the form says why.
  const referrals = page.getByRole('region', { name: 'Referrals' });
  await referrals.getByText('This case has not been referred.').waitFor();
  await referrals.getByLabel('Receiving organisation').selectOption({ label: NAS });
  await referrals.getByText(/The person has not consented to sharing with National Assistance System/).waitFor();
  expect(await referrals.getByRole('checkbox', { name: /Identity and contact details/ }).isDisabled()).toBe(true);
  expect(await referrals.getByRole('button', { name: 'Send the referral' }).isDisabled()).toBe(true);
  await referrals.scrollIntoViewIfNeeded();
  await shot(page, '01-no-consent-yet');

  // The consent is recorded on the case; every group it covers can now be chosen.
  await page.getByRole('region', { name: 'Consents' }).getByRole('button', { name: 'Record consent: National Assistance System' }).click();
  await page.getByRole('region', { name: 'Consents' }).getByRole('button', { name: 'Withdraw consent: National Assistance System' }).waitFor();
  await referrals.getByLabel('Receiving organisation').selectOption({ label: NAS });
  await referrals.getByText(/consent to National Assistance System covers all of this information/).waitFor();
  await referrals.getByRole('radio', { name: 'Service referral' }).check();
  await referrals.getByRole('checkbox', { name: 'Identity and contact details' }).check();
  await referrals.getByRole('checkbox', { name: 'Plan of assistance' }).check();
  await referrals.getByLabel('Message for the receiver').fill('Adult, identified in Helsinki; please assess for the assistance system.');
  await shot(page, '02-referral-filled-in');
  await referrals.getByRole('button', { name: 'Send the referral' }).click();

  const sent = referrals.getByRole('listitem').filter({ hasText: `Referred to ${NAS}` });
  await sent.getByText(/Waiting for a decision/).waitFor();
  await sent.getByText('Identity and contact details, Plan of assistance').waitFor();
  // Where else the person may have a case is told to the receiver only.
  expect(await sent.getByText(/A case may already exist/).count()).toBe(0);
  await page.getByRole('region', { name: 'Timeline' }).getByText(`Referred to ${NAS}`).waitFor();
  await shot(page, '03-referral-sent');
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

it('the NAS coordinator sees the unread count, opens the inbox, accepts and opens the case', async () => {
  const { page, problems } = await openPage(context);
  await signInThroughForm(page, journey.live.baseUrl, 'coordinator@nas.demo.test', PASSWORD);
  await expect(inboxLink(page).textContent()).resolves.toMatch(/^Inbox/);
  await inboxLink(page).getByText(/unread/).waitFor({ state: 'attached' });
  const before = Number((await inboxLink(page).locator('.unread-count').textContent())!.replace(/\D/g, ''));
  expect(before).toBeGreaterThanOrEqual(1);
  await shot(page, '04-nas-unread-count');

  await inboxLink(page).click();
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  const toDecide = page.getByRole('region', { name: 'Referrals to decide' });
  const referral = toDecide.getByRole('article', { name: `Referral of case ${reference} from ${HELSINKI}` });
  await referral.getByText('Service referral').waitFor();
  await referral.getByText('Adult, identified in Helsinki; please assess for the assistance system.').waitFor();
  // A case of the same person may exist elsewhere: named by its organisation only, nothing of the case.
  await referral.getByText(/A case may already exist at organisation Centre against Human Trafficking/).waitFor();
  // Opening the inbox marked what it shows as read: the count in the header goes down.
  await page.waitForFunction(
    (was) => Number(document.querySelector('.inbox-link .unread-count')?.textContent?.replace(/\D/g, '') ?? '0') < was,
    before,
  );
  await shot(page, '05-nas-inbox');

  await referral.getByRole('button', { name: 'Accept' }).click();
  await referral.getByText(/^Accepted on/).waitFor();
  await shot(page, '06-nas-accepted');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await referral.getByRole('link', { name: `Open case ${reference}` }).click();

  // The NAS's own view of the case: within its rules and the groups shared.
  await page.getByRole('heading', { level: 1, name: `Case ${reference}` }).waitFor();
  const referrals = page.getByRole('region', { name: 'Referrals' });
  await referrals.getByText(`Referred by ${HELSINKI}`).waitFor();
  await referrals.getByText(/^Accepted on/).waitFor();
  await page.getByRole('region', { name: 'Timeline' }).getByText(`${NAS} accepted the referral`).waitFor();
  // Its own task to take the case up is its to mark done.
  await page.getByRole('region', { name: 'Tasks' }).getByRole('button', { name: 'Mark as done: Take up the referred case' }).waitFor();
  await shot(page, '07-nas-case');
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

it('the Helsinki caseworker sees the referral accepted on the case and the decision in her inbox', async () => {
  const { page, problems } = await openPage(context);
  await signInThroughForm(page, journey.live.baseUrl, 'worker@helsinki.demo.test', PASSWORD);
  await inboxLink(page).click();
  const decisions = page.getByRole('region', { name: 'Decisions on your referrals' });
  await decisions.getByText(`${NAS} accepted your referral`).waitFor();
  await shot(page, '08-helsinki-inbox');
  await decisions.getByRole('link', { name: `Case ${reference}` }).click();
  await page.waitForURL(caseUrl);
  const sent = page.getByRole('region', { name: 'Referrals' }).getByRole('listitem').filter({ hasText: `Referred to ${NAS}` });
  await sent.getByText(/^Accepted on/).waitFor();
  await page.getByRole('region', { name: 'Timeline' }).getByText(`${NAS} accepted the referral`).waitFor();
  // The NAS's task shows on Helsinki's case too, as another organisation's, with nothing for Helsinki to do.
  const tasks = page.getByRole('region', { name: 'Tasks' });
  const nasTask = tasks.getByRole('listitem').filter({ hasText: 'Take up the referred case' });
  await nasTask.getByText("another organisation's task").waitFor();
  expect(await nasTask.getByRole('button').count()).toBe(0);
  await page.getByRole('region', { name: 'Referrals' }).scrollIntoViewIfNeeded();
  await shot(page, '09-helsinki-case-accepted');
  expect(problems).toEqual([]);
});
