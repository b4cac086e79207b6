// Issue 17, the Denmark -> IOM journey in Debian's Chromium against the real app, through the UI only: nothing is
// prepared through the API; the people start from the demo data as a new installation has it. The Danish CMM
// coordinator starts the reflection period with the decision's date, grants an extension with its own date, records
// the person's consent to IOM, prepares the return, which refers the case to IOM Bulgaria, and fills in the return
// form with Hungary as the country of return. IOM's data administrator enters the programme's forint rate with the
// day it applies from. The IOM caseworker accepts the referral in her inbox and opens the in-kind reintegration grant
// under the programme of the case's own country of return (seed 003: Hungary, CHF 1,500 per beneficiary, from the
// programme's parameters), records a disbursement paid in forints (converted to CHF at that rate) and asks for an
// increase, which waits for a second person (four eyes); the reviewer approves it and the totals follow.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { cspViolations, openPage, signInThroughForm } from './client-page';
import { PASSWORD, screenshotsDir, setField, submitCaseForm, useJourney } from './journey-kit';

jest.setTimeout(240_000);

// With the demo cases, as the server loads them on its first start (main.ts): the people start from there.
const journey = useJourney('e2e_iom_journey', { demoCases: true });

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

/** The return form as the Danish coordinator fills it in before departure: Hungary is the country of return. */
const returnForm = (today: string): Array<[string, unknown]> => [
  ['voluntaryWish', 'yes'], ['wishAskedInPrivate', true], ['hostCountry', 'dk'], ['returnCountry', 'hu'], ['isChildReturn', 'no'],
  ['preDepartureAssessmentDate', today],
  ...['pdRiskExploitersInHomeArea', 'pdRiskFamilyInvolved', 'pdRiskDebt', 'pdRiskStigma', 'pdRiskNoSafeHousing', 'pdRiskNoIncome', 'pdRiskHealthCare', 'pdRiskWitness']
    .map((key): [string, unknown] => [key, 'no']),
  ['returnDecision', 'proceed'], ['travelDocumentStatus', 'valid'], ['receptionPartner', 'IOM Hungary and a partner NGO'], ['arrivalConfirmed', 'not-yet'],
  ['grantType', 'in-kind'], ['grantCurrency', 'chf'], ['grantAmount', 1500],
  ['monitoring1MonthStatus', 'not-due'], ['monitoring3MonthsStatus', 'not-due'], ['monitoring6MonthsStatus', 'not-due'],
];

const submitForm = (page: Page, formPath: string) => submitCaseForm(page, formPath, (name) => shot(page, name));

