import { can } from '../../access/permissions';
import type { ServiceContext } from '../../access/service-context';
import { listStages } from '../../workflows/definition/stage-tree.util';
import type { WorkflowDefinition } from '../../workflows/definition/workflow-definition.schemas';
import { acceptedEvents } from '../../workflows/engine/accepted-events';
import { RECHECK_EVENTS } from '../../workflows/engine/evaluation-context.types';
import type { PersistedWorkflowSnapshot } from '../../workflows/engine/persisted-snapshot';
import type { CaseRecord } from '../storage/case.model';
import { definitionOf } from './case-advance';
import { evaluationContext } from './case-context';
import type { CaseRuntime } from './case-runtime';

/**
 * The events this user may fire on this case now, for the case page's buttons: none without the `fire` permission;
 * otherwise those the active stages accept with their guards and required forms evaluated on the server against the
 * case and its latest submissions (only event names leave the server). Events that deadlines fire and the engine's
 * own re-check events are never offered by hand.
 */
export async function availableEvents(rt: CaseRuntime, ctx: ServiceContext, record: CaseRecord): Promise<string[]> {
  if (!can(ctx.auth.ability, 'fire', 'Case', record)) return [];
  const persisted = record.workflow.snapshot as unknown as PersistedWorkflowSnapshot;
  if (persisted.status === 'done') return [];
  const def = await definitionOf(rt, record);
  const timerEvents = deadlineEvents(def);
  return acceptedEvents(def, persisted, await evaluationContext(rt, record)).filter(
    (event) => !RECHECK_EVENTS.has(event) && !timerEvents.has(event),
  );
}

function deadlineEvents(def: WorkflowDefinition): Set<string> {
  const events = new Set<string>();
  for (const { stage } of listStages(def)) {
    if (!('deadlines' in stage)) continue;
    for (const deadline of stage.deadlines ?? []) if (deadline.event) events.add(deadline.event);
  }
  return events;
}
