import pino from 'pino';
import request from 'supertest';
import { localesDir } from '../../server/src/config/paths';
import { createServerI18n } from '../../server/src/core/i18n/i18n';
import { caseModel } from '../../server/src/modules/cases';
import { loadDemoCases } from '../../server/src/modules/demo';
import { startForms } from '../../server/src/modules/forms';
import { loadTemplateLibrary } from '../../server/src/modules/workflows';
import { createDemoApp, signIn } from '../helpers/demo-app';
import type { TestApp } from '../helpers/test-app';
import { wiredCaseServices } from '../helpers/case-app';

let t: TestApp;
beforeAll(async () => {
  t = await createDemoApp('demo_content');
  await startForms(t.db);
  await loadTemplateLibrary(t.db, { logger: pino({ level: 'silent' }) });
  const services = wiredCaseServices(t.db);
  const deps = { runtime: services.runtime, caseEvents: services.caseEvents, t: createServerI18n(localesDir).instance.getFixedT('en') };
  expect(await loadDemoCases(t.db, deps)).toBe(8);
  // Loading again adds nothing.
  expect(await loadDemoCases(t.db, deps)).toBe(0);
  expect(await caseModel(t.db).countDocuments({})).toBe(8);
}, 300_000);
afterAll(() => t.close());

async function casesOf(email: string, query = '') {
  const { token } = await signIn(t, email);
  const list = await request(t.app).get(`/api/cases?pageSize=100${query}`).set('x-jwt-token', token);
  expect(list.status).toBe(200);
  return { token, items: list.body.items as Array<{ id: string; alias: string; stages: string[]; overdue: boolean }> };
}

describe('demo content', () => {
  it('gives Helsinki an adult referred onwards and a presumed child in the child branch', async () => {
    const { token, items } = await casesOf('worker@helsinki.demo.test');
    expect(items.map((item) => item.alias).sort()).toEqual(['Aino (demo)', 'Lumi (demo)']);
    const child = items.find((item) => item.alias === 'Lumi (demo)')!;
    const detail = await request(t.app).get(`/api/cases/${child.id}`).set('x-jwt-token', token);
    expect(JSON.stringify(detail.body.workflow.activeStages)).toMatch(/child/i);
    const submissions = await request(t.app).get(`/api/submissions?caseId=${child.id}`).set('x-jwt-token', token);
    expect(submissions.body.items.map((item: { formPath: string }) => item.formPath).sort()).toEqual(['consent-information', 'needs-assessment']);
  });

  it('gives the Danish CMM an overdue case and a prepared voluntary return', async () => {
    const overdue = await casesOf('worker@cmm.demo.test', '&overdue=true');
    expect(overdue.items.map((item) => item.alias)).toEqual(['Mira (demo)']);
    const all = await casesOf('worker@cmm.demo.test');
    const returning = all.items.find((item) => item.alias === 'Dora (demo)')!;
    expect(JSON.stringify(returning.stages)).toMatch(/return/i);
  });

  it('gives the Danish CMM an identified person whose reflection period waits for the decision date', async () => {
    const { token, items } = await casesOf('worker@cmm.demo.test');
    const waiting = items.find((item) => item.alias === 'Nadia (demo)')!;
    const detail = await request(t.app).get(`/api/cases/${waiting.id}`).set('x-jwt-token', token);
    expect(detail.body.workflow.activeStages).toContain('recovery/period/notStarted');
    expect(detail.body.eventOptions).toContainEqual(expect.objectContaining({ type: 'reflectionPeriodStarted' }));
  });

  it('gives the shelter staff a person followed up after leaving at 1, 3, 6 and 12 months and one about to leave', async () => {
    const { token, items } = await casesOf('worker@shelter.demo.test');
    expect(items.map((item) => item.alias).sort()).toEqual(['Elena (demo)', 'Vesna (demo)']);
    const left = await request(t.app).get(`/api/cases/${items.find((item) => item.alias === 'Elena (demo)')!.id}`).set('x-jwt-token', token);
    expect(left.body.workflow.activeStages).toContain('afterShelter/followUp/active');
    const followUps = left.body.workflow.deadlines.filter((d: { event?: string }) => d.event === 'followUpDue');
    expect(followUps.map((d: { deadlineId: string }) => d.deadlineId)).toEqual(['followUp1Month', 'followUp3Months', 'followUp6Months', 'followUp12Months']);
    expect(left.body.plan.services).toMatchObject({ vocationalTraining: 'inProgress' });
    expect(left.body.plan.goals.map((goal: { stop: string }) => goal.stop)).toContain('vocationalTraining');
    const leaving = await request(t.app).get(`/api/cases/${items.find((item) => item.alias === 'Vesna (demo)')!.id}`).set('x-jwt-token', token);
    expect(leaving.body.workflow.activeStages).toContain('exitPlanning');
  });

  it('gives IOM a person received at home, with a reintegration grant and an increase waiting for a second person', async () => {
    const { token, items } = await casesOf('caseworker@iom.demo.test');
    expect(items.map((item) => item.alias)).toEqual(['Ilona (demo)']);
    const detail = await request(t.app).get(`/api/cases/${items[0]!.id}`).set('x-jwt-token', token);
    expect(detail.body.workflow.activeStages).toContain('reintegration');
    const grant = await request(t.app).get(`/api/cases/${items[0]!.id}/grant`).set('x-jwt-token', token);
    // In minor units: CHF 1,500 granted, HUF 249,000 paid (CHF 600 at the demo rate of 415), CHF 400 asked for.
    expect(grant.body.grant).toMatchObject({
      country: 'hu', currency: 'CHF', localCurrency: 'HUF', totals: { granted: 150_000, disbursed: 60_000, increasePending: 40_000, remaining: 90_000 },
      paidLocal: [{ currency: 'HUF', minor: 24_900_000 }],
    });
    expect(grant.body.grant.increases[0]).toMatchObject({ status: 'pending', requestedBy: { name: 'Demo IOM Caseworker' } });
  });

  it('contains no real contact data', async () => {
    const cases = await caseModel(t.db).find().lean();
    expect(JSON.stringify(cases)).not.toMatch(/@(?!demo\.test)[a-z0-9-]+\.[a-z]{2,}/i);
  });
});
