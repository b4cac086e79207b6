import { analyseGuard } from '../definition/json-logic-guard.validator';
import { listTransitions, resolveTarget, stageIndex } from '../../../contracts/workflows/stage-tree.util';
import type { BlockedEvent, BlockReason } from '../../../contracts/workflows/event-option.types';
import type { Guard, WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { RECHECK_EVENTS, type EvaluationContext } from './evaluation-context.types';
import { eventDataOf } from './event-options';
import { evaluateGuard, guardData } from './guard-evaluator';
import type { PersistedWorkflowSnapshot } from './persisted-snapshot';


/** The parts of a guard that must all hold: the arguments of a top-level `and`, else the guard itself. */
function conjuncts(guard: Guard): Guard[] {
  const and = (guard as { and?: unknown }).and;
  return Array.isArray(and) && Object.keys(guard).length === 1 ? (and as Guard[]) : [guard];
}

function reasonsOf(guard: Guard): BlockReason[] {
  const reasons: BlockReason[] = [];
  for (const variable of analyseGuard(guard).variables) {
    const consent = /^case\.consents\.([^.]+)/.exec(variable);
    const answer = /^submissions\.([^.]+)/.exec(variable);
    if (consent) reasons.push({ kind: 'consent', recipient: consent[1]! });
    else if (answer) reasons.push({ kind: 'answer', form: answer[1]! });
  }
  return reasons.length > 0 ? reasons : [{ kind: 'condition' }];
}

const keyOf = (reason: BlockReason) => JSON.stringify(reason);

/**
 * The events the active stages have but cannot take now, each with its reasons; an event that some transition allows
 * now is not listed. Events whose guards read event data the page cannot choose, and the re-check events, are left out.
 */
export function blockedEvents(def: WorkflowDefinition, persisted: PersistedWorkflowSnapshot, ctx: EvaluationContext, offered: ReadonlySet<string>): BlockedEvent[] {
  if (persisted.status === 'done') return [];
  const index = stageIndex(def);
  const blocked = new Map<string, Map<string, BlockReason>>();
  for (const path of Object.keys(persisted.stageEntries)) {
    const entry = index.get(path);
    if (!entry || entry.stage.type === 'final') continue;
    const missingForms = (entry.stage.requiredForms ?? []).filter((form) => ctx.submissions[form] === undefined);
    for (const t of listTransitions(entry)) {
      if (t.trigger.kind !== 'event' || RECHECK_EVENTS.has(t.trigger.event) || offered.has(t.trigger.event)) continue;
      const guard = t.transition.guard;
      const data = eventDataOf(guard);
      if (data === null) continue;
      const reasons: BlockReason[] = [];
      if (!t.transition.ignoreRequiredForms && missingForms.length > 0) reasons.push({ kind: 'forms', forms: missingForms });
      if (guard !== undefined) {
        for (const part of conjuncts(guard)) if (!evaluateGuard(part, guardData(ctx, data))) reasons.push(...reasonsOf(part));
      }
      if (reasons.length === 0) continue;
      const known = blocked.get(t.trigger.event) ?? new Map<string, BlockReason>();
      for (const reason of reasons) known.set(keyOf(reason), reason);
      blocked.set(t.trigger.event, known);
    }
  }
  return [...blocked].map(([type, reasons]) => ({ type, reasons: [...reasons.values()] })).sort((a, b) => a.type.localeCompare(b.type));
}

/**
 * Events that end the case: an active stage's transition on them goes to a top-level final stage (`closed`). The case
 * page puts them last and asks for a reason and a confirmation.
 */
export function endingEvents(def: WorkflowDefinition, persisted: PersistedWorkflowSnapshot): string[] {
  const index = stageIndex(def);
  const ending = new Set<string>();
  for (const path of Object.keys(persisted.stageEntries)) {
    const entry = index.get(path);
    if (!entry) continue;
    for (const t of listTransitions(entry)) {
      if (t.trigger.kind !== 'event' || !t.transition.target) continue;
      const target = resolveTarget(index, path, t.transition.target);
      if (target && !target.includes('/') && index.get(target)?.stage.type === 'final') ending.add(t.trigger.event);
    }
  }
  return [...ending].sort();
}
