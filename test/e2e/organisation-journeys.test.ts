// Issue 17, the Danish and the shelter journeys in Debian's Chromium against the real app, through the UI only:
// nothing is prepared through the API; the people start from the demo data as a new installation has it.
// Denmark (seed 004): the CMM coordinator starts the reflection period with the decision's date (deadline 30 days
// later, from the jurisdiction's parameter), grants an extension with its own date (beyond the jurisdiction's maximum
// refused next to the field), names the contact person, records the consent to IOM and prepares the return: the
// period's deadline is still there. Shelter (seed 002): the case manager approves the plan for after the shelter and
// sees the follow-ups at 1, 3, 6 and 12 months. An administrator adds a user to the shelter with one of its roles.
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { openPage, signInThroughForm } from './client-page';
import { PASSWORD, screenshotsDir, useJourney } from './journey-kit';

jest.setTimeout(240_000);

// With the demo cases, as the server loads them on its first start (main.ts): the people start from there.
const journey = useJourney('e2e_organisation_journeys', { demoCases: true });

/** Each person in a browser of their own. */
let context: BrowserContext;
beforeEach(async () => {
  context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
});
afterEach(() => context.close());
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `organisations-${name}.png`), fullPage: true });

/** A calendar day `days` from today (UTC), as a date field takes it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function openCase(page: Page, alias: string) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  await page.getByRole('radio', { name: 'All cases I may see' }).check();
  await page.getByRole('row', { name: new RegExp(alias.replace(/[()]/g, '\\$&')) }).getByRole('link').first().click();
  await page.getByRole('heading', { level: 1, name: /^Case / }).waitFor();
}

/** The due time of a deadline in the deadlines panel, as the page states it in its `datetime`. */
async function dueOf(page: Page, name: string): Promise<string | null> {
  const item = page.getByRole('region', { name: 'Deadlines' }).locator('li', { hasText: name }).first();
  await item.waitFor();
  return item.locator('time').getAttribute('datetime');
}

it('Denmark: reflection period with its decision date, an extension with its own date, a contact person, a prepared return that keeps the deadlines', async () => {
  const { page } = await openPage(context, [{ status: 400, url: /\/events$/ }]);
  await signInThroughForm(page, journey.live.baseUrl, 'worker@cmm.demo.test', PASSWORD);
  await openCase(page, 'Nadia (demo)');
  const events = page.getByRole('region', { name: 'Next steps' });

  // The period starts with the decision's date; the deadline is 30 days later (the jurisdiction's parameter).
  const decision = day(-2);
  await events.getByLabel('Date of the decision').fill(decision);
  await shot(page, '01-start-reflection-period');
  await events.getByRole('button', { name: 'Start the reflection period' }).click();
  await page.getByRole('region', { name: 'Deadlines' }).getByText('End of the reflection period').waitFor();
  expect(await dueOf(page, 'End of the reflection period')).toBe(`${day(28)}T00:00:00.000Z`);

  // The extension has its own date, at most 120 days from the decision: a day more is refused next to the field.
  const extendedUntil = events.getByLabel('Extended until');
  await extendedUntil.fill(day(119));
  await events.getByRole('button', { name: 'Extension granted' }).click();
  await events.getByText(/Must not be after/).waitFor();
  await shot(page, '02-extension-beyond-maximum');
  await extendedUntil.fill(day(60));
  await events.getByRole('button', { name: 'Extension granted' }).click();
  await page.getByRole('region', { name: 'Deadlines' }).getByText('End of the extended period').waitFor();
  expect(await dueOf(page, 'End of the extended period')).toBe(`${day(60)}T00:00:00.000Z`);

  // The contact person is named on the person's details; the workflow's contact-person step completes with it
  // (its deadline to assign one goes), and the dates recorded stay shown.
  const recorded = page.getByRole('region', { name: 'Deadlines' });
  await recorded.getByText('Assign a contact person').waitFor();
  const person = page.getByRole('region', { name: 'The person' });
  await person.getByRole('button', { name: 'Edit details' }).click();
  await person.getByLabel('Name of the contact person').fill('Jonas Holm');
  await person.getByLabel('Organisation', { exact: true }).fill('CMM');
  await person.getByRole('button', { name: 'Save details' }).click();
  await person.getByText('Jonas Holm · CMM').waitFor();
  await recorded.getByText('Assign a contact person').waitFor({ state: 'detached' });
  await recorded.getByText('Extended until').waitFor();
  // The safe accommodation is part of the person's details.
  await page.getByRole('region', { name: 'The person' }).getByText('Crisis centre (address withheld)').waitFor();

  // The prepared return needs the person's consent to IOM, recorded on the case page.
  await page.getByRole('region', { name: 'Consents' }).getByRole('button', { name: 'Record consent: IOM (return and reintegration)' }).click();
  await events.getByRole('button', { name: 'Prepare return' }).click();
  await page.getByText(/Current stage: .*Prepared return/).waitFor();
  // The recovery period goes on while the return is prepared: its deadline has not vanished.
  expect(await dueOf(page, 'End of the extended period')).toBe(`${day(60)}T00:00:00.000Z`);
  await shot(page, '03-prepared-return-keeps-deadlines');
  await page.close();
});

