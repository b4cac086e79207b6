import { z } from 'zod';
import { IDENTIFIER_PATTERN } from '../../../contracts/workflows/workflow-definition.schemas';
import { REFERRAL_PURPOSES, SHAREABLE_GROUPS } from '../../../contracts/referrals/referral.schemas';
import { defineAction } from './action.types';
import { i18nKeyParam, roleParam } from './action-params.schemas';

const eventParam = z.string().regex(/^[a-z][A-Za-z0-9.]*$/).max(60);

/**
 * Refers the case to another organisation: a referral record the receiver accepts or declines. The recipient is a
 * consent key (`nas`, `iom`): the organisation is the one whose referrals rest on that consent, so the same
 * definition serves every municipality. `role` is the receiver's workflow role, which gets a task on acceptance;
 * `accepted` and `declined` are this workflow's events fired on the case when the receiver decides. `groups` are
 * what the purpose needs (IOM preparing a return needs no safe-house location or criminal proceedings): shared by
 * default, as far as the person's consent covers them, when the caseworker names no groups of their own.
 */
export const referAction = defineAction({
  id: 'refer',
  paramsSchema: z.strictObject({
    recipient: z.string().regex(IDENTIFIER_PATTERN),
    purpose: z.enum(REFERRAL_PURPOSES).default('service'),
    role: roleParam,
    taskKey: i18nKeyParam.optional(),
    accepted: eventParam.optional(),
    declined: eventParam.optional(),
    groups: z.array(z.enum(SHAREABLE_GROUPS)).min(1).max(SHAREABLE_GROUPS.length).optional(),
  }),
  describe: (p) => [
    {
      type: 'referral.request',
      recipient: p.recipient,
      purpose: p.purpose,
      role: p.role,
      taskKey: p.taskKey ?? 'workflows:actions.refer.task',
      ...(p.accepted ? { acceptedEvent: p.accepted } : {}),
      ...(p.declined ? { declinedEvent: p.declined } : {}),
      ...(p.groups ? { groups: p.groups } : {}),
    },
  ],
});
