import { ancestorsOf, listStages, listTransitions, stageIndex } from '../../../contracts/workflows/stage-tree.util';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import type { ReferralEventOption } from '../../../contracts/workflows/event-option.types';
import { describeAction } from '../actions/action-registry';

/**
 * The events of the active stages whose transitions refer the case (the `refer` action), with the consent key and
 * purpose the definition declares: the case page asks for the groups and a message when one is fired, and a direct
 * referral to that recipient fires it, so the workflow and the referral never disagree.
 */
export function referralEvents(def: WorkflowDefinition, activePaths: readonly string[]): ReferralEventOption[] {
  const index = stageIndex(def);
  const paths = new Set(activePaths.flatMap((path) => [path, ...ancestorsOf(path)]));
  const out = new Map<string, ReferralEventOption>();
  for (const path of paths) {
    const entry = index.get(path);
    if (!entry) continue;
    for (const { trigger, transition } of listTransitions(entry)) {
      if (trigger.kind !== 'event') continue;
      for (const action of transition.actions ?? []) {
        for (const effect of describeAction(action)) {
          if (effect.type === 'referral.request' && !out.has(trigger.event)) out.set(trigger.event, { event: trigger.event, recipient: effect.recipient, purpose: effect.purpose });
        }
      }
    }
  }
  return [...out.values()];
}

/**
 * The events the definition's referrals fire when the receiver decides (the `refer` action's `accepted` and
 * `declined`): the receiving organisation's decision, so nobody fires them from the case page; only the referral's
 * acceptance or decline moves the case on them.
 */
export function referralDecisionEvents(def: WorkflowDefinition): Set<string> {
  const events = new Set<string>();
  for (const entry of listStages(def)) {
    for (const { transition } of listTransitions(entry)) {
      for (const action of transition.actions ?? []) {
        for (const effect of describeAction(action)) {
          if (effect.type !== 'referral.request') continue;
          if (effect.acceptedEvent) events.add(effect.acceptedEvent);
          if (effect.declinedEvent) events.add(effect.declinedEvent);
        }
      }
    }
  }
  return events;
}
