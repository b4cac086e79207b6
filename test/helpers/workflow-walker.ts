import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workflowsDir } from '../../server/src/config/paths';
import {
  describeAction, type CaseContext, type EvaluationContext, type PersistedWorkflowSnapshot, startWorkflow,
  transitionWorkflow,
} from '../../server/src/modules/workflows';
import type { WorkflowDefinition } from '../../server/src/contracts/workflows/workflow-definition.schemas';
import { jurisdictionParameterValues, loadJurisdictions } from '../../server/src/modules/workflows/testing';

export const ROAD_MAP_STOPS = [
  'needsAssessment', 'safeAccommodation', 'legalAssistance', 'medicalAssistance', 'socialPsychologicalAssistance',
  'financialSupport', 'compensation', 'therapy', 'dayCare', 'familyMediation', 'privateAccommodation', 'socialNetwork',
  'languageCourses', 'extraEducation', 'vocationalTraining', 'certificatesQualifications', 'recreationalActivities',
  'jobPlacement', 'employmentCounselling', 'mentorship', 'socialOrientation',
] as const;

export function loadTemplate(id: string): WorkflowDefinition {
  return JSON.parse(readFileSync(join(workflowsDir, `${id}.json`), 'utf8')) as WorkflowDefinition;
}

export function parametersOf(code: string): Record<string, unknown> {
  const jurisdiction = loadJurisdictions(workflowsDir).get(code);
  if (!jurisdiction) throw new Error(`no jurisdiction ${code}`);
  return jurisdictionParameterValues(jurisdiction);
}

/** Fictional submissions, shaped as the agreed form contract. */
export const ADULT_SUBMISSIONS: Record<string, Record<string, unknown>> = {
  'consent-information': { rightsExplained: true },
  'needs-assessment': { ageYears: 31, ageUncertain: false, isChild: false, referralOutcome: 'nas', wishesVoluntaryReturn: 'no' },
};

/**
 * Drives a template through the pure engine the way the cases module will: submissions fire `formSubmitted`, the
 * effects of `set-field` are applied to the case, and every step's snapshot is what the database would store.
 */
export class WorkflowWalker {
  snapshot: PersistedWorkflowSnapshot;
  ctx: EvaluationContext;
  entered: string[] = [];
  private clock: number;

  constructor(readonly def: WorkflowDefinition, caseContext: Partial<CaseContext>, submissions: Record<string, Record<string, unknown>>, params: Record<string, unknown>) {
    this.ctx = {
      case: { id: 'case-walk', person: { age: 31, ageUncertain: false, isChild: false }, consents: {}, dates: {}, fields: {}, needs: {}, ...caseContext },
      submissions: { ...submissions },
      params,
    };
    this.clock = Date.parse('2025-03-03T08:00:00Z');
    const start = startWorkflow(def, this.ctx, this.now());
    this.snapshot = start.snapshot;
    this.entered.push(...start.enteredStages);
    this.apply(start.actionsToRun);
  }

  now(): string {
    return new Date(this.clock).toISOString();
  }

  /** Fires an event that must be accepted; advances the clock one day. */
  fire(type: string, data?: Record<string, unknown>): this {
    this.clock += 86_400_000;
    const result = transitionWorkflow(this.def, this.snapshot, { type, data }, this.ctx, this.now());
    if (!result.ok) throw new Error(`${type} rejected in ${JSON.stringify(this.snapshot.value)}; accepts ${result.acceptedEvents.join(', ')}`);
    this.snapshot = result.snapshot;
    this.entered.push(...result.enteredStages);
    this.apply(result.actionsToRun, data);
    return this;
  }

  accepts(type: string, data?: Record<string, unknown>): boolean {
    return transitionWorkflow(this.def, this.snapshot, { type, data }, this.ctx, this.now()).ok;
  }

  submit(formPath: string, data: Record<string, unknown>): this {
    this.ctx = { ...this.ctx, submissions: { ...this.ctx.submissions, [formPath]: data } };
    return this.fire('formSubmitted', { formPath });
  }

  consent(recipient: string): this {
    this.ctx = { ...this.ctx, case: { ...this.ctx.case, consents: { ...this.ctx.case.consents, [recipient]: { given: true } } } };
    return this.fire('caseUpdated');
  }

  active(path: string): boolean {
    return path in this.snapshot.stageEntries;
  }

  /** Every service track and checkpoint under `parallelPath` ends: a few services are used, the rest not needed. */
  finishTracks(used: string[] = ['needsAssessment', 'safeAccommodation', 'legalAssistance']): this {
    for (const stop of ROAD_MAP_STOPS) {
      if (used.includes(stop)) this.fire('serviceStarted', { stop }).fire('serviceCompleted', { stop });
      else this.fire('serviceNotNeeded', { stop });
    }
    return this;
  }

  private apply(actions: { id: string; params: Record<string, unknown> }[], data: Record<string, unknown> = {}): void {
    for (const action of actions) {
      for (const effect of describeAction(action)) {
        if (effect.type === 'case.setField') {
          this.ctx = { ...this.ctx, case: { ...this.ctx.case, fields: { ...this.ctx.case.fields, [effect.field]: effect.value } } };
        }
        if (effect.type === 'case.recordDate' && typeof data[effect.input] === 'string') {
          this.ctx = { ...this.ctx, case: { ...this.ctx.case, dates: { ...this.ctx.case.dates, [effect.date]: data[effect.input] as string } } };
        }
        if (effect.type === 'case.recordText' && typeof data[effect.input] === 'string') {
          this.ctx = { ...this.ctx, case: { ...this.ctx.case, fields: { ...this.ctx.case.fields, [effect.field]: data[effect.input] } } };
        }
      }
    }
  }
}
