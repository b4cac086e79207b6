import { z } from 'zod';

/** A source a value comes from: a document in the seeds, a law or an official page. No personal contacts. */
const SourceSchema = z.strictObject({ title: z.string(), reference: z.string().optional() });

/** A value that sources disagree on or that changed recently: shipped, but marked for a person to check. */
const VerifySchema = z.strictObject({ note: z.string(), sources: z.array(SourceSchema).min(1) });

export const JurisdictionParameterSchema = z.strictObject({
  value: z.unknown(),
  /** `duration` values are ISO 8601; `money` values are `{ amount, currency }`. */
  kind: z.enum(['duration', 'money', 'authority', 'boolean', 'number', 'text']),
  source: SourceSchema.optional(),
  verify: VerifySchema.optional(),
});

export const JurisdictionSchema = z.strictObject({
  code: z.string().regex(/^[a-z]{2}$/),
  nameKey: z.string().regex(/^workflows:jurisdictions\.[a-z]{2}\.name$/),
  parameters: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), JurisdictionParameterSchema),
});

export type Jurisdiction = z.infer<typeof JurisdictionSchema>;
export type JurisdictionParameter = z.infer<typeof JurisdictionParameterSchema>;
