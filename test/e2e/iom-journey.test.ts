// Issue 17, the IOM journey in Debian's Chromium against the real app, through the UI only: nothing is prepared
// through the API; the people start from the demo data as a new installation has it. The IOM caseworker keeps the
// in-kind reintegration grant of a person received at home (seed 003: CHF 1,500 per beneficiary from the programme's
// parameters), records what was given against the reintegration plan and asks for an increase; the increase waits
// for a second person (four eyes), who approves it; the totals follow.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { localesDir } from '../../server/src/config/paths';
import { createServerI18n } from '../../server/src/core/i18n/i18n';
import { createCaseServices } from '../../server/src/modules/cases';
import { loadDemoCases } from '../../server/src/modules/demo';
import { openPage, signInThroughForm } from './client-page';
import { PASSWORD, screenshotsDir, useJourney } from './journey-kit';

jest.setTimeout(240_000);

const journey = useJourney('e2e_iom_journey');
// The demo cases, as the server loads them on its first start (main.ts): the people start from there.
beforeAll(async () => {
  const services = createCaseServices(journey.live.db);
  await loadDemoCases(journey.live.db, { runtime: services.runtime, caseEvents: services.caseEvents, t: createServerI18n(localesDir).instance.getFixedT('en') });
}, 240_000);

/** Each person in a browser of their own. */
let context: BrowserContext;
beforeEach(async () => {
  context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
});
afterEach(() => context.close());
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `iom-${name}.png`), fullPage: true });
/** The grant panel alone, readable at a glance. */
const grantShot = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Reintegration grant' }).screenshot({ path: path.join(screenshotsDir, `iom-${name}-grant.png`) });

async function openCase(page: Page, alias: string) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  await page.getByRole('radio', { name: 'All cases I may see' }).check();
  await page.getByRole('row', { name: new RegExp(alias.replace(/[()]/g, '\\$&')) }).getByRole('link').first().click();
  await page.getByRole('heading', { level: 1, name: /^Case / }).waitFor();
}

/** The value the grant's totals show for a label ("Remaining" → "CHF 650.00"), once it is shown. */
async function total(page: Page, label: string): Promise<string> {
  const totals = page.getByRole('region', { name: 'Reintegration grant' }).locator('dl.grant-totals');
  const value = totals.locator('dt', { hasText: new RegExp(`^${label}`) }).locator('xpath=following-sibling::dd[1]');
  return (await value.innerText()).replace(/\s/g, ' ');
}

/** Waits until the totals show `expected` for `label` (the page updates when the server has answered). */
async function expectTotal(page: Page, label: string, expected: string): Promise<void> {
  const shown = await page
    .waitForFunction(
      ([name, value]) => {
        const terms = [...document.querySelectorAll('dl.grant-totals dt')].filter((dt) => dt.textContent?.startsWith(name));
        return terms.some((dt) => dt.nextElementSibling?.textContent?.replace(/\s/g, ' ') === value);
      },
      [label, expected] as const,
      { timeout: 10_000 },
    )
    .then(() => expected, () => total(page, label));
  expect(`${label}: ${shown}`).toBe(`${label}: ${expected}`);
}

it('IOM records a disbursement and an increase of the reintegration grant; a second person approves the increase', async () => {
  const { page } = await openPage(context, [{ status: 400, url: /\/grant\/disbursements$/ }]);
  await signInThroughForm(page, journey.live.baseUrl, 'caseworker@iom.demo.test', PASSWORD);
  await openCase(page, 'Ilona (demo)');
  const grant = page.getByRole('region', { name: 'Reintegration grant' });
  await grant.getByText('Hungary').waitFor();
  await expectTotal(page, 'Granted', 'CHF 1,500.00');
  await expectTotal(page, 'Disbursed', 'CHF 600.00');
  // The increase she asked for herself waits for someone else.
  await grant.getByText('Another person decides on this increase (four eyes).').waitFor();
  await expect(grant.getByRole('button', { name: /^Approve the increase/ }).count()).resolves.toBe(0);
  await grant.scrollIntoViewIfNeeded();
  await shot(page, '01-grant-as-the-requester');
  await grantShot(page, '01');

  // A negative amount is refused next to the field, and nothing is recorded.
  const disburse = grant.getByRole('form', { name: 'Record a disbursement' });
  await disburse.getByLabel('Amount').fill('-50');
  await disburse.getByLabel('What for').fill('Bus pass to the training centre');
  await disburse.getByRole('button', { name: 'Record disbursement' }).click();
  await disburse.getByText('Enter an amount above zero with at most two decimals.').waitFor();
  await grantShot(page, '02-negative-amount-refused');
  await expectTotal(page, 'Disbursed', 'CHF 600.00');

  // Recorded against the reintegration plan: the totals follow.
  await disburse.getByLabel('Amount').fill('250');
  await disburse.getByRole('button', { name: 'Record disbursement' }).click();
  await grant.getByRole('cell', { name: 'Bus pass to the training centre' }).waitFor();
  await expectTotal(page, 'Disbursed', 'CHF 850.00');
  await expectTotal(page, 'Remaining', 'CHF 650.00');

  const increase = grant.getByRole('form', { name: 'Ask for an increase' });
  await increase.getByLabel('Amount').fill('300');
  await increase.getByLabel(/^Reason/).fill('Vocational course fee in the reintegration plan, recommended by the service provider');
  await increase.getByRole('button', { name: 'Ask for the increase' }).click();
  await grant.getByText('Vocational course fee in the reintegration plan, recommended by the service provider').waitFor();
  await grantShot(page, '03-disbursed-and-increase-asked');
  await expectTotal(page, 'Increases awaiting a decision', 'CHF 700.00');
  await page.close();

  // A second IOM caseworker decides: she may approve what she did not ask for.
  const reviewerContext = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const { page: reviewer } = await openPage(reviewerContext);
  await signInThroughForm(reviewer, journey.live.baseUrl, 'reviewer@iom.demo.test', PASSWORD);
  await openCase(reviewer, 'Ilona (demo)');
  const reviewed = reviewer.getByRole('region', { name: 'Reintegration grant' });
  await reviewed.getByRole('button', { name: /^Approve the increase of CHF\s300\.00$/ }).click();
  await reviewed.getByText(/approved by Demo IOM Grant Reviewer/).waitFor();
  await expectTotal(reviewer, 'Increases approved', 'CHF 300.00');
  await expectTotal(reviewer, 'Remaining', 'CHF 950.00');
  await reviewed.scrollIntoViewIfNeeded();
  await grantShot(reviewer, '04-increase-approved-by-a-second-person');
  await reviewerContext.close();
});
