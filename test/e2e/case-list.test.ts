// Issue 7, the case list in Debian's Chromium: more cases than one page, filtered and searched by the server, paged,
// and exported as CSV with every matching case (not only the page shown) and only the columns the user may read.
import fs from 'node:fs';
import path from 'node:path';
import { cspViolations, openPage, seriousAxeViolations, signInThroughForm } from './client-page';
import { apiAs, PASSWORD, screenshotsDir, useJourney } from './journey-kit';

jest.setTimeout(180_000);

const journey = useJourney('e2e_case_list');

it('pages through more cases than fit on a page, searches and filters on the server, and exports all matching cases', async () => {
  const worker = await apiAs(journey.live.baseUrl, 'worker@helsinki.demo.test');
  for (let batch = 0; batch < 6; batch += 1) {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => worker.post('/api/cases', { alias: `Batch ${batch} person ${i}`, workflowId: 'finland-municipality' })),
    );
  }
  const mine = (await worker.get('/api/cases?assignedToMe=true&pageSize=1')).total as number;
  expect(mine).toBeGreaterThan(50);

  const { page, problems } = await openPage(journey.context);
  await signInThroughForm(page, journey.live.baseUrl, 'worker@helsinki.demo.test', PASSWORD);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  await page.getByRole('status').filter({ hasText: `${mine} cases` }).waitFor();
  const pager = page.getByRole('navigation', { name: 'Pages of the case list' });
  await pager.getByText(`Page 1 of ${Math.ceil(mine / 50)}`).waitFor();
  expect(await page.locator('table.data-table tbody tr').count()).toBe(50);
  await pager.getByRole('button', { name: 'Next' }).click();
  await pager.getByText(`Page 2 of ${Math.ceil(mine / 50)}`).waitFor();
  await page.waitForFunction((expected) => document.querySelectorAll('table.data-table tbody tr').length === expected, Math.min(50, mine - 50));
  await page.screenshot({ path: path.join(screenshotsDir, 'case-list-page-2.png'), fullPage: true });
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The search asks the server (the alias is not among the first page's rows any more) and goes back to page 1.
  await page.getByRole('searchbox', { name: 'Search' }).fill('Batch 3 person 7');
  await page.getByRole('status').filter({ hasText: /^1 case$/ }).waitFor();
  await page.getByRole('cell', { name: 'Batch 3 person 7' }).waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).fill('Batch 3');
  await page.getByRole('status').filter({ hasText: /^10 cases$/ }).waitFor();

  // Sorted by reference, on the screen and in the export: the server sorts, the rows come back in that order.
  const references = () => page.locator('table.data-table tbody tr td:first-child').allInnerTexts();
  const unsorted = await references();
  await page.getByLabel('Sort by').selectOption({ label: 'Reference, A to Z' });
  const ascending = [...unsorted].sort();
  expect(unsorted).not.toEqual(ascending);
  await page.waitForFunction((expected) => [...document.querySelectorAll('table.data-table tbody tr td:first-child')].map((cell) => (cell as HTMLElement).innerText).join() === expected, ascending.join());
  await page.screenshot({ path: path.join(screenshotsDir, 'case-list-sorted-by-reference.png'), fullPage: true });

  // Export: all matching cases as CSV, with a header row, in the order chosen.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as CSV' }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
  expect(csv).toHaveLength(11);
  expect(csv[0]).toContain('Reference');
  expect(csv.slice(1).every((line) => line.includes('Batch 3 person'))).toBe(true);
  expect(csv.slice(1).map((line) => line.split(',')[0]!.replace(/"/g, ''))).toEqual(ascending);

  // A stage filter the server applies: nobody of these is closed.
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.getByLabel('Stage').selectOption({ label: 'Intake and consent' });
  await page.getByRole('status').filter({ hasText: `${mine} cases` }).waitFor();

  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
