import { z } from 'zod';
import { defineAction } from './action.types';

export const setFieldAction = defineAction({
  id: 'set-field',
  // Only case.fields.<name>: a workflow must not rewrite the person, consents or dates it is guarded on.
  paramsSchema: z.strictObject({
    field: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  }),
  describe: (p) => [{ type: 'case.setField', field: p.field, value: p.value }],
});
