import { can, type ServiceContext } from '../../access';
import { listStages } from '../../../contracts/workflows/stage-tree.util';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import type { BlockedEvent, ReferralEventOption } from '../../../contracts/workflows/event-option.types';
import {
  referralDecisionEvents, referralEvents, blockedEvents, endingEvents, eventOptions, type EventOption, type PersistedWorkflowSnapshot
} from '../../workflows';
import type { CaseRecord } from '../storage/case.model';
import { definitionOf } from './case-advance';
import { evaluationContext } from './case-context';
import type { CaseRuntime } from './case-runtime';

/**
 * The events this user may fire on this case now, for the case page's buttons: none without the `fire` permission;
 * otherwise those the active stages take with their guards and required forms evaluated on the server against the
 * case and its latest submissions (only event names and the data to send leave the server), one option per service
 * track where the tracks share an event. Events that deadlines fire, those a referral's decision fires (the receiver
 * decides them, not this user) and the engine's re-check events are never offered.
 * Also the events the active stages have but cannot take now, with the reasons in data (`blockedEvents`), and which
 * of the offered events end the case (`endingEvents`: the page asks for a reason and a confirmation).
 */
export async function availableEvents(
  rt: CaseRuntime,
  ctx: ServiceContext,
  record: CaseRecord,
): Promise<{ availableEvents: string[]; eventOptions: EventOption[]; blockedEvents: BlockedEvent[]; endingEvents: string[]; referralEvents: ReferralEventOption[] }> {
  const none = { availableEvents: [], eventOptions: [], blockedEvents: [], endingEvents: [], referralEvents: [] };
  if (!can(ctx.auth.ability, 'fire', 'Case', record)) return none;
  const persisted = record.workflow.snapshot as unknown as PersistedWorkflowSnapshot;
  if (persisted.status === 'done') return none;
  const def = await definitionOf(rt, record);
  const notOffered = new Set([...deadlineEvents(def), ...referralDecisionEvents(def)]);
  const evaluation = await evaluationContext(rt, record);
  const options = eventOptions(def, persisted, evaluation, rt.clock.now()).filter((option) => !notOffered.has(option.type));
  const offered = new Set(options.map((option) => option.type));
  return {
    availableEvents: [...offered],
    eventOptions: options,
    blockedEvents: blockedEvents(def, persisted, evaluation, offered).filter((blocked) => !notOffered.has(blocked.type)),
    endingEvents: endingEvents(def, persisted).filter((event) => offered.has(event)),
    referralEvents: referralEvents(def, record.workflow.activeStages),
  };
}

function deadlineEvents(def: WorkflowDefinition): Set<string> {
  const events = new Set<string>();
  for (const { stage } of listStages(def)) {
    if (!('deadlines' in stage)) continue;
    for (const deadline of stage.deadlines ?? []) if (deadline.event) events.add(deadline.event);
  }
  return events;
}
