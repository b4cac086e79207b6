import { evaluationContext, fixtureWorkflow, FIXTURE_PARAMETERS } from '../../../../../test/helpers/workflow-fixtures';
import { computeDueItems } from './deadline-schedule';
import type { PersistedWorkflowSnapshot } from './persisted-snapshot';

const def = fixtureWorkflow();
const entered = '2025-01-06T09:00:00Z';
const inServices: PersistedWorkflowSnapshot = {
  status: 'active',
  value: { services: { legalAssistance: 'notStarted', languageCheckpoint: 'pending' } },
  stageEntries: {
    services: entered,
    'services/legalAssistance': entered,
    'services/legalAssistance/notStarted': entered,
    'services/languageCheckpoint': entered,
    'services/languageCheckpoint/pending': entered,
  },
};

describe('computeDueItems', () => {
  it('reviews the plan every P4W for three months, then every P3M (durations from parameters)', () => {
    const items = computeDueItems(def, inServices, evaluationContext(), { now: entered, horizon: 'P9M' });
    expect(items.filter((i) => i.deadlineId === 'planReview').map((i) => i.dueAt)).toEqual([
      '2025-02-03T09:00:00Z',
      '2025-03-03T09:00:00Z',
      '2025-03-31T09:00:00Z',
      '2025-06-30T09:00:00Z',
      '2025-09-30T09:00:00Z',
    ]);
    expect(items.find((i) => i.deadlineId === 'planReview')).toEqual({
      id: 'services#planReview#1',
      stagePath: 'services',
      deadlineId: 'planReview',
      dueAt: '2025-02-03T09:00:00Z',
      kind: 'reminder',
      event: undefined,
    });
  });

  it('counts the reflection period from the decision date in the case, with a reminder before it', () => {
    const ctx = evaluationContext({ case: { dates: { reflectionDecision: '2025-01-10' } } });
    const items = computeDueItems(def, inServices, ctx, { now: entered, horizon: 'P1M' }).filter((i) => i.deadlineId === 'reflectionPeriod');
    expect(items).toEqual([
      { id: 'services#reflectionPeriod#1#reminder1', stagePath: 'services', deadlineId: 'reflectionPeriod', dueAt: '2025-02-02T00:00:00Z', kind: 'reminder' },
      { id: 'services#reflectionPeriod#1', stagePath: 'services', deadlineId: 'reflectionPeriod', dueAt: '2025-02-09T00:00:00Z', kind: 'deadline', event: 'reflectionPeriodEnded' },
    ]);
  });

  it('follows the jurisdiction: a longer period parameter moves the deadline, a missing date yields none yet', () => {
    const ctx = evaluationContext({ case: { dates: { reflectionDecision: '2025-01-10' } }, params: { ...FIXTURE_PARAMETERS, reflectionPeriod: 'P6M' } });
    const due = computeDueItems(def, inServices, ctx, { now: entered }).find((i) => i.id === 'services#reflectionPeriod#1');
    expect(due?.dueAt).toBe('2025-07-10T00:00:00Z');
    expect(computeDueItems(def, inServices, evaluationContext(), { now: entered }).some((i) => i.deadlineId === 'reflectionPeriod')).toBe(false);
  });

  it('has nothing to schedule for stages that are not active or a finished workflow', () => {
    expect(computeDueItems(def, { status: 'active', value: 'intake', stageEntries: { intake: entered } }, evaluationContext(), { now: entered })).toEqual([]);
    expect(computeDueItems(def, { ...inServices, status: 'done' }, evaluationContext(), { now: entered })).toEqual([]);
  });
});
