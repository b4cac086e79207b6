import { can } from '../../access/permissions';
import type { ServiceContext } from '../../access/service-context';
import { listStages } from '../../../contracts/workflows/stage-tree.util';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { eventOptions, type EventOption } from '../../workflows/engine/event-options';
import type { PersistedWorkflowSnapshot } from '../../workflows/engine/persisted-snapshot';
import type { CaseRecord } from '../storage/case.model';
import { definitionOf } from './case-advance';
import { evaluationContext } from './case-context';
import type { CaseRuntime } from './case-runtime';

/**
 * The events this user may fire on this case now, for the case page's buttons: none without the `fire` permission;
 * otherwise those the active stages take with their guards and required forms evaluated on the server against the
 * case and its latest submissions (only event names and the data to send leave the server), one option per service
 * track where the tracks share an event. Events that deadlines fire and the engine's re-check events are never offered.
 */
export async function availableEvents(rt: CaseRuntime, ctx: ServiceContext, record: CaseRecord): Promise<{ availableEvents: string[]; eventOptions: EventOption[] }> {
  if (!can(ctx.auth.ability, 'fire', 'Case', record)) return { availableEvents: [], eventOptions: [] };
  const persisted = record.workflow.snapshot as unknown as PersistedWorkflowSnapshot;
  if (persisted.status === 'done') return { availableEvents: [], eventOptions: [] };
  const def = await definitionOf(rt, record);
  const timerEvents = deadlineEvents(def);
  const options = eventOptions(def, persisted, await evaluationContext(rt, record)).filter((option) => !timerEvents.has(option.type));
  return { availableEvents: [...new Set(options.map((option) => option.type))], eventOptions: options };
}

function deadlineEvents(def: WorkflowDefinition): Set<string> {
  const events = new Set<string>();
  for (const { stage } of listStages(def)) {
    if (!('deadlines' in stage)) continue;
    for (const deadline of stage.deadlines ?? []) if (deadline.event) events.add(deadline.event);
  }
  return events;
}
