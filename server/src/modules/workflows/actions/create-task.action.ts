import { z } from 'zod';
import { defineAction } from './action.types';
import { durationParam, i18nKeyParam, roleParam } from './action-params.schemas';

export const createTaskAction = defineAction({
  id: 'create-task',
  paramsSchema: z.strictObject({ titleKey: i18nKeyParam, role: roleParam, due: durationParam.optional() }),
  describe: (p) => [{ type: 'task.create', titleKey: p.titleKey, assigneeRole: p.role, due: p.due }],
});
