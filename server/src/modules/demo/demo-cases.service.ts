import type { TFunction } from 'i18next';
import type { Connection } from 'mongoose';
import type { ServiceContext } from '../access/service-context';
import type { CreateCaseInput } from '../../contracts/cases/case.schemas';
import { fireCaseEvent } from '../cases/service/case-event.service';
import type { CaseRuntime, Clock } from '../cases/service/case-runtime';
import { createCase, updateCase } from '../cases/service/case.service';
import { caseModel } from '../cases/storage/case.model';
import type { SubmissionCasePort } from '../forms/services/submission-case.port';
import { createSubmission } from '../forms/services/submission.service';
import { withDemoUser } from './demo-context';
import consentInformation from './demo-submissions/consent-information.json';
import needsAssessment from './demo-submissions/needs-assessment.json';
import returnReintegration from './demo-submissions/return-reintegration.json';

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

async function submit(ctx: ServiceContext, deps: DemoDeps, caseId: string, formPath: string, data: Record<string, unknown>) {
  await createSubmission(ctx, { caseEvents: deps.caseEvents }, { path: formPath }, { data, caseId }, deps.t);
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

  await withDemoUser(db, 'worker@helsinki.demo.test', 'fi-helsinki', async (ctx) => {
    const adult = await open(runtime, ctx, {
      alias: 'Aino (demo)',
      workflowId: 'finland-municipality',
      identity: { estimatedAge: 31, ageUncertain: false, languages: ['en', 'ru'], nationality: 'UA' },
      integration: { legalStatus: 'pending', languageLevel: 'A1' },
    });
    await submit(ctx, deps, adult, 'consent-information', consentInformation);
    await submit(ctx, deps, adult, 'needs-assessment', { ...needsAssessment, ageYears: 31, ageUncertain: false, referralOutcome: 'nas', wishesVoluntaryReturn: 'no' });

    const child = await open(runtime, ctx, {
      alias: 'Lumi (demo)',
      workflowId: 'finland-municipality',
      identity: { estimatedAge: 16, ageUncertain: true, languages: ['vi'] },
    });
    await submit(ctx, deps, child, 'consent-information', consentInformation);
    await submit(ctx, deps, child, 'needs-assessment', { ...needsAssessment, ageYears: 16, ageUncertain: true });
  });

  await withDemoUser(db, 'worker@cmm.demo.test', 'dk-cmm', async (ctx) => {
    // Entered the recovery period nine days ago; nobody has been named contact person yet, which was due in two days.
    const past = runtimeAt(runtime, 9);
    const overdue = await open(past, ctx, {
      alias: 'Mira (demo)',
      workflowId: 'denmark-cmm',
      identity: { estimatedAge: 24, ageUncertain: false, languages: ['ro'] },
      dates: { reflectionDecision: new Date(past.clock.now().getTime()).toISOString().slice(0, 10) },
    });
    await submit(ctx, { ...deps, runtime: past }, overdue, 'consent-information', consentInformation);
    await submit(ctx, { ...deps, runtime: past }, overdue, 'needs-assessment', { ...needsAssessment, ageYears: 24, ageUncertain: false, referralOutcome: 'cmm', wishesVoluntaryReturn: 'undecided' });
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
    await submit(ctx, deps, returning, 'needs-assessment', { ...needsAssessment, ageYears: 35, ageUncertain: false, referralOutcome: 'cmm', wishesVoluntaryReturn: 'yes' });
    await patch(runtime, ctx, returning, { consents: { cmm: { given: true }, iom: { given: true } } });
    await fireCaseEvent(runtime, ctx, returning, { type: 'referToCmm', data: {} });
    await fireCaseEvent(runtime, ctx, returning, { type: 'identifiedAsVictim', data: {} });
    await fireCaseEvent(runtime, ctx, returning, { type: 'prepareReturn', data: {} });
    await submit(ctx, deps, returning, 'return-reintegration', { ...returnReintegration });
  });
  return caseModel(db).countDocuments({});
}
