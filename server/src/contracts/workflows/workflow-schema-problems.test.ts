import type { WorkflowDefinition } from './workflow-definition.schemas';
import { pointerOf, workflowSchemaProblems } from './workflow-schema-problems';

// The format problems the visual editor shows at their fields and the server refuses a save with.
const valid = (): WorkflowDefinition => ({
  id: 'example',
  version: 1,
  titleKey: 'workflows:example.title',
  jurisdiction: 'fi',
  initial: 'intake',
  stages: {
    intake: {
      type: 'atomic',
      deadlines: [{ id: 'firstContact', kind: 'deadline', anchor: { stageEntry: true }, after: 'P3D' }],
      on: { accept: [{ target: 'closed' }] },
    },
    closed: { type: 'final' },
  },
});

const codes = (definition: unknown) => workflowSchemaProblems(definition).map((problem) => [problem.path, problem.code]);

describe('workflow format problems', () => {
  it('finds none in a valid definition', () => {
    expect(workflowSchemaProblems(valid())).toEqual([]);
  });

  it('names an invalid duration, directly or as a parameter name, at its field', () => {
    const def = valid() as unknown as { stages: { intake: { deadlines: Array<Record<string, unknown>> } } };
    def.stages.intake.deadlines[0]!.after = '30 days';
    expect(codes(def)).toEqual([['/stages/intake/deadlines/0/after', 'invalid-duration']]);
    def.stages.intake.deadlines[0]!.after = { parameter: '1st' };
    expect(codes(def)).toEqual([['/stages/intake/deadlines/0/after/parameter', 'invalid-duration']]);
    def.stages.intake.deadlines[0]!.remindBefore = ['tomorrow'];
    expect(codes(def)).toContainEqual(['/stages/intake/deadlines/0/remindBefore/0', 'invalid-duration']);
  });

  it('tells identifiers, event names, targets, options, unknown and missing properties apart', () => {
    const def = valid() as unknown as Record<string, Record<string, Record<string, unknown>>>;
    def.stages!['2nd'] = { type: 'atomic' };
    def.stages!.intake!.on = { 'form.submitted': [{ target: 'closed' }], accept: [{ target: 'not a stage' }] };
    def.stages!.intake!.roles = [{ role: 'caseOwner', duty: 'sometimes' }];
    def.stages!.intake!.colour = 'red';
    def.stages!.closed = { type: 'finished' };
    expect(codes(def)).toEqual(
      expect.arrayContaining([
        ['/stages/2nd', 'invalid-identifier'],
        ['/stages/intake/on/form.submitted', 'invalid-event-name'],
        ['/stages/intake/on/accept/0/target', 'invalid-target'],
        ['/stages/intake/roles/0/duty', 'invalid-option'],
        ['/stages/intake', 'unknown-property'],
        ['/stages/closed/type', 'invalid-option'],
      ]),
    );
    const missing = valid() as unknown as { stages: { intake: { deadlines: Array<Record<string, unknown>> } } };
    delete missing.stages.intake.deadlines[0]!.kind;
    expect(codes(missing)).toEqual([['/stages/intake/deadlines/0/kind', 'required']]);
  });

  it('says when a deadline has both a duration and a schedule', () => {
    const def = valid() as unknown as { stages: { intake: { deadlines: Array<Record<string, unknown>> } } };
    def.stages.intake.deadlines[0]!.schedule = [{ every: 'P1W' }];
    expect(codes(def)).toEqual([['/stages/intake/deadlines/0/after', 'deadline-timing']]);
  });

  it('escapes keys in JSON pointers', () => {
    expect(pointerOf(['stages', 'a/b', 'c~d', 0])).toBe('/stages/a~1b/c~0d/0');
  });
});
