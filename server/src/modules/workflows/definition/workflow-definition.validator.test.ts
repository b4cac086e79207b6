import { fixtureWorkflow, FIXTURE_FORM_PATHS, FIXTURE_PARAMETERS } from '../../../../../test/helpers/workflow-fixtures';
import type { AtomicStage, CompoundStage, ParallelStage, WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { validateWorkflowDefinition } from './workflow-definition.validator';

const options = { formPaths: FIXTURE_FORM_PATHS, parameters: FIXTURE_PARAMETERS };

function broken(): WorkflowDefinition {
  const def = fixtureWorkflow();
  const referral = def.stages.referral as AtomicStage;
  referral.on!.skipNas = [{ target: 'nowhere' }];
  referral.requiredForms = ['no-such-form'];
  referral.on!.referToNas![0]!.actions = [
    { id: 'launch-rocket' },
    { id: 'notify-role', params: { role: 'nasCoordinator', messageKey: 'Hello there' } },
  ];
  const plan = def.stages.plan as AtomicStage;
  plan.on!.planApproved![0]!.guard = { and: [{ eval: 'x' }, { '==': [{ var: 'process.env.SECRET' }, 1] }] };
  plan.deadlines = [{ id: 'x', kind: 'deadline', anchor: { stageEntry: true }, after: { parameter: 'noSuchPeriod' } }];
  const services = def.stages.services as ParallelStage;
  services.on!.reportedToPolice = [{ target: 'closed', guard: { '==': [{ var: 'case.fields.cooperatesWithPolice' }, true] } }];
  def.stages.orphan = { type: 'atomic', on: { go: [{ target: 'closed' }] } };
  def.stages.deadEnd = { type: 'atomic' };
  (def.stages.childBranch as AtomicStage).on!.childAssessed!.push({ target: 'deadEnd' });
  return def;
}

describe('validateWorkflowDefinition', () => {
  it('accepts a sound definition', () => {
    expect(validateWorkflowDefinition(fixtureWorkflow(), options)).toEqual([]);
  });

  it('reports every problem at once, each with its JSON path and code', () => {
    const problems = validateWorkflowDefinition(broken(), options);
    const found = problems.map((p) => `${p.code} ${p.path}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'unknown-target /stages/referral/on/skipNas/0/target',
        'unknown-form /stages/referral/requiredForms/0',
        'unknown-action /stages/referral/on/referToNas/0/actions/0/id',
        'invalid-action-params /stages/referral/on/referToNas/0/actions/1/params/messageKey',
        'guard-operator-not-allowed /stages/plan/on/planApproved/0/guard/and/0/eval',
        'guard-variable-not-allowed /stages/plan/on/planApproved/0/guard/and/1/==/0/var',
        'plan-approval-without-representative /stages/plan/on/planApproved/0/guard',
        'unknown-parameter /stages/plan/deadlines/0/after',
        'police-cooperation-guard /stages/services/on/reportedToPolice/0/guard',
        'unreachable-stage /stages/orphan',
        'no-way-out /stages/deadEnd',
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(11);
  });

  it('reports a referral entered without a consent guard', () => {
    const def = fixtureWorkflow();
    (def.stages.referral as AtomicStage).on!.referToNas = [{ target: 'nas' }];
    expect(validateWorkflowDefinition(def, options)).toEqual([
      { path: '/stages/referral/on/referToNas/0/guard', code: 'referral-without-consent', params: { recipient: 'nas', stage: 'nas' } },
    ]);
  });

  it('reports a workflow without a child branch', () => {
    const def = fixtureWorkflow();
    delete (def.stages.childBranch as AtomicStage).marks;
    expect(validateWorkflowDefinition(def, options).map((p) => p.code)).toEqual(['child-branch-missing']);
  });

  it('reports schema problems with their paths: dotted event names, bad durations, display text keys', () => {
    const def = fixtureWorkflow() as unknown as Record<string, unknown>;
    const stages = def.stages as Record<string, Record<string, unknown>>;
    stages.referral!.on = { 'form.submitted': [{ target: 'plan' }] };
    (stages.services as unknown as ParallelStage).deadlines![0]!.after = '30 days';
    def.titleKey = 'Finland workflow';
    const problems = validateWorkflowDefinition(def, options);
    expect(problems.map((p) => [p.path, p.code])).toEqual(
      expect.arrayContaining([
        ['/titleKey', 'schema'],
        ['/stages/referral/on/form.submitted', 'invalid-event-name'],
        ['/stages/services/deadlines/0/after', 'invalid-duration'],
      ]),
    );
  });

  it('reports unknown targets inside nested stages, an unknown compound initial and a parameter that is not a duration', () => {
    const def = fixtureWorkflow();
    const track = (def.stages.services as ParallelStage).regions.legalAssistance as CompoundStage;
    track.initial = 'missing';
    (track.stages.inProgress as AtomicStage).on!.serviceCompleted![0]!.target = 'finished';
    const problems = validateWorkflowDefinition(def, { ...options, parameters: { ...FIXTURE_PARAMETERS, reflectionPeriod: 30 } });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unknown-initial', path: '/stages/services/regions/legalAssistance/initial' }),
        expect.objectContaining({ code: 'unknown-target', path: '/stages/services/regions/legalAssistance/stages/inProgress/on/serviceCompleted/0/target' }),
        expect.objectContaining({ code: 'invalid-parameter-value', path: '/stages/services/deadlines/0/after' }),
      ]),
    );
  });

  it('reports an automatic transition without a target and a deadline event nobody handles', () => {
    const def = fixtureWorkflow();
    (def.stages.intake as AtomicStage).always!.push({ guard: true });
    (def.stages.services as ParallelStage).deadlines![1]!.event = 'nobodyListens';
    const codes = validateWorkflowDefinition(def, options).map((p) => `${p.code} ${p.path}`);
    expect(codes).toEqual(['always-without-target /stages/intake/always/2', 'unhandled-deadline-event /stages/services/deadlines/1/event']);
  });
});
