// Issue 13 in the browser: Helsinki's organisation administrator (admin@helsinki.demo.test) tries to give her own
// role the power to read every case file, and to make a new colleague a caseworker, which is more than she holds.
// Both are refused in words on the page and change nothing; a role within her powers can be given.
import path from 'node:path';
import { openPage, signInThroughForm } from './client-page';
import { PASSWORD, screenshotsDir, useJourney } from './journey-kit';

jest.setTimeout(180_000);

const journey = useJourney('e2e_admin_boundary');

it('an organisation administrator cannot widen her own role or hand out more than she holds', async () => {
  const { page, problems } = await openPage(journey.context, [
    { status: 403, url: /\/api\/roles\/[0-9a-f]{24}$/ },
    { status: 403, url: /\/api\/users$/ },
  ]);
  await signInThroughForm(page, journey.live.baseUrl, 'admin@helsinki.demo.test', PASSWORD);

  await page.getByRole('link', { name: 'Roles' }).click();
  await page.getByRole('heading', { level: 1, name: 'Roles' }).waitFor();
  const own = page.locator('details', { has: page.locator('summary', { hasText: '(org-admin)' }) });
  await expect(own.locator('summary').innerText()).resolves.toContain('This organisation and those below it');
  await own.locator('summary').click();
  const editor = own.getByLabel('Rules (JSON)');
  const rules = JSON.parse(await editor.inputValue()) as unknown[];
  await editor.fill(JSON.stringify([...rules, { action: 'read', subject: 'Case' }], null, 2));
  await own.getByRole('button', { name: 'Save' }).click();
  const refusal = own.getByRole('alert');
  await refusal.waitFor();
  await expect(refusal.innerText()).resolves.toContain(`rules[${rules.length}]`);
  await expect(refusal.locator('li').allInnerTexts()).resolves.toEqual([`rules[${rules.length}] You do not hold this yourself, so you cannot give it: see: case files`]);
  await page.screenshot({ path: path.join(screenshotsDir, 'admin-boundary-1-own-role-refused.png'), fullPage: true });

  // Nothing changed: after a reload the role still has its rules.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Roles' }).waitFor();
  await own.locator('summary').click();
  expect(JSON.parse(await own.getByLabel('Rules (JSON)').inputValue())).toHaveLength(rules.length);

  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  await page.getByLabel('Name').fill('New Colleague');
  await page.getByLabel('E-mail address').fill('new.colleague@helsinki.demo.test');
  // The roles are grouped by organisation, each option naming its organisation: Helsinki's own are picked.
  const helsinkiRole = async (role: string) =>
    (await page.getByLabel('Role').locator('option').filter({ hasText: new RegExp(`^${role}\\b.*Helsinki`, 'i') }).first().getAttribute('value'))!;
  await page.getByLabel('Role').selectOption(await helsinkiRole('caseworker'));
  await page.getByRole('button', { name: 'Add a user' }).click();
  await page.getByText('This role would give permissions you do not hold yourself').waitFor();
  await page.screenshot({ path: path.join(screenshotsDir, 'admin-boundary-2-caseworker-refused.png'), fullPage: true });
  await expect(page.getByRole('cell', { name: 'new.colleague@helsinki.demo.test' }).count()).resolves.toBe(0);

  await page.getByLabel('Role').selectOption(await helsinkiRole('form-designer'));
  await page.getByRole('button', { name: 'Add a user' }).click();
  await page.getByText('The user was added.').waitFor();
  await page.getByRole('cell', { name: 'new.colleague@helsinki.demo.test' }).waitFor();
  await page.screenshot({ path: path.join(screenshotsDir, 'admin-boundary-3-designer-added.png'), fullPage: true });
  expect(problems).toEqual([]);
});
