import { z } from 'zod';
import { defineAction } from './action.types';
import { formPathParam, roleParam } from './action-params.schemas';

export const requireFormAction = defineAction({
  id: 'require-form',
  paramsSchema: z.strictObject({ formPath: formPathParam, role: roleParam.optional() }),
  formPaths: (p) => [p.formPath],
  describe: (p) => [{ type: 'form.require', formPath: p.formPath, role: p.role }],
});
