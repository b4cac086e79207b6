import type { TFunction } from 'i18next';
import type { Connection } from 'mongoose';
import type { ServiceContext } from '../access';
import type { CreateCaseInput } from '../../contracts/cases/case.schemas';
import {
  fireCaseEvent, type CaseRuntime, type Clock, createCase, updateCase, openGrant, recordDisbursement,
  requestIncrease, caseModel
} from '../cases';
import type { SubmissionCasePort } from '../submissions';
import { createSubmission } from '../submissions';
import { withDemoUser } from './demo-context';
import consentInformation from './demo-submissions/consent-information.json';
import needsAssessment from './demo-submissions/needs-assessment.json';
import returnReintegration from './demo-submissions/return-reintegration.json';
import safetyPlan from './demo-submissions/safety-plan.json';
import planOfAssistance from './demo-submissions/plan-of-assistance.json';

const DAY_MS = 86_400_000;

interface DemoDeps {
  runtime: CaseRuntime;
  caseEvents: SubmissionCasePort;
  t: TFunction;
}

/** A runtime whose clock stands `daysAgo` in the past, so a demo case can have lived through weeks already. */
function runtimeAt(runtime: CaseRuntime, daysAgo: number): CaseRuntime {
  const clock: Clock = { now: () => new Date(runtime.clock.now().getTime() - daysAgo * DAY_MS) };
  return { ...runtime, clock };
}

/** A date `days` after the runtime's now, as a date field holds it: a case's forms may not plan anything before it was opened. */
function inDays(rt: CaseRuntime, days: number): string {
  return new Date(rt.clock.now().getTime() + days * DAY_MS).toISOString().slice(0, 10) + 'T00:00:00.000Z';
}

async function submit(ctx: ServiceContext, deps: DemoDeps, caseId: string, formPath: string, data: Record<string, unknown>) {
  await createSubmission(ctx, { caseEvents: deps.caseEvents }, { path: formPath }, { data, caseId });
}

async function patch(rt: CaseRuntime, ctx: ServiceContext, id: string, change: Record<string, unknown>) {
  const current = await caseModel(ctx.db).findById(id, { version: 1 }).lean();
  await updateCase(rt, ctx, id, { ...change, version: current!.version } as never);
}

async function open(rt: CaseRuntime, ctx: ServiceContext, input: CreateCaseInput): Promise<string> {
  return String(((await createCase(rt, ctx, input)) as { id: string }).id);
}

/**
 * A handful of fictional cases in different stages, so a newcomer sees a living system: an adult referred to the
 * National Assistance System, a presumed child in the child branch, a Danish case with an overdue deadline, and a
 * prepared voluntary return. Loaded once (skipped when the demo organisations already have cases).
 */
