import { validateWorkflowDefinition } from '../definition/workflow-definition.validator';
import { evaluationContext, fixtureWorkflow, FIXTURE_FORM_PATHS, FIXTURE_PARAMETERS } from '../../../../../test/helpers/workflow-fixtures';
import { acceptedEvents } from './accepted-events';
import { assertStorable, type PersistedWorkflowSnapshot } from './persisted-snapshot';
import { startWorkflow, transitionWorkflow, type WorkflowStepResult } from './workflow-engine';

const T0 = '2025-01-06T09:00:00Z';
const T1 = '2025-01-07T09:00:00Z';

function expectStep(result: ReturnType<typeof transitionWorkflow>): WorkflowStepResult {
  if (!result.ok) throw new Error(`rejected ${result.event}; accepts ${result.acceptedEvents.join(', ')}`);
  return result;
}

describe('workflow engine', () => {
  const def = fixtureWorkflow();

  it('the fixture is a valid definition', () => {
    expect(validateWorkflowDefinition(def, { formPaths: FIXTURE_FORM_PATHS, parameters: FIXTURE_PARAMETERS })).toEqual([]);
  });

  it('starts in the initial stage and records when it was entered', () => {
    const start = startWorkflow(def, evaluationContext(), T0);
    expect(start.snapshot).toEqual({ status: 'active', value: 'intake', stageEntries: { intake: T0 } });
    expect(start.enteredStages).toEqual(['intake']);
  });

  it('takes an automatic transition when a submission makes its guard true (required forms present)', () => {
    const start = startWorkflow(def, evaluationContext(), T0);
    const ctx = evaluationContext({ submissions: { 'needs-assessment': { isChild: false } } });
    const step = expectStep(transitionWorkflow(def, start.snapshot, { type: 'form.submitted', data: { formPath: 'needs-assessment' } }, ctx, T1));
    expect(step.snapshot.value).toBe('referral');
    expect(step.exitedStages).toEqual(['intake']);
    expect(step.enteredStages).toEqual(['referral']);
    expect(step.snapshot.stageEntries).toEqual({ referral: T1 });
  });

  it('does not move while a required form is missing', () => {
    const start = startWorkflow(def, evaluationContext(), T0);
    const step = expectStep(transitionWorkflow(def, start.snapshot, { type: 'formSubmitted' }, evaluationContext(), T1));
    expect(step.snapshot.value).toBe('intake');
    expect(step.enteredStages).toEqual([]);
  });

  it('sends a child, and a person of uncertain age, into the child branch with the open-child-branch action', () => {
    for (const person of [{ age: 15, ageUncertain: false, isChild: true }, { age: 22, ageUncertain: true, isChild: false }]) {
      const ctx = evaluationContext({ case: { person }, submissions: { 'needs-assessment': {} } });
      const start = startWorkflow(def, ctx, T0);
      expect(start.snapshot.value).toBe('childBranch');
      expect(start.actionsToRun).toEqual([
        { id: 'open-child-branch', params: { childWelfareRole: 'childWelfareWorker', legalRepresentativeRequired: true } },
      ]);
    }
  });

  it('rejects an event the current stage does not accept, listing the ones it does', () => {
    const ctx = evaluationContext({ submissions: { 'needs-assessment': {} } });
    const start = startWorkflow(def, ctx, T0);
    const result = transitionWorkflow(def, start.snapshot, { type: 'planApproved' }, ctx, T1);
    expect(result).toEqual({
      ok: false,
      code: 'event-not-accepted',
      event: 'planApproved',
      acceptedEvents: ['caseUpdated', 'formSubmitted', 'skipNas'],
    });
  });

  it('guards a referral on the consent to that recipient', () => {
    const submissions = { 'needs-assessment': {} };
    const noConsent = evaluationContext({ submissions });
    const start = startWorkflow(def, noConsent, T0);
    expect(transitionWorkflow(def, start.snapshot, { type: 'referToNas' }, noConsent, T1).ok).toBe(false);
    const withConsent = evaluationContext({ submissions, case: { consents: { nas: { given: true } } } });
    expect(acceptedEvents(def, start.snapshot, withConsent)).toEqual(['caseUpdated', 'formSubmitted', 'referToNas', 'skipNas']);
    const step = expectStep(transitionWorkflow(def, start.snapshot, { type: 'referToNas' }, withConsent, T1));
    expect(step.snapshot.value).toBe('nas');
    expect(step.actionsToRun).toEqual([
      { id: 'notify-role', params: { role: 'nasCoordinator', messageKey: 'workflows:fixture.messages.referral' } },
    ]);
  });

  it('requires a legal representative before a child’s plan is approved', () => {
    const person = { age: 16, ageUncertain: false, isChild: true };
    const submissions: Record<string, Record<string, unknown>> = {
      'needs-assessment': {},
      'child-welfare': { legalRepresentativeAppointed: false },
      'plan-of-assistance': {},
    };
    let ctx = evaluationContext({ case: { person }, submissions });
    let snap = startWorkflow(def, ctx, T0).snapshot;
    snap = expectStep(transitionWorkflow(def, snap, { type: 'childAssessed' }, ctx, T1)).snapshot;
    snap = expectStep(transitionWorkflow(def, snap, { type: 'skipNas' }, ctx, T1)).snapshot;
    expect(snap.value).toBe('plan');
    expect(transitionWorkflow(def, snap, { type: 'planApproved' }, ctx, T1).ok).toBe(false);
    ctx = evaluationContext({ case: { person }, submissions: { ...submissions, 'child-welfare': { legalRepresentativeAppointed: true } } });
    expect(expectStep(transitionWorkflow(def, snap, { type: 'planApproved' }, ctx, T1)).snapshot.value).toEqual({
      services: { legalAssistance: 'notStarted', languageCheckpoint: 'pending' },
    });
  });

  describe('parallel service tracks', () => {
    const submissions: Record<string, Record<string, unknown>> = { 'needs-assessment': {}, 'plan-of-assistance': {} };
    const ctx = evaluationContext({ submissions });
    const inServices = (): PersistedWorkflowSnapshot => {
      let snap = startWorkflow(def, ctx, T0).snapshot;
      snap = expectStep(transitionWorkflow(def, snap, { type: 'skipNas' }, ctx, T0)).snapshot;
      return expectStep(transitionWorkflow(def, snap, { type: 'planApproved' }, ctx, T0)).snapshot;
    };

    it('moves one track on an event whose data names it, leaving the others', () => {
      const step = expectStep(transitionWorkflow(def, inServices(), { type: 'serviceStarted', data: { stop: 'legalAssistance' } }, ctx, T1));
      expect(step.snapshot.value).toEqual({ services: { legalAssistance: 'inProgress', languageCheckpoint: 'pending' } });
      expect(step.snapshot.stageEntries['services/legalAssistance/inProgress']).toBe(T1);
      expect(step.snapshot.stageEntries.services).toBe(T0);
    });

    it('rejects a track event for a stop that has no track', () => {
      expect(transitionWorkflow(def, inServices(), { type: 'serviceStarted', data: { stop: 'therapy' } }, ctx, T1).ok).toBe(false);
    });

    it('passes the checkpoint gate when its guard holds and finishes when every region is final', () => {
      let snap = expectStep(transitionWorkflow(def, inServices(), { type: 'serviceNotNeeded', data: { stop: 'legalAssistance' } }, ctx, T1)).snapshot;
      expect(snap.status).toBe('active');
      const met = evaluationContext({ submissions: { ...submissions, 'integration-checkpoints': { languageCheckpointMet: true } } });
      const step = expectStep(transitionWorkflow(def, snap, { type: 'formSubmitted', data: { formPath: 'integration-checkpoints' } }, met, T1));
      snap = step.snapshot;
      // A finished machine has no active stages left, so nothing remains to schedule.
      expect(snap).toEqual({ status: 'done', value: 'closed', stageEntries: {} });
      expect(step.enteredStages).toContain('closed');
      expect(step.actionsToRun).toEqual([{ id: 'set-field', params: { field: 'closedReason', value: 'completed' } }]);
      expect(step.exitedStages).toEqual(expect.arrayContaining(['services', 'services/languageCheckpoint/pending']));
      expect(transitionWorkflow(def, snap, { type: 'caseClosed' }, met, T1)).toMatchObject({ ok: false, acceptedEvents: [] });
    });

    it('runs the actions of a targetless transition without leaving the stage', () => {
      const snap = inServices();
      const step = expectStep(transitionWorkflow(def, snap, { type: 'reflectionPeriodEnded' }, ctx, T1));
      expect(step.snapshot).toEqual(snap);
      expect(step.actionsToRun).toEqual([{ id: 'create-task', params: { titleKey: 'workflows:fixture.tasks.reflectionEnded', role: 'caseOwner' } }]);
    });
  });

  it('produces snapshots MongoDB can store: JSON only, no dotted or $ keys', () => {
    const ctx = evaluationContext({ submissions: { 'needs-assessment': {}, 'plan-of-assistance': {} } });
    let snap = startWorkflow(def, ctx, T0).snapshot;
    snap = expectStep(transitionWorkflow(def, snap, { type: 'skipNas' }, ctx, T0)).snapshot;
    snap = expectStep(transitionWorkflow(def, snap, { type: 'planApproved' }, ctx, T0)).snapshot;
    expect(() => assertStorable(snap)).not.toThrow();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(() => assertStorable({ a: { 'b.c': 1 } })).toThrow();
    expect(() => assertStorable({ $set: 1 })).toThrow();
  });
});
