// A deadline's duration in the visual editor (client/src/features/workflows/duration.ts): read from ISO 8601 as a
// number and a unit, written back as ISO 8601, and what is no whole number written so the format check refuses it.
import { workflowSchemaProblems } from '@contracts/workflows/workflow-schema-problems';
import { durationParts, isoOf, numberAndUnit } from '../../../client/src/features/workflows/duration';
import { withStageName, withoutStageNames } from '../../../client/src/features/workflows/stage-names';
import type { WorkflowDefinition } from '@contracts/workflows/workflow-definition.schemas';

describe('durations as a number and a unit', () => {
  it('reads the parts of a duration, largest first', () => {
    expect(durationParts('P30D')).toEqual([{ unit: 'days', count: 30 }]);
    expect(durationParts('P1M15D')).toEqual([{ unit: 'months', count: 1 }, { unit: 'days', count: 15 }]);
    expect(durationParts('PT12H')).toEqual([{ unit: 'hours', count: 12 }]);
    expect(durationParts('P')).toBeNull();
    expect(durationParts('P-3D')).toBeNull();
    expect(durationParts('30 days')).toBeNull();
  });

  it('shows a stored duration as the number and unit of its largest part', () => {
    expect(numberAndUnit('P4W')).toEqual({ count: '4', unit: 'weeks' });
    expect(numberAndUnit('PT12H')).toEqual({ count: '12', unit: 'hours' });
    expect(numberAndUnit('PT30M')).toBeNull();
  });

  it('writes ISO 8601, and what is typed wrong so that it stays wrong', () => {
    expect(isoOf('120', 'days')).toBe('P120D');
    expect(isoOf(' 3 ', 'months')).toBe('P3M');
    expect(isoOf('12', 'hours')).toBe('PT12H');
    expect(isoOf('', 'days')).toBe('PD');
    expect(isoOf('-3', 'days')).toBe('P-3D');
    expect(isoOf('1.5', 'years')).toBe('P1.5Y');
  });
});

describe('stage names the administrator gives', () => {
  const definition: WorkflowDefinition = {
    id: 'example', version: 1, titleKey: 'workflows:example.title', jurisdiction: 'fi', initial: 'intake',
    stages: { intake: { type: 'atomic', on: { done: [{ target: 'closed' }] } }, closed: { type: 'final' } },
  };
  const deadlineAfter = (after: string): WorkflowDefinition => ({
    ...definition,
    stages: { ...definition.stages, intake: { type: 'atomic', on: { done: [{ target: 'closed' }] }, deadlines: [{ id: 'd', kind: 'deadline', anchor: { stageEntry: true }, after }] } },
  });

  it('are kept by stage and language, and go when emptied', () => {
    const named = withStageName(withStageName(definition, 'intake', 'fi', 'Vastaanotto'), 'intake', 'en', 'Intake');
    expect(named.stageNames).toEqual({ intake: { fi: 'Vastaanotto', en: 'Intake' } });
    expect(workflowSchemaProblems(named)).toEqual([]);
    const emptied = withStageName(withStageName(named, 'intake', 'fi', ''), 'intake', 'en', '');
    expect(emptied).toEqual(definition);
    expect(withoutStageNames(named, ['closed'])).toEqual(definition);
  });

  it('are refused at their field when blank or too long, as are durations typed wrong', () => {
    expect(workflowSchemaProblems(withStageName(definition, 'intake', 'fi', '   '))).toEqual([
      expect.objectContaining({ path: '/stageNames/intake/fi', code: 'required' }),
    ]);
    expect(workflowSchemaProblems(withStageName(definition, 'intake', 'fi', 'x'.repeat(81)))).toEqual([
      expect.objectContaining({ path: '/stageNames/intake/fi', code: 'invalid-stage-name' }),
    ]);
    for (const typed of ['', '-3', '1.5']) {
      expect(workflowSchemaProblems(deadlineAfter(isoOf(typed, 'days')))).toEqual([
        expect.objectContaining({ path: '/stages/intake/deadlines/0/after', code: 'invalid-duration' }),
      ]);
    }
  });
});
