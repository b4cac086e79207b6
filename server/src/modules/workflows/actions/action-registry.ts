import type { ActionDefinition, ActionEffect } from './action.types';
import { createTaskAction } from './create-task.action';
import { notifyRoleAction } from './notify-role.action';
import { openChildBranchAction } from './open-child-branch.action';
import { referAction } from './refer.action';
import { requestConsentAction } from './request-consent.action';
import { requireFormAction } from './require-form.action';
import { scheduleReviewAction } from './schedule-review.action';
import { recordDateAction, recordTextAction } from './record-input.action';
import { setFieldAction } from './set-field.action';

export type ActionRegistry = ReadonlyMap<string, ActionDefinition>;

export function createActionRegistry(actions: ActionDefinition[]): ActionRegistry {
  return new Map(actions.map((a) => [a.id, a]));
}

/** The actions a workflow may use. Adding one here (with its en/fi keys) is how the platform grows a capability. */
export const defaultActionRegistry: ActionRegistry = createActionRegistry([
  createTaskAction,
  notifyRoleAction,
  requireFormAction,
  setFieldAction,
  openChildBranchAction,
  requestConsentAction,
  scheduleReviewAction,
  recordDateAction,
  recordTextAction,
  referAction,
]);

export class UnknownActionError extends Error {
  constructor(readonly actionId: string) {
    super(`unknown workflow action ${actionId}`);
  }
}

/** The effect of one action to run, for display or for the executor; params are parsed by the action's schema. */
export function describeAction(
  action: { id: string; params?: Record<string, unknown> },
  registry: ActionRegistry = defaultActionRegistry,
): ActionEffect[] {
  const def = registry.get(action.id);
  if (!def) throw new UnknownActionError(action.id);
  return def.describe(def.paramsSchema.parse(action.params ?? {}));
}
