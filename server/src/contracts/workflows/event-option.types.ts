import { z } from 'zod';

/**
 * A value entered when firing an event, declared by the transition's `record-date` or `record-text` action. `min` and
 * `max` are calendar days (`2025-07-03`) worked out on the server from the case's dates and the jurisdiction's
 * parameters. Labels are `workflows:<workflow>.inputs.<name>`.
 */
export const EventInputSchema = z.object({
  name: z.string(),
  kind: z.enum(['date', 'text']),
  min: z.string().optional(),
  max: z.string().optional(),
  maxLength: z.number().int().optional(),
});
export type EventInput = z.infer<typeof EventInputSchema>;

/**
 * An event a person can take on a case now, with the data to send with it (`{ stop: 'legalAssistance' }` for one
 * service track): the server works these out from the active stages' guards, the client shows them as buttons.
 */
export const EventOptionSchema = z.object({
  type: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  /** What the person enters with the event (a decision date, the new end of a period, a name), with its limits. */
  inputs: z.array(EventInputSchema).optional(),
});
export type EventOption = z.infer<typeof EventOptionSchema>;

/** Why an entered value was refused: missing, not a date, or outside its limits (`limit` is the day it must respect). */
export const EventInputProblemSchema = z.object({
  /** `data/<name>`: where the value was sent. */
  path: z.string(),
  name: z.string(),
  code: z.enum(['required', 'invalid', 'too-early', 'too-late', 'too-long']),
  limit: z.union([z.string(), z.number()]).optional(),
});
export type EventInputProblem = z.infer<typeof EventInputProblemSchema>;

/**
 * Why an event of an active stage cannot be taken now, read from the definition as data: the forms the stage still
 * requires, the consents its guard asks for (`case.consents.<recipient>.given`), the forms whose answers it reads
 * (`submissions.<form>.…`), or another condition of the case.
 */
export const BlockReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('forms'), forms: z.array(z.string()) }),
  z.object({ kind: z.literal('consent'), recipient: z.string() }),
  z.object({ kind: z.literal('answer'), form: z.string() }),
  z.object({ kind: z.literal('condition') }),
]);
export type BlockReason = z.infer<typeof BlockReasonSchema>;

/** An event the active stages have but cannot take now, with the reasons. */
export const BlockedEventSchema = z.object({ type: z.string(), reasons: z.array(BlockReasonSchema) });
export type BlockedEvent = z.infer<typeof BlockedEventSchema>;

/**
 * An event whose transition refers the case to another organisation (the workflow's `refer` action): the consent key
 * the referral rests on and its purpose. The case page asks for the groups to share and a message when it is fired.
 */
export const ReferralEventOptionSchema = z.object({ event: z.string(), recipient: z.string(), purpose: z.enum(['service', 'transfer']) });
export type ReferralEventOption = z.infer<typeof ReferralEventOptionSchema>;
