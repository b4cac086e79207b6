import { z } from 'zod';
import { defineAction } from './action.types';
import { i18nKeyParam, roleParam } from './action-params.schemas';

export const notifyRoleAction = defineAction({
  id: 'notify-role',
  paramsSchema: z.strictObject({ role: roleParam, messageKey: i18nKeyParam }),
  describe: (p) => [{ type: 'notification.send', role: p.role, messageKey: p.messageKey }],
});