export async function loadDemoCases(db: Connection, deps: DemoDeps): Promise<number> {
  if ((await caseModel(db).countDocuments({})) > 0) return 0;
  const { runtime } = deps;

  await withDemoUser(db, deps.t, 'worker@helsinki.demo.test', 'fi-helsinki', async (ctx) => {
    const adult = await open(runtime, ctx, {
      alias: 'Aino (demo)',
      workflowId: 'finland-municipality',
      identity: { estimatedAge: 31, ageUncertain: false, languages: ['en', 'ru'], nationality: 'UA' },
      integration: { legalStatus: 'pending', languageLevel: 'A1' },
    });
    await submit(ctx, deps, adult, 'consent-information', consentInformation);
    await submit(ctx, deps, adult, 'needs-assessment', { ...needsAssessment, nextAppointment: inDays(runtime, 7), ageYears: 31, ageUncertain: false, referralOutcome: 'nas', wishesVoluntaryReturn: 'no' });

    const child = await open(runtime, ctx, {
      alias: 'Lumi (demo)',
      workflowId: 'finland-municipality',
      identity: { estimatedAge: 16, ageUncertain: true, languages: ['vi'] },
    });
    await submit(ctx, deps, child, 'consent-information', consentInformation);
    await submit(ctx, deps, child, 'needs-assessment', { ...needsAssessment, nextAppointment: inDays(runtime, 7), ageYears: 16, ageUncertain: true });
  });

  await withDemoUser(db, deps.t, 'worker@cmm.demo.test', 'dk-cmm', async (ctx) => {
    // Entered the recovery period nine days ago; nobody has been named contact person yet, which was due in two days.
    const past = runtimeAt(runtime, 9);
    const overdue = await open(past, ctx, {
      alias: 'Mira (demo)',
      workflowId: 'denmark-cmm',
      identity: { estimatedAge: 24, ageUncertain: false, languages: ['ro'] },
      dates: { reflectionDecision: new Date(past.clock.now().getTime()).toISOString().slice(0, 10) },
    });
    await submit(ctx, { ...deps, runtime: past }, overdue, 'consent-information', consentInformation);
    await submit(ctx, { ...deps, runtime: past }, overdue, 'needs-assessment', { ...needsAssessment, nextAppointment: inDays(past, 7), ageYears: 24, ageUncertain: false, referralOutcome: 'cmm', wishesVoluntaryReturn: 'undecided' });
    await patch(past, ctx, overdue, { consents: { cmm: { given: true } } });
    await fireCaseEvent(past, ctx, overdue, { type: 'referToCmm', data: {} });
    await fireCaseEvent(past, ctx, overdue, { type: 'identifiedAsVictim', data: {} });

    const returning = await open(runtime, ctx, {
      alias: 'Dora (demo)',
      workflowId: 'denmark-cmm',
      identity: { estimatedAge: 35, ageUncertain: false, languages: ['hu'] },
      dates: { reflectionDecision: new Date(runtime.clock.now().getTime() - 20 * DAY_MS).toISOString().slice(0, 10) },
    });
    await submit(ctx, deps, returning, 'consent-information', consentInformation);
    await submit(ctx, deps, returning, 'needs-assessment', { ...needsAssessment, nextAppointment: inDays(runtime, 7), ageYears: 35, ageUncertain: false, referralOutcome: 'cmm', wishesVoluntaryReturn: 'yes' });
    await patch(runtime, ctx, returning, { consents: { cmm: { given: true }, iom: { given: true } } });
    await fireCaseEvent(runtime, ctx, returning, { type: 'referToCmm', data: {} });
    await fireCaseEvent(runtime, ctx, returning, { type: 'identifiedAsVictim', data: {} });
    await fireCaseEvent(runtime, ctx, returning, { type: 'prepareReturn', data: {} });
    await submit(ctx, deps, returning, 'return-reintegration', {
      ...returnReintegration,
      departureDate: inDays(runtime, 30),
      monitoring1MonthDate: inDays(runtime, 60),
    });

    // Identified yesterday and wishing to go home: the reflection period waits for the decision's date.
    const waiting = await open(runtimeAt(runtime, 1), ctx, {
      alias: 'Nadia (demo)',
      workflowId: 'denmark-cmm',
      identity: { estimatedAge: 29, ageUncertain: false, languages: ['bg'] },
      safeAccommodation: { kind: 'crisisCentre', location: 'Crisis centre (address withheld)' },
    });
    await submit(ctx, deps, waiting, 'consent-information', consentInformation);
    await submit(ctx, deps, waiting, 'needs-assessment', { ...needsAssessment, nextAppointment: inDays(runtime, 7), ageYears: 29, ageUncertain: false, referralOutcome: 'cmm', wishesVoluntaryReturn: 'yes' });
    await patch(runtime, ctx, waiting, { consents: { cmm: { given: true } } });
    await fireCaseEvent(runtimeAt(runtime, 1), ctx, waiting, { type: 'referToCmm', data: {} });
    await fireCaseEvent(runtimeAt(runtime, 1), ctx, waiting, { type: 'identifiedAsVictim', data: {} });
  });

  await withDemoUser(db, deps.t, 'caseworker@iom.demo.test', 'iom-bg', async (ctx) => iomReturnCase(deps, ctx));

  await withDemoUser(db, deps.t, 'worker@shelter.demo.test', 'mk-shelter', async (ctx) => {
    // Left the shelter ten days ago with a long-term reintegration plan; follow-ups at 1, 3, 6 and 12 months are due.
    const left = await shelterCase(deps, ctx, 'Elena (demo)', 130);
    await fireCaseEvent(runtimeAt(runtime, 10), ctx, left, { type: 'reintegrationPlanApproved', data: {} });
    // About to leave: the plan for after the shelter is written and waits for approval.
    await shelterCase(deps, ctx, 'Vesna (demo)', 100);
  });
  return caseModel(db).countDocuments({});
}

/**
 * IOM: a person who went home to Hungary three weeks ago and was received by the reception partner; the reintegration
 * grant (CHF 1,500 from the programme's parameters) has paid HUF 249,000 (CHF 600) for work-therapy materials, and an increase for a rent
 * deposit waits for a second person's decision (reviewer@iom.demo.test).
 */
async function iomReturnCase(deps: DemoDeps, ctx: ServiceContext): Promise<string> {
  const at = (days: number) => runtimeAt(deps.runtime, days);
  const stamp = (days: number) => `${at(days).clock.now().toISOString().slice(0, 10)}T00:00:00.000Z`;
  const id = await open(at(45), ctx, {
    alias: 'Ilona (demo)',
    workflowId: 'iom-return',
    // Returning to Hungary: the case runs under Hungary's programme (its eligibility and grant).
    jurisdiction: 'hu',
    identity: { estimatedAge: 27, ageUncertain: false, languages: ['hu', 'en'], nationality: 'HU' },
  });
  const past = { ...deps, runtime: at(45) };
  await submit(ctx, past, id, 'consent-information', consentInformation);
  await submit(ctx, past, id, 'needs-assessment', { ...needsAssessment, nextAppointment: inDays(at(45), 7), ageYears: 27, ageUncertain: false, wishesVoluntaryReturn: 'yes' });
  await submit(ctx, { ...deps, runtime: at(40) }, id, 'return-reintegration', { ...returnReintegration, departureDate: stamp(21), monitoring1MonthDate: stamp(-9) });
  await submit(ctx, { ...deps, runtime: at(35) }, id, 'safety-plan', {
    ...safetyPlan,
    safetyActions: safetyPlan.safetyActions.map((action) => ({ ...action, dueDate: stamp(25) })),
    reviewDate: stamp(-30),
  });
  await fireCaseEvent(at(30), ctx, id, { type: 'riskAssessed', data: {} });
  await patch(at(22), ctx, id, { consents: { ngo: { given: true, givenOn: stamp(22).slice(0, 10) } } });
  await fireCaseEvent(at(21), ctx, id, { type: 'arrived', data: {} });
  await fireCaseEvent(at(20), ctx, id, { type: 'receptionCompleted', data: {} });
  // Under the programme of the country of return the return form records (Hungary), paid out in forints.
  await openGrant(at(20), ctx, id, {});
  await recordDisbursement(at(14), ctx, id, { amountMinor: 24_900_000, currency: 'HUF', date: stamp(14).slice(0, 10), purpose: 'Tools and materials for work therapy' });
  await requestIncrease(at(2), ctx, id, { amountMinor: 40_000, reason: 'Rent deposit for a flat near the training centre, as the reintegration plan and the service provider recommend' });
  return id;
}

