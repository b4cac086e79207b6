import type { ShareableGroup } from '../../../contracts/referrals/referral.schemas';
import type { z } from 'zod';
import type { Duration } from '../../../contracts/workflows/workflow-definition.schemas';
import type { DateBound } from './record-input.action';

/**
 * What an action means, as data. The engine only returns `{ id, params }`; the cases module later turns these
 * effects into tasks, notifications and field updates in the database.
 */
export type ActionEffect =
  | { type: 'task.create'; titleKey: string; assigneeRole: string; due?: Duration }
  | { type: 'notification.send'; role: string; messageKey: string }
  | { type: 'form.require'; formPath: string; role?: string }
  | { type: 'case.setField'; field: string; value: string | number | boolean | null }
  | { type: 'case.recordDate'; input: string; date: string; notBefore?: DateBound; notAfter?: DateBound }
  | { type: 'case.recordText'; input: string; field: string }
  | { type: 'childBranch.open'; legalRepresentativeRequired: boolean }
  | { type: 'consent.request'; recipient: string }
  | { type: 'review.schedule'; after: Duration; role: string; formPath?: string }
  | ReferralRequest;

/** A referral the step asks for (the `refer` action); the cases module has it recorded with the step. */
export interface ReferralRequest {
  type: 'referral.request';
  recipient: string;
  purpose: 'service' | 'transfer';
  /** The receiver's workflow role: its task on acceptance goes to it. */
  role: string;
  taskKey: string;
  acceptedEvent?: string;
  declinedEvent?: string;
  /** The field groups the workflow shares by default (the consent's coverage narrows them); all it covers when absent. */
  groups?: ShareableGroup[];
}

export interface ActionDefinition<S extends z.ZodType = z.ZodType> {
  id: string;
  paramsSchema: S;
  /** Form paths the params refer to, so validation can check that they exist. */
  formPaths?: (params: z.infer<S>) => string[];
  describe: (params: z.infer<S>) => ActionEffect[];
}

/** Keeps the params type of each action while letting the registry hold them side by side. */
export function defineAction<S extends z.ZodType>(action: ActionDefinition<S>): ActionDefinition {
  return action as unknown as ActionDefinition;
}