const CMM = 'Centre against Human Trafficking (demo)';
const IOM = 'IOM Bulgaria, return and reintegration (demo)';
/** A calendar day `days` from today (UTC), as a date field takes it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
let reference = '';

it('Denmark: reflection period, extension, consent to IOM and a prepared return that refers the case to IOM', async () => {
  const { page, problems } = await openPage(context);
  await signInThroughForm(page, journey.live.baseUrl, 'worker@cmm.demo.test', PASSWORD);
  await openCase(page, 'Nadia (demo)');
  // The heading names the case by its reference once the case has loaded.
  const heading = page.getByRole('heading', { level: 1, name: /^Case [A-Z]+-\d{4}-\d+$/ });
  reference = (await heading.textContent())!.replace(/^Case /, '');
  const events = page.getByRole('region', { name: 'Next steps' });
  const deadlines = page.getByRole('region', { name: 'Deadlines' });

  await events.getByLabel('Date of the decision').fill(day(-2));
  await events.getByRole('button', { name: 'Start the reflection period' }).click();
  await deadlines.getByText('End of the reflection period').waitFor();
  await shot(page, '01-reflection-period');
  await events.getByLabel('Extended until').fill(day(60));
  await events.getByRole('button', { name: 'Extension granted' }).click();
  await deadlines.getByText('End of the extended period').waitFor();
  await shot(page, '02-extension');

  // The prepared return refers the case to IOM, resting on the person's consent to IOM.
  await page.getByRole('region', { name: 'Consents' }).getByRole('button', { name: 'Record consent: IOM (return and reintegration)' }).click();
  await page.getByRole('region', { name: 'Consents' }).getByRole('button', { name: 'Withdraw consent: IOM (return and reintegration)' }).waitFor();
  await events.getByRole('button', { name: 'Prepare return' }).click();
  await page.getByText(/Current stage: .*Prepared return/).waitFor();
  await deadlines.getByText('End of the extended period').waitFor();
  const sent = page.getByRole('region', { name: 'Referrals' }).getByRole('listitem').filter({ hasText: `Referred to ${IOM}` });
  await sent.getByText(/Waiting for a decision/).waitFor();
  await page.getByRole('region', { name: 'Referrals' }).scrollIntoViewIfNeeded();
  await shot(page, '03-prepared-return-referred-to-iom');

  // The return form records the country of return: the grant will follow it.
  await page.getByRole('region', { name: 'Forms for this stage' }).getByRole('link', { name: 'Return and reintegration' }).first().click();
  for (const [key, value] of returnForm(day(0))) await setField(page, key, value);
  await shot(page, '03b-return-form-hungary');
  await submitForm(page, 'return-reintegration');
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

it("IOM's data administrator enters the programme's forint rate with the day it applies from", async () => {
  const { page, problems } = await openPage(context);
  await signInThroughForm(page, journey.live.baseUrl, 'admin@iom.demo.test', PASSWORD);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Organisations' }).click();
  await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
  await page.locator('details > summary').filter({ hasText: IOM }).click();
  const rates = page.getByRole('region', { name: 'Exchange rates of the return programme' });
  await rates.getByRole('cell', { name: '1 CHF = 415.00 HUF' }).waitFor();
  const add = rates.getByRole('form', { name: 'Add an exchange rate' });
  await add.getByLabel('Currency', { exact: true }).fill('HUF');
  await add.getByLabel('Units of the currency for 1 CHF').fill('0');
  await add.getByLabel('Applies from').fill(day(0));
  await add.getByRole('button', { name: 'Add the rate' }).click();
  await add.getByText('Enter a rate above zero with at most six decimals, such as 415.25.').waitFor();
  await add.getByLabel('Units of the currency for 1 CHF').fill('410.00');
  await add.getByRole('button', { name: 'Add the rate' }).click();
  await rates.getByRole('row', { name: /1 CHF = 410\.00 HUF.*Demo IOM Administrator/ }).waitFor();
  await rates.scrollIntoViewIfNeeded();
  await rates.screenshot({ path: path.join(screenshotsDir, 'iom-04a-exchange-rate-entered.png') });
  expect(problems).toEqual([]);
});

it('IOM accepts the referral in the inbox, opens the grant, records a disbursement and asks for an increase', async () => {
  const { page, problems } = await openPage(context);
  await signInThroughForm(page, journey.live.baseUrl, 'caseworker@iom.demo.test', PASSWORD);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Inbox/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  const referral = page.getByRole('region', { name: 'Referrals to decide' }).getByRole('article', { name: `Referral of case ${reference} from ${CMM}` });
  await referral.getByRole('button', { name: 'Accept' }).waitFor();
  await shot(page, '04-iom-inbox');
  await referral.getByRole('button', { name: 'Accept' }).click();
  await referral.getByText(/^Accepted on/).waitFor();
  await referral.getByRole('link', { name: `Open case ${reference}` }).click();
  await page.getByRole('heading', { level: 1, name: `Case ${reference}` }).waitFor();

  // The grant is opened under the programme of the case's own country of return, as the Danish return form records it.
  const grant = page.getByRole('region', { name: 'Reintegration grant' });
  await grant.getByText('No reintegration grant has been opened for this case yet.').waitFor();
  await grant.getByText("As the case's return form records it.").waitFor();
  await grant.getByText(/^The programme grants CHF\s1,500\.00 per beneficiary\.$/).waitFor();
  await grant.getByText(/^Disbursements are paid in HUF/).waitFor();
  await grantShot(page, '05-open-grant');
  await grant.getByRole('button', { name: 'Open the grant' }).click();
  await expectTotal(page, 'Country of return', 'Hungary');
  await expectTotal(page, 'Granted', 'CHF 1,500.00');
  await expectTotal(page, 'Remaining', 'CHF 1,500.00');

  // A negative amount is refused next to the field, and nothing is recorded.
  const disburse = grant.getByRole('form', { name: 'Record a disbursement' });
  await disburse.getByLabel('Amount').fill('-50');
  await disburse.getByLabel('What for').fill('Travel from the airport to the home town');
  await disburse.getByRole('button', { name: 'Record disbursement' }).click();
  await disburse.getByText('Enter an amount above zero with at most two decimals.').waitFor();
  await grantShot(page, '06-negative-amount-refused');
  await expectTotal(page, 'Disbursed', 'CHF 0.00');

  // Paid in forints, converted at the rate the administrator entered for today: HUF 102,500 is CHF 250.
  expect(await disburse.getByLabel('Currency').inputValue()).toBe('HUF');
  await disburse.getByLabel('Amount').fill('102500');
  await disburse.getByRole('button', { name: 'Record disbursement' }).click();
  const row = grant.getByRole('row', { name: /Travel from the airport to the home town/ });
  await row.getByRole('cell', { name: 'HUF 102,500.00' }).waitFor();
  await row.getByRole('cell', { name: 'CHF 250.00' }).waitFor();
  await row.getByRole('cell', { name: '1 CHF = 410.00 HUF' }).waitFor();
  await expectTotal(page, 'Disbursed', 'CHF 250.00');
  await expectTotal(page, 'Paid in local currency', 'HUF 102,500.00');
  await expectTotal(page, 'Remaining', 'CHF 1,250.00');
  await expectTotal(page, 'Remaining in HUF', 'HUF 512,500.00');

  const increase = grant.getByRole('form', { name: 'Ask for an increase' });
  await increase.getByLabel('Amount').fill('500');
  await increase.getByLabel(/^Reason/).fill('Rent deposit in the reintegration plan, recommended by the service provider');
  await increase.getByRole('button', { name: 'Ask for the increase' }).click();
  await grant.getByText('Rent deposit in the reintegration plan, recommended by the service provider').waitFor();
  await expectTotal(page, 'Increases awaiting a decision', 'CHF 500.00');
  // She asked for it herself: someone else decides.
  await grant.getByText('Another person decides on this increase (four eyes).').waitFor();
  expect(await grant.getByRole('button', { name: /^Approve the increase/ }).count()).toBe(0);
  await grantShot(page, '07-disbursed-and-increase-asked');
  expect(problems).toEqual([]);
});

it('a second IOM caseworker approves the increase; the totals follow', async () => {
  const { page, problems } = await openPage(context);
  await signInThroughForm(page, journey.live.baseUrl, 'reviewer@iom.demo.test', PASSWORD);
  await openCase(page, 'Nadia (demo)');
  const grant = page.getByRole('region', { name: 'Reintegration grant' });
  await grant.getByRole('button', { name: /^Approve the increase of CHF\s500\.00$/ }).click();
  await grant.getByText(/approved by Demo IOM Grant Reviewer/).waitFor();
  await expectTotal(page, 'Increases approved', 'CHF 500.00');
  await expectTotal(page, 'Disbursed', 'CHF 250.00');
  await expectTotal(page, 'Remaining', 'CHF 1,750.00');
  await grantShot(page, '08-increase-approved-by-a-second-person');
  expect(problems).toEqual([]);
});
