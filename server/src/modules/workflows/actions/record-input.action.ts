import { z } from 'zod';
import { DurationSchema, IDENTIFIER_PATTERN } from '../../../contracts/workflows/workflow-definition.schemas';
import { defineAction } from './action.types';

const name = z.string().regex(IDENTIFIER_PATTERN).max(60);

/**
 * A limit of a date the person enters: today, or a case date plus a duration (a jurisdiction parameter, so the
 * maximum of an extension is the jurisdiction's, not the workflow's).
 */
export const DateBoundSchema = z.union([z.literal('today'), z.strictObject({ caseDate: name, after: DurationSchema.optional() })]);
export type DateBound = z.infer<typeof DateBoundSchema>;

/**
 * Records what a person enters when firing the event: a date into `case.dates.<date>` (which deadlines anchor on,
 * e.g. the decision that starts a reflection period) within optional limits, or a short text into
 * `case.fields.<field>` (the contact person named). The event is refused, with the field named, while the value is
 * missing or outside its limits.
 */
export const recordDateAction = defineAction({
  id: 'record-date',
  paramsSchema: z.strictObject({ input: name, date: name, notBefore: DateBoundSchema.optional(), notAfter: DateBoundSchema.optional() }),
  describe: (p) => [{ type: 'case.recordDate', input: p.input, date: p.date, notBefore: p.notBefore, notAfter: p.notAfter }],
});

export const recordTextAction = defineAction({
  id: 'record-text',
  paramsSchema: z.strictObject({ input: name, field: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/).max(60) }),
  describe: (p) => [{ type: 'case.recordText', input: p.input, field: p.field }],
});