it('Shelter: leaving the shelter with the long-term plan makes the follow-ups at 1, 3, 6 and 12 months due', async () => {
  const { page } = await openPage(context);
  await signInThroughForm(page, journey.live.baseUrl, 'worker@shelter.demo.test', PASSWORD);
  await openCase(page, 'Vesna (demo)');
  await page.getByText(/Current stage: .*Long-term reintegration plan/).waitFor();
  await page.getByRole('region', { name: 'Next steps' }).getByRole('button', { name: 'Approve reintegration plan' }).click();
  await page.getByText(/Current stage: .*After the shelter/).waitFor();
  const months = [1, 3, 6, 12];
  for (const n of months) {
    const label = `Follow-up ${n} month${n === 1 ? '' : 's'} after leaving: re-trafficking risk check`;
    await page.getByRole('region', { name: 'Deadlines' }).getByText(label).first().waitFor();
  }
  await shot(page, '04-shelter-follow-ups-due');
  await page.close();
});

it('an administrator adds a user to the shelter with one of the shelter’s roles', async () => {
  const { page } = await openPage(context);
  await signInThroughForm(page, journey.live.baseUrl, 'admin@demo.test', PASSWORD);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Marija (shelter night staff)');
  await page.getByLabel('E-mail address').fill('night@shelter.demo.test');
  await page.getByLabel('Role').selectOption({ label: 'shelter-worker (Shelter for victims of trafficking (demo))' });
  await page.getByRole('button', { name: 'Add a user' }).click();
  await page.getByRole('status').getByText('The user was added.').waitFor();
  await page.getByRole('cell', { name: 'night@shelter.demo.test' }).waitFor();
  // No password is chosen for her or sent: she gets a single-use link to set her own.
  const link = await page.getByRole('textbox', { name: 'Invitation link' }).inputValue();
  expect(link).toMatch(/\/set-password#[A-Za-z0-9_-]{40,}$/);
  await shot(page, '05-user-added-to-shelter');
  await page.close();

  const newcomer = await journey.browser.newContext({ locale: 'en-US' });
  const own = await newcomer.newPage();
  await own.goto(link);
  await own.getByRole('heading', { level: 1, name: 'Set your password' }).waitFor();
  await own.getByLabel('New password', { exact: true }).fill('a long night-shift passphrase');
  await own.getByLabel('New password again').fill('a long night-shift passphrase');
  await own.getByRole('button', { name: 'Set password' }).click();
  await own.getByRole('status').getByText('Your password is set. You can sign in now.').waitFor();
  await signInThroughForm(own, journey.live.baseUrl, 'night@shelter.demo.test', 'a long night-shift passphrase');
  // The sign-in page offers the same; the link works only once.
  await own.getByRole('button', { name: 'Sign out', exact: true }).click();
  await own.goto(`${journey.live.baseUrl}/sign-in`);
  await own.getByRole('link', { name: 'Received an invitation link? Set your password' }).click();
  await own.getByLabel('Invitation link').fill(link);
  await own.getByLabel('New password', { exact: true }).fill('another long passphrase here');
  await own.getByLabel('New password again').fill('another long passphrase here');
  await own.getByRole('button', { name: 'Set password' }).click();
  await own.getByRole('alert').getByText(/unknown, was used already or has expired/).waitFor();
  await own.screenshot({ path: path.join(screenshotsDir, 'organisations-06-invitation-used.png'), fullPage: true });
  await newcomer.close();
});
