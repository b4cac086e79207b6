// Issue 7, the municipal administrator's journey in Debian's Chromium against the real app: an administrator who may
// clone workflows (admin@demo.test, acting in fi-nas) clones the finland-municipality template, opens the clone in
// the visual editor, changes a deadline in the stage's side panel and one inside a parallel track, publishes, and the
// published version carries both.
import path from 'node:path';
import { cspViolations, openPage, seriousAxeViolations, signInThroughForm } from './client-page';
import { apiAs, PASSWORD, screenshotsDir, useJourney } from './journey-kit';

jest.setTimeout(180_000);

const journey = useJourney('e2e_admin_workflow_journey');

it('clones a workflow template, changes a deadline in the editor and publishes it', async () => {
  const { page, problems } = await openPage(journey.context);
  await signInThroughForm(page, journey.live.baseUrl, 'admin@demo.test', PASSWORD);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Workflows', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Workflows' }).waitFor();
  const templateTitle = 'Finland: municipal assistance';
  const clone = page.getByRole('button', { name: `Use the template ${templateTitle}` });
  await clone.click();

  // The editor: the graph of stages, the draft not yet published.
  await page.waitForURL(/\/workflows\/[0-9a-f]{24}$/);
  const workflowId = page.url().split('/').at(-1)!;
  await page.getByText('Not published yet; draft revision 0').waitFor();
  const graph = page.locator('.stage-graph');
  await graph.waitFor();
  await page.screenshot({ path: path.join(screenshotsDir, 'journey-admin-workflow-editor.png'), fullPage: true });
  expect(await seriousAxeViolations(page)).toEqual([]);

  // A stage in view is selected by a click and opens its side panel.
  await graph.getByRole('button', { name: /Intake and consent/ }).click();
  const panel = page.getByRole('complementary');
  await panel.getByRole('heading', { name: 'Stage intake' }).waitFor();
  expect(await graph.getByRole('button', { name: /Intake and consent/ }).getAttribute('aria-pressed')).toBe('true');

  // The assistance stage lies beyond the part of the graph in view: keyboard focus brings it into view and Enter
  // selects it. Its deadline "reflectionPeriod" runs for the jurisdiction's parameter; the municipality sets a fixed
  // 120 days instead.
  const assistance = graph.getByRole('button', { name: /Assistance and services/ });
  await assistance.focus();
  await assistance.press('Enter');
  await panel.getByRole('heading', { name: 'Stage assistance' }).waitFor();
  await page.screenshot({ path: path.join(screenshotsDir, 'journey-admin-workflow-stage-selected.png'), fullPage: true });
  const deadline = panel.getByLabel('reflectionPeriod');
  expect(await deadline.inputValue()).toBe('@reflectionPeriod');
  await deadline.fill('P120D');
  await page.getByText('unsaved changes').waitFor();
  // A deadline deep inside a parallel track: the NAS statement awaited for a reimbursement claim, 14 → 21 days.
  const stageSummary = (stagePath: string) => panel.locator('summary').filter({ has: page.locator('code').getByText(stagePath, { exact: true }) });
  await expect(stageSummary('assistance/reimbursement').textContent()).resolves.toContain('Reimbursement from the State (ELY Centre)');
  await stageSummary('assistance/reimbursement').click();
  await stageSummary('assistance/reimbursement/awaitingNasStatement').click();
  const nested = panel.getByLabel('nasStatement');
  expect(await nested.inputValue()).toBe('P14D');
  await nested.fill('P21D');
  // Roles of the stage: the case owner contributes while the NAS statement is awaited.
  const track = stageSummary('assistance/reimbursement/awaitingNasStatement').locator('xpath=..');
  await track.getByLabel('Add a role').fill('caseOwner');
  await track.getByLabel('Duty of the new role').selectOption('contributes');
  await track.getByRole('button', { name: 'Add', exact: true }).click();
  await track.getByLabel('Case owner', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Published as version 1.' }).waitFor();
  await page.getByText(/^Published version 1; draft revision \d+/).waitFor();
  await page.screenshot({ path: path.join(screenshotsDir, 'journey-admin-workflow-published.png'), fullPage: true });

  // What the server holds: version 1 with the new deadline, remembering its upstream template.
  const admin = await apiAs(journey.live.baseUrl, 'admin@demo.test');
  const published = await admin.get(`/api/workflows/${workflowId}/versions/1`);
  const reflection = published.definition.stages.assistance.deadlines.find((d: { id: string }) => d.id === 'reflectionPeriod');
  expect(reflection.after).toBe('P120D');
  const nasStatement = published.definition.stages.assistance.regions.reimbursement.stages.awaitingNasStatement.deadlines[0];
  expect(nasStatement).toMatchObject({ id: 'nasStatement', after: 'P21D' });
  expect(published.definition.stages.assistance.regions.reimbursement.stages.awaitingNasStatement.roles).toContainEqual({ role: 'caseOwner', duty: 'contributes' });
  expect(published.definition.upstream).toMatchObject({ id: 'finland-municipality' });
  const record = await admin.get(`/api/workflows/${workflowId}`);
  expect(record.latestVersion).toBe(1);

  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
