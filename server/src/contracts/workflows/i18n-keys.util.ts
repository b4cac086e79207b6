import { listStages, listTransitions } from './stage-tree.util';
import type { WorkflowDefinition } from './workflow-definition.schemas';

/*
 * Definitions carry no display text: the names of stages, events, deadlines and roles are derived i18n keys in the
 * `workflows` namespace. Stages with the same id (e.g. `inProgress` in every service track) share one text.
 */
export const stageKey = (workflowId: string, stageId: string) => `workflows:${workflowId}.stages.${stageId}`;
export const eventKey = (workflowId: string, event: string) => `workflows:${workflowId}.events.${event}`;
export const deadlineKey = (workflowId: string, deadlineId: string) => `workflows:${workflowId}.deadlines.${deadlineId}`;
export const roleKey = (role: string) => `workflows:roles.${role}`;
export const actionKey = (actionId: string) => `workflows:actions.${actionId}.title`;
export const problemKey = (code: string) => `workflows:problems.${code}`;

/** Every key a definition needs translated, for the translation-completeness test and the editor. */
export function definitionI18nKeys(def: WorkflowDefinition): string[] {
  const keys = new Set<string>([def.titleKey]);
  for (const entry of listStages(def)) {
    keys.add(stageKey(def.id, entry.id));
    for (const a of entry.stage.roles ?? []) keys.add(roleKey(a.role));
    if (entry.stage.type === 'final') continue;
    for (const d of entry.stage.deadlines ?? []) keys.add(deadlineKey(def.id, d.id));
    for (const t of listTransitions(entry)) if (t.trigger.kind === 'event') keys.add(eventKey(def.id, t.trigger.event));
  }
  return [...keys].sort();
}
