// Issue 7, the municipal administrator's journey in Debian's Chromium against the real app: an administrator who may
// clone workflows (admin@demo.test, acting in fi-nas) clones the finland-municipality template, opens the clone in
// the visual editor, changes a deadline in the stage's side panel and one inside a parallel track, publishes, and the
// published version carries both.
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { cspViolations, openPage, seriousAxeViolations, signInThroughForm } from './client-page';
import { apiAs, PASSWORD, screenshotsDir, useJourney } from './journey-kit';

jest.setTimeout(180_000);

// With the demo cases as the server loads them on its first start: Helsinki's two run on the national template.
const journey = useJourney('e2e_admin_workflow_journey', { demoCases: true });

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
  await panel.getByRole('heading', { name: 'Stage “Intake and consent”' }).waitFor();
  expect(await graph.getByRole('button', { name: /Intake and consent/ }).getAttribute('aria-pressed')).toBe('true');

  // The assistance stage lies beyond the part of the graph in view: keyboard focus brings it into view and Enter
  // selects it. Its deadline "reflectionPeriod" runs for the jurisdiction's parameter; the municipality sets a fixed
  // 120 days instead.
  const assistance = graph.getByRole('button', { name: /Assistance and services/ });
  await assistance.focus();
  await assistance.press('Enter');
  await panel.getByRole('heading', { name: 'Stage “Assistance and services”' }).waitFor();
  await page.screenshot({ path: path.join(screenshotsDir, 'journey-admin-workflow-stage-selected.png'), fullPage: true });
  // The deadline is named, and its duration read in words: the jurisdiction's setting, replaced by 120 days.
  const deadline = panel.getByRole('group', { name: 'End of the reflection period' });
  expect(await deadline.getByLabel('Unit').inputValue()).toBe('parameter');
  await deadline.getByText('Falls due after the jurisdiction\'s setting “End of the reflection period”.').waitFor();
  await deadline.getByLabel('Unit').selectOption({ label: 'days' });
  await deadline.getByLabel('Number').fill('120');
  await deadline.getByText('Falls due after 120 days.').waitFor();
  await page.getByText('unsaved changes').waitFor();
  // A deadline deep inside a parallel track: the NAS statement awaited for a reimbursement claim, 14 → 21 days.
  const stageSummary = (stagePath: string) => panel.locator('summary').filter({ has: page.locator('code').getByText(stagePath, { exact: true }) });
  await expect(stageSummary('assistance/reimbursement').textContent()).resolves.toContain('Reimbursement from the State (ELY Centre)');
  await stageSummary('assistance/reimbursement').click();
  await stageSummary('assistance/reimbursement/awaitingNasStatement').click();
  const nested = panel.getByRole('group', { name: 'NAS statement reminder' });
  expect(await nested.getByLabel('Number').inputValue()).toBe('14');
  expect(await nested.getByLabel('Unit').inputValue()).toBe('days');
  await nested.getByLabel('Number').fill('21');
  await nested.getByText('Falls due after 21 days.').waitFor();
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