/**
 * A person admitted to the shelter `daysAgo` days ago: safety plan, vocational training and therapy under way, the
 * plan of assistance approved, and exit planning started with a long-term reintegration plan (goals on the road map).
 */
async function shelterCase(deps: DemoDeps, ctx: ServiceContext, alias: string, daysAgo: number): Promise<string> {
  const at = (days: number) => runtimeAt(deps.runtime, days);
  const day = (days: number) => at(days).clock.now().toISOString().slice(0, 10);
  const stamp = (days: number) => `${day(days)}T00:00:00.000Z`;
  const id = await open(at(daysAgo), ctx, {
    alias,
    workflowId: 'shelter-reintegration',
    identity: { estimatedAge: 23, ageUncertain: false, languages: ['sq', 'mk'], nationality: 'MK' },
    safeAccommodation: { kind: 'shelter', location: 'Shelter (address withheld)', since: day(daysAgo) },
  });
  const past = { ...deps, runtime: at(daysAgo) };
  await submit(ctx, past, id, 'consent-information', consentInformation);
  await submit(ctx, past, id, 'needs-assessment', { ...needsAssessment, nextAppointment: inDays(at(daysAgo), 7), ageYears: 23, ageUncertain: false, wishesVoluntaryReturn: 'no' });
  // Its actions are due, and it is reviewed, after the person was admitted (dates of a case's forms never fall before it).
  await submit(ctx, past, id, 'safety-plan', {
    ...safetyPlan,
    safetyActions: safetyPlan.safetyActions.map((action) => ({ ...action, dueDate: stamp(daysAgo - 10) })),
    reviewDate: stamp(daysAgo - 30),
  });
  await fireCaseEvent(at(daysAgo), ctx, id, { type: 'admitted', data: {} });
  // Safe accommodation was needed at once (the needs assessment says so): its track started on admission.
  for (const stop of ['therapy', 'vocationalTraining']) {
    await fireCaseEvent(at(daysAgo - 5), ctx, id, { type: 'serviceStarted', data: { stop } });
  }
  await patch(at(daysAgo - 20), ctx, id, {
    plan: {
      ownGoals: 'Finish the hairdressing course, find work in my home town and a flat of my own near my sister.',
      goals: [
        { id: 'g1', stop: 'vocationalTraining', description: 'Hairdressing course with certificate', provider: 'Vocational training centre (demo)', startDate: day(daysAgo - 15), dueDate: day(daysAgo - 300), status: 'inProgress' },
        { id: 'g2', stop: 'privateAccommodation', description: 'Rented flat with rent support for 12 months', provider: 'Municipal social services (demo)', status: 'planned' },
        { id: 'g3', stop: 'jobPlacement', description: 'Placement in a salon after the course', provider: 'Employment office (demo)', status: 'planned' },
        { id: 'g4', stop: 'mentorship', description: 'A mentor for the first year after leaving', provider: 'NGO Open Gate (demo)', status: 'planned' },
      ],
      reviewDates: [day(daysAgo - 60), day(daysAgo - 120)],
      obstacles: ['emotionalStress', 'traumaMentalHealth', 'selfStigma'],
      riskFlags: [],
    },
  });
  // The plan form feeds the case plan (the workflow's bindings): its dates fall within the person's stay.
  await submit(ctx, { ...deps, runtime: at(daysAgo - 20) }, id, 'plan-of-assistance', {
    ...planOfAssistance,
    planDate: stamp(daysAgo - 20),
    personGoals: 'Finish the hairdressing course, find work in my home town and a flat of my own near my sister.',
    actions: planOfAssistance.actions.map((action, index) =>
      index === 0 ? { ...action, startDate: stamp(daysAgo - 15), dueDate: stamp(daysAgo - 300) } : action,
    ),
    nextReviewDate: stamp(daysAgo - 60),
  });
  await fireCaseEvent(at(daysAgo - 20), ctx, id, { type: 'planApproved', data: {} });
  await fireCaseEvent(at(20), ctx, id, { type: 'exitPlanningStarted', data: {} });
  return id;
}
