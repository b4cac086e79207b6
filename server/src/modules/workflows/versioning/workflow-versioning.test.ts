import type { AtomicStage, ParallelStage } from '../../../contracts/workflows/workflow-definition.schemas';
import { fixtureWorkflow } from '../../../../../test/helpers/workflow-fixtures';
import { diffWorkflows } from './workflow-diff';
import { mergeWorkflows } from './workflow-merge';
import { canMigrate } from './workflow-migration';

describe('diffWorkflows', () => {
  it('lists stages, transitions, deadlines and forms added, removed and changed, with paths', () => {
    const a = fixtureWorkflow();
    const b = fixtureWorkflow();
    b.stages.followUp = { type: 'atomic', on: { done: [{ target: 'closed' }] } };
    delete b.stages.nas;
    (b.stages.referral as AtomicStage).on!.skipNas![0]!.target = 'closed';
    (b.stages.plan as AtomicStage).requiredForms = ['plan-of-assistance', 'integration-checkpoints'];
    (b.stages.plan as AtomicStage).on!.planRejected = [{ target: 'referral' }];
    (b.stages.services as ParallelStage).deadlines![0]!.remindBefore = ['P14D'];
    const changes = diffWorkflows(a, b).map((c) => `${c.subject} ${c.change} ${c.path}`);
    expect(changes).toEqual(
      expect.arrayContaining([
        'stage added /stages/followUp',
        'stage removed /stages/nas',
        'transition changed /stages/referral/on/skipNas/0',
        'transition added /stages/plan/on/planRejected/0',
        'form added /stages/plan/requiredForms/1',
        'deadline changed /stages/services/deadlines/0',
      ]),
    );
    expect(diffWorkflows(a, fixtureWorkflow())).toEqual([]);
  });
});

describe('mergeWorkflows', () => {
  it('takes upstream changes, keeps local ones, and reports a conflict instead of overwriting', () => {
    const base = fixtureWorkflow();
    const ours = fixtureWorkflow();
    const theirs = fixtureWorkflow();
    ours.version = 3;
    ours.upstream = { id: 'fixture', version: 1 };
    // Local: the municipality reminds 10 days before the reflection period ends, and adds its own stage.
    (ours.stages.services as ParallelStage).deadlines![0]!.remindBefore = ['P10D'];
    ours.stages.localNetwork = { type: 'atomic', on: { done: [{ target: 'closed' }] } };
    // Upstream: 14 days (conflict) and a new required form on the plan (no conflict).
    theirs.version = 2;
    (theirs.stages.services as ParallelStage).deadlines![0]!.remindBefore = ['P14D'];
    (theirs.stages.plan as AtomicStage).requiredForms = ['plan-of-assistance', 'integration-checkpoints'];

    const { merged, conflicts } = mergeWorkflows(base, ours, theirs);
    expect(conflicts).toEqual([
      { path: '/stages/services/deadlines/0/remindBefore', base: ['P7D'], ours: ['P10D'], theirs: ['P14D'] },
    ]);
    expect((merged.stages.services as ParallelStage).deadlines![0]!.remindBefore).toEqual(['P10D']);
    expect((merged.stages.plan as AtomicStage).requiredForms).toEqual(['plan-of-assistance', 'integration-checkpoints']);
    expect(merged.stages.localNetwork).toBeDefined();
    expect(merged.version).toBe(3);
    expect(merged.upstream).toEqual({ id: 'fixture', version: 1 });
  });

  it('applies an upstream removal only where the clone left the stage untouched', () => {
    const base = fixtureWorkflow();
    const ours = fixtureWorkflow();
    const theirs = fixtureWorkflow();
    delete theirs.stages.nas;
    expect(mergeWorkflows(base, ours, theirs).merged.stages.nas).toBeUndefined();
    (ours.stages.nas as AtomicStage).roles = [{ role: 'nasCoordinator', duty: 'responsible' }];
    const result = mergeWorkflows(base, ours, theirs);
    expect(result.merged.stages.nas).toBeDefined();
    expect(result.conflicts.map((c) => c.path)).toEqual(['/stages/nas']);
  });
});

describe('canMigrate', () => {
  const snapshot = {
    status: 'active' as const,
    value: { services: { legalAssistance: 'inProgress', languageCheckpoint: 'pending' } },
    stageEntries: {
      services: 't', 'services/legalAssistance': 't', 'services/legalAssistance/inProgress': 't',
      'services/languageCheckpoint': 't', 'services/languageCheckpoint/pending': 't',
    },
  };

  it('allows a move when every active stage exists in the new version', () => {
    const to = fixtureWorkflow();
    to.version = 2;
    to.stages.extra = { type: 'atomic', on: { done: [{ target: 'closed' }] } };
    expect(canMigrate(snapshot, fixtureWorkflow(), to)).toEqual({ ok: true });
  });

  it('refuses when an active stage was removed or changed kind, or the case has finished', () => {
    const removed = fixtureWorkflow();
    const track = (removed.stages.services as ParallelStage).regions.legalAssistance as { stages: Record<string, unknown> };
    delete track.stages.inProgress;
    expect(canMigrate(snapshot, fixtureWorkflow(), removed)).toEqual({ ok: false, reason: 'stage-removed', stagePath: 'services/legalAssistance/inProgress' });
    const changed = fixtureWorkflow();
    const changedTrack = (changed.stages.services as ParallelStage).regions.legalAssistance as { stages: Record<string, unknown> };
    changedTrack.stages.inProgress = { type: 'compound', initial: 'a', stages: { a: { type: 'final' } } };
    expect(canMigrate(snapshot, fixtureWorkflow(), changed)).toEqual({ ok: false, reason: 'stage-type-changed', stagePath: 'services/legalAssistance/inProgress' });
    expect(canMigrate({ ...snapshot, status: 'done' }, fixtureWorkflow(), fixtureWorkflow())).toEqual({ ok: false, reason: 'workflow-finished' });
  });
});