// Issue 17 §6, a municipality's administrator (admin@helsinki.demo.test, who reads no case files) adapts the national
// template without code, sees the difference to it, publishes, takes over the municipality's running cases from the
// template after a dry run, and reads by name in the audit log what was done. Through the UI only.
it('lets a municipal administrator adapt the national template, take over its running cases and read the log by name', async () => {
  // A browser of her own: the shared context is still signed in as the platform administrator of the test above.
  const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const { page, problems } = await openPage(context);
  // The page grows long below the graph (the form bindings): what is below is shot as it is in view.
  const shot = (name: string, fullPage = true) => page.screenshot({ path: path.join(screenshotsDir, `municipal-admin-${name}.png`), fullPage });
  await signInThroughForm(page, journey.live.baseUrl, 'admin@helsinki.demo.test', PASSWORD);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Workflows', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Workflows' }).waitFor();
  await shot('01-workflows');
  await page.getByRole('button', { name: 'Use the template Finland: municipal assistance' }).click();
  await page.waitForURL(/\/workflows\/[0-9a-f]{24}$/);
  await page.getByText('Not published yet; draft revision 0').waitFor();
  const graph = page.locator('.stage-graph');
  const panel = page.getByRole('complementary');
  await shot('02-clone');

  // A longer deadline: the municipality gives 120 days of reflection instead of the jurisdiction's setting, as a
  // number and a unit. A number that is none is refused at its field, with the message, and nothing is saved.
  await graph.getByRole('button', { name: /Assistance and services/ }).focus();
  await graph.getByRole('button', { name: /Assistance and services/ }).press('Enter');
  await panel.getByRole('heading', { name: 'Stage “Assistance and services”' }).waitFor();
  const reflection = panel.getByRole('group', { name: 'End of the reflection period' });
  await reflection.getByText('Falls due after the jurisdiction\'s setting “End of the reflection period”.').waitFor();
  await reflection.getByLabel('Unit').selectOption({ label: 'days' });
  await reflection.getByLabel('Number').fill('-5');
  await reflection.getByText('Enter a whole number, 0 or more.').waitFor();
  expect(await reflection.getByLabel('Number').getAttribute('aria-invalid')).toBe('true');
  const centre = (locator: Locator) => locator.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await centre(reflection);
  await shot('03a-deadline-refused', false);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Some values are not valid, so nothing was saved.' }).waitFor();
  await reflection.getByLabel('Number').fill('120');
  await reflection.getByText('Falls due after 120 days.').waitFor();
  expect(await reflection.getByLabel('Number').getAttribute('aria-invalid')).toBeNull();
  await centre(reflection);
  await shot('03b-deadline-in-words', false);

  // A required form more: the referral to the NAS also asks for the plan of assistance, picked by its title.
  await graph.getByRole('button', { name: /Referral to the National Assistance System/ }).focus();
  await graph.getByRole('button', { name: /Referral to the National Assistance System/ }).press('Enter');
  await panel.getByRole('heading', { name: 'Stage “Referral to the National Assistance System”' }).waitFor();
  const requiredForms = panel.getByRole('group', { name: 'Required forms' }).first();
  expect(await requiredForms.getByRole('checkbox', { name: /^Safety plan and risk assessment/ }).isChecked()).toBe(true);
  await requiredForms.getByRole('checkbox', { name: /^Plan of assistance/ }).check();
  await requiredForms.getByText('2 forms chosen.').waitFor();
  await centre(requiredForms);
  await shot('03c-required-forms', false);

  // A step of its own: legal counselling, named for the people who will see it (in English and in Finnish),
  // reached from the referral and leading back to it.
  const addStage = page.getByRole('form', { name: 'Add a stage' });
  await addStage.getByLabel('Id').fill('legalCounselling');
  await addStage.getByLabel('Name').fill('Legal counselling');
  await addStage.getByRole('button', { name: 'Add a stage' }).click();
  await panel.getByRole('heading', { name: 'Stage “Legal counselling”' }).waitFor();
  await graph.getByRole('button', { name: /Legal counselling/ }).waitFor({ state: 'attached' });
  const names = panel.getByRole('group', { name: 'Name of the stage' });
  expect(await names.getByLabel('Name in English').inputValue()).toBe('Legal counselling');
  await names.getByText('Name in the other languages').click();
  await names.getByLabel('Name in Finnish').fill('Oikeudellinen neuvonta');
  await centre(names);
  await shot('03d-stage-named', false);
  const addOut = panel.getByRole('form', { name: 'Add a transition' }).first();
  await addOut.getByLabel('Event name').fill('counsellingGiven');
  await addOut.getByLabel('Leads to').selectOption({ label: 'Referral to the National Assistance System (nasReferral)' });
  await addOut.getByRole('button', { name: 'Add a transition' }).click();
  await graph.getByRole('button', { name: /Referral to the National Assistance System/ }).focus();
  await graph.getByRole('button', { name: /Referral to the National Assistance System/ }).press('Enter');
  await panel.getByRole('heading', { name: 'Stage “Referral to the National Assistance System”' }).waitFor();
  const addIn = panel.getByRole('form', { name: 'Add a transition' }).first();
  await addIn.getByLabel('Event name').fill('counsellingNeeded');
  await addIn.getByLabel('Leads to').selectOption({ label: 'Legal counselling (legalCounselling)' });
  await addIn.getByRole('button', { name: 'Add a transition' }).click();
  // The child welfare branch may ask for counselling too (it requires no form of its own, so a case there can go now).
  await graph.getByRole('button', { name: /Child welfare/ }).focus();
  await graph.getByRole('button', { name: /Child welfare/ }).press('Enter');
  await panel.getByRole('heading', { name: 'Stage “Child welfare”' }).waitFor();
  const addFromChild = panel.getByRole('form', { name: 'Add a transition' }).first();
  await addFromChild.getByLabel('Event name').fill('counsellingNeeded');
  await addFromChild.getByLabel('Leads to').selectOption({ label: 'Legal counselling (legalCounselling)' });
  await addFromChild.getByRole('button', { name: 'Add a transition' }).click();
  await shot('03-adapted');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Draft saved.' }).waitFor();
  await page.getByRole('button', { name: 'Difference to the template' }).click();
  const diff = page.getByRole('region', { name: 'Difference to the template' });
  // Each change in words, with the value before and after: no JSON paths.
  await diff.getByText('Stage “Legal counselling” added').waitFor();
  // The difference appears at the foot of a long page: it is brought into view and focused, not left unseen below.
  await page.waitForFunction(() => document.activeElement?.id === 'diff-title');
  await shot('04-difference', false);
  const changes = (await diff.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  // (The words "before:" and "now:" are for screen readers, which skip the arrow.)
  expect(changes).toContain('changed Deadline “End of the reflection period” in “Assistance and services”: before: the jurisdiction\'s setting “End of the reflection period” → now: 120 days');
  expect(changes).toContain('added “Referral to the National Assistance System” requires the form “Plan of assistance”');
  expect(changes).toContain('added New in “Referral to the National Assistance System”: transition “counsellingNeeded”: now: leads to Legal counselling');
  expect(changes.join('\n')).not.toMatch(/\/stages\//);

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Published as version 1.' }).waitFor();
  await shot('05-published');

  // The municipality's two demo cases run on the national template: the dry run says they can move, then they do.
  await page.getByRole('button', { name: 'Migrate cases (dry run)' }).click();
  const results = page.getByRole('region', { name: /Dry run: moving cases to version 1/ });
  await results.waitFor();
  await shot('06-dry-run', false);
  await results.getByRole('status').filter({ hasText: '2 cases can move to version 1.' }).waitFor();
  await results.getByRole('button', { name: 'Move 2 cases to version 1' }).click();
  const done = page.getByRole('region', { name: 'Cases moved to version 1' });
  await done.getByRole('status').filter({ hasText: '2 cases moved to version 1.' }).waitFor();
  await shot('07-moved', false);

  // A Helsinki caseworker moves Lumi's case, in the child welfare branch, into the new stage through the case page;
  // then the case page, the case list (its stage column and the stage filter's choices) and the dashboard's counts
  // name it as the administrator did, never by its id.
  const workerContext = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const { page: worker, problems: workerProblems } = await openPage(workerContext);
  const workerShot = (name: string) => worker.screenshot({ path: path.join(screenshotsDir, `municipal-admin-${name}.png`), fullPage: true });
  await signInThroughForm(worker, journey.live.baseUrl, 'worker@helsinki.demo.test', PASSWORD);
  const workerNav = worker.getByRole('navigation', { name: 'Main navigation' });
  await workerNav.getByRole('link', { name: 'Cases', exact: true }).click();
  await worker.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  await worker.getByRole('row').filter({ hasText: 'Lumi (demo)' }).getByRole('link').click();
  await worker.getByText(/^Current stage: .*Child welfare/).waitFor();
  await worker.getByRole('region', { name: 'Next steps' }).getByRole('button', { name: 'counsellingNeeded' }).click();
  await worker.getByText('Current stage: Legal counselling').waitFor();
  await workerShot('07a-case-in-new-stage');
  await workerNav.getByRole('link', { name: 'Cases', exact: true }).click();
  const lumi = worker.getByRole('row').filter({ hasText: 'Lumi (demo)' });
  await lumi.getByRole('cell', { name: 'Legal counselling', exact: true }).waitFor();
  const stageFilter = worker.getByRole('search').getByLabel('Stage');
  await stageFilter.locator('option', { hasText: 'Legal counselling' }).waitFor({ state: 'attached' });
  expect(await stageFilter.locator('option').allInnerTexts()).not.toContain('legalCounselling');
  await stageFilter.selectOption({ label: 'Legal counselling' });
  await worker.getByRole('status').filter({ hasText: /^1 case$/ }).waitFor();
  await workerShot('07b-case-list-new-stage');
  await workerNav.getByRole('link', { name: 'Dashboard', exact: true }).click();
  const perStage = worker.getByRole('figure').filter({ hasText: 'Cases per stage' });
  await perStage.locator('.chart-label', { hasText: 'Legal counselling' }).waitFor();
  await expect(perStage.textContent()).resolves.not.toContain('legalCounselling');
  await workerShot('07c-dashboard-new-stage');
  expect(await cspViolations(worker)).toEqual([]);
  expect(workerProblems).toEqual([]);
  await workerContext.close();

  // The audit log names who did what to which workflow; the cases, whose files the administrator may not read, are
  // withheld, not shown by id.
  await nav.getByRole('link', { name: 'Audit log', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  // The actions in words, translated.
  const rows = page.getByRole('row');
  for (const action of ['Copied from a template', 'Changed', 'Published', 'Moved cases to a new version']) {
    const row = rows.filter({ has: page.getByRole('cell', { name: action, exact: true }) }).first();
    await expect(row.textContent()).resolves.toMatch(/Workflow.*Finland: municipal assistance.*Demo Administrator Helsinki/s);
  }
  const caseRow = rows.filter({ has: page.getByRole('cell', { name: 'Case', exact: true }) }).first();
  await expect(caseRow.textContent()).resolves.toContain('Withheld');
  await expect(page.locator('table').textContent()).resolves.not.toMatch(/[0-9a-f]{24}/);
  await expect(page.locator('tbody').textContent()).resolves.not.toMatch(/\b(clone|publish|migrate)\b/);
  await shot('08-audit-log');
  // The filters are choices from what exists: the actions in words, the people, the periods.
  const filters = page.getByRole('search');
  await filters.getByLabel('Action').selectOption({ label: 'Published' });
  await filters.getByLabel('Person').selectOption({ label: 'Demo Administrator Helsinki (admin@helsinki.demo.test)' });
  await filters.getByLabel('Period').selectOption({ label: 'Today' });
  await page.getByRole('status').filter({ hasText: /^1–1 of 1$/ }).waitFor();
  expect(await page.locator('tbody tr td:nth-child(2)').allInnerTexts()).toEqual(['Published']);
  await shot('09-audit-log-filtered');
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});
