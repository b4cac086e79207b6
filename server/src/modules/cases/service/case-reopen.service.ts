import type { ReopenCaseInput } from '../../../contracts/cases/case.schemas';
import { conflict, orVersionConflict, versionConflict } from '../../../core/errors/app-error';
import { auditedWrite } from '../../audit';
import { auditActor, type ServiceContext } from '../../access';
import { stageIndex } from '../../../contracts/workflows/stage-tree.util';
import type { StageValue } from '../../../contracts/workflows/workflow-snapshot.types';
import type { PersistedWorkflowSnapshot } from '../../workflows';
import { plannedTimers, withDeadlines } from '../timers/case-deadlines';
import { availableEvents } from './case-available-events';
import { definitionOf } from './case-advance';
import { ensureCaseAction, readableCase } from './case-access';
import { evaluationContext } from './case-context';
import { presentCase } from './case-presenter';
import type { CaseRuntime } from './case-runtime';
import { activeStagePaths } from './case-step';
import { commitCase } from './case-writer';

const caseNotClosed = () => conflict('case-not-closed');

/** The stage value of a set of active stage paths (`assistance/plan/drafting` …). */
function valueOf(paths: string[]): StageValue {
  const tree: Record<string, unknown> = {};
  for (const path of paths) {
    let node = tree;
    for (const part of path.split('/')) node = (node[part] ??= {}) as Record<string, unknown>;
  }
  const toValue = (node: Record<string, unknown>): StageValue => {
    const entries = Object.entries(node);
    if (entries.length === 1 && Object.keys(entries[0]![1] as object).length === 0) return entries[0]![0];
    return Object.fromEntries(entries.map(([key, child]) => [key, Object.keys(child as object).length === 0 ? {} : toValue(child as Record<string, unknown>)])) as StageValue;
  };
  return toValue(tree);
}

/**
 * `POST /api/cases/:id/reopen`: a closed case goes back to the stages it was in when the event that closed it was
 * taken (the `exited` stages of that timeline entry), with a reason, recorded in the timeline as `reopened` and in
 * the audit log. The deadlines of those stages start again from now. Firing events is the permission needed.
 */
export async function reopenCase(rt: CaseRuntime, ctx: ServiceContext, id: string, input: ReopenCaseInput) {
  const record = await readableCase(ctx, id);
  ensureCaseAction(ctx, record, 'fire');
  if (record.version !== input.version) throw versionConflict();
  const persisted = record.workflow.snapshot as unknown as PersistedWorkflowSnapshot;
  if (persisted.status !== 'done') throw caseNotClosed();
  const def = await definitionOf(rt, record);
  const index = stageIndex(def);
  const closing = [...record.workflow.timeline].reverse().find((entry) => entry.type === 'event' && (entry.exited?.length ?? 0) > 0);
  const before = (closing?.exited ?? []).filter((path) => index.has(path) && index.get(path)!.stage.type !== 'final');
  // The stages that had no stage below them active: the compound and parallel ones follow from their children.
  const leaves = before.filter((path) => !before.some((other) => other.startsWith(`${path}/`)));
  if (leaves.length === 0) throw caseNotClosed();
  const now = rt.clock.now();
  const snapshot: PersistedWorkflowSnapshot = {
    status: 'active',
    value: valueOf(leaves),
    stageEntries: Object.fromEntries(before.map((path) => [path, now.toISOString()])),
  };
  const by = ctx.auth.user._id.toHexString();
  const reopened = {
    ...record.workflow,
    snapshot: snapshot as typeof record.workflow.snapshot,
    activeStages: activeStagePaths(snapshot),
    timeline: [...record.workflow.timeline, { at: now, type: 'reopened', by, detail: input.reason, entered: before }],
  };
  const evaluation = await evaluationContext(rt, record);
  const timers = plannedTimers(def, reopened, evaluation, now);
  const committed = await auditedWrite(ctx.db, auditActor(ctx), { action: 'reopen', subjectType: 'Case', subjectId: id }, async () =>
    orVersionConflict(await commitCase(rt, record, { set: { workflow: withDeadlines(reopened, timers) }, timers, notifications: [] })),
  );
  return { ...presentCase(ctx, committed, now).body, ...(await availableEvents(rt, ctx, committed)) };
}
