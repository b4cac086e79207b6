import { ancestorsOf, listTransitions, stageIndex } from '../../../contracts/workflows/stage-tree.util';
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
