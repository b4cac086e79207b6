import { z } from 'zod';
import { defineAction } from './action.types';
import { durationParam, formPathParam, roleParam } from './action-params.schemas';

export const scheduleReviewAction = defineAction({
  id: 'schedule-review',
  paramsSchema: z.strictObject({ after: durationParam, role: roleParam, formPath: formPathParam.optional() }),
  formPaths: (p) => (p.formPath ? [p.formPath] : []),
  describe: (p) => [{ type: 'review.schedule', after: p.after, role: p.role, formPath: p.formPath }],
});
