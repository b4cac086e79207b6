// The visual editor's structural edits (client/src/features/workflows/stage-edits.ts): every edit leaves a definition
// in the workflow format, as the contract's check sees it.
import type { Stage, WorkflowDefinition } from '@contracts/workflows/workflow-definition.schemas';
import { workflowSchemaProblems } from '@contracts/workflows/workflow-schema-problems';
import {
  addChild, addTopStage, addTransition, changeTransition, newStage, removeChild, removeTopStage, stageIdProblem, targetsInScope,
} from '../../../client/src/features/workflows/stage-edits';

const definition = (): WorkflowDefinition => ({
  id: 'example',
  version: 1,
  titleKey: 'workflows:example.title',
  jurisdiction: 'fi',
  initial: 'intake',
  stages: {
    intake: { type: 'atomic', roles: [{ role: 'caseOwner', duty: 'responsible' }], on: { accept: [{ target: 'closed' }] } },
    closed: { type: 'final' },
  },
});

describe('stage edits', () => {
  it('adds a stage with a step and a transition, and the definition stays in the format', () => {
    let def = addTopStage(definition(), 'legalCounselling', newStage('atomic'));
    const withStep = addChild(def.stages.legalCounselling!, 'firstMeeting', newStage('atomic'), 'step');
    expect(withStep).toEqual({ type: 'compound', initial: 'firstMeeting', stages: { firstMeeting: { type: 'atomic' } } });
    def = { ...def, stages: { ...def.stages, legalCounselling: addTransition(withStep, 'event', 'counsellingCompleted', { target: 'closed' }) } };
    def = { ...def, stages: { ...def.stages, intake: addTransition(def.stages.intake!, 'event', 'referToCounselling', { target: 'legalCounselling' }) } };
    expect(workflowSchemaProblems(def)).toEqual([]);
    expect(def.stages.legalCounselling).toMatchObject({ on: { counsellingCompleted: [{ target: 'closed' }] } });
  });

  it('turns a plain stage into one with tracks and back, keeping its own settings', () => {
    const intake = definition().stages.intake!;
    const parallel = addChild(intake, 'housing', newStage('atomic'), 'track');
    expect(parallel).toMatchObject({ type: 'parallel', regions: { housing: { type: 'atomic' } }, roles: intake.type === 'atomic' ? intake.roles : [] });
    expect(removeChild(parallel, 'housing')).toEqual(intake);
  });

  it('starts a compound stage at the next step when its first one is removed', () => {
    let stage: Stage = addChild({ type: 'atomic' }, 'one', newStage('atomic'), 'step');
    stage = addChild(stage, 'two', newStage('final'), 'step');
    expect(removeChild(stage, 'one')).toEqual({ type: 'compound', initial: 'two', stages: { two: { type: 'final' } } });
  });

  it('removes a transition, and the event with its last one', () => {
    const intake = addTransition(definition().stages.intake!, 'always', '', { target: 'closed', guard: { var: 'case.fields.done' } });
    const withoutAccept = changeTransition(intake, 'event', 'accept', 0, null);
    expect(withoutAccept).not.toHaveProperty('on');
    expect(changeTransition(withoutAccept, 'always', '', 0, null)).toEqual({ type: 'atomic', roles: [{ role: 'caseOwner', duty: 'responsible' }] });
  });

  it('offers the targets the engine resolves: siblings first, then the siblings of each ancestor', () => {
    let def = definition();
    def = addTopStage(def, 'services', addChild(addChild({ type: 'atomic' }, 'open', newStage('atomic'), 'step'), 'closed', newStage('final'), 'step'));
    expect(targetsInScope(def, 'services/open')).toEqual([
      { target: 'open', path: 'services/open' },
      { target: 'closed', path: 'services/closed' },
      { target: 'intake', path: 'intake' },
      { target: 'services', path: 'services' },
    ]);
    expect(removeTopStage(def, 'services').stages).toEqual(definition().stages);
  });

  it('refuses ids that are not identifiers or are taken', () => {
    expect(stageIdProblem('legal counselling', {})).toBe('invalid-identifier');
    expect(stageIdProblem('intake', definition().stages)).toBe('duplicate-stage');
    expect(stageIdProblem('legalCounselling', definition().stages)).toBeNull();
  });
});
