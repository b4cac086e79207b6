import { z } from 'zod';
import { IsoDateTime } from '../api/wire.schemas';

/*
 * The answers of the native submissions API, shared by client and server (the OpenAPI document is generated from
 * them; openapi-responses.test.ts parses real answers with them).
 */

/** A submission as its reader may see it: fields the reader may not read are left out of `data` and named in `masked`. */
export const SubmissionViewSchema = z.object({
  id: z.string(),
  formId: z.string(),
  formPath: z.string(),
  /** The form revision it was made against (and is validated against). */
  revision: z.number().int(),
  caseId: z.string().nullable(),
  orgId: z.string(),
  data: z.record(z.string(), z.unknown()),
  /** Key paths of the answers withheld from this reader. */
  masked: z.array(z.string()),
  createdBy: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int(),
});
export type SubmissionView = z.infer<typeof SubmissionViewSchema>;

/** `GET /api/submissions`: a page, newest first. */
export const SubmissionListSchema = z.object({ items: z.array(SubmissionViewSchema), total: z.number().int(), skip: z.number().int(), limit: z.number().int() });

/**
 * A question of the revision, as a reader of answers needs it: its place, its label and its options (Form.io's
 * `type`, `key`, `label`, `values`, `data.values`, `tree`, and the questions inside it); no logic, no rules.
 */
export const QuestionSchema = z.looseObject({ type: z.string().optional(), key: z.string().optional(), label: z.string().optional() });
/** `GET /api/submissions/:id/questions`: the pinned revision's title and questions, with the request language's translations. */
export const SubmissionQuestionsSchema = z.object({
  title: z.string().optional(),
  components: z.array(QuestionSchema),
  /** source text -> translation in the request language. */
  translations: z.record(z.string(), z.string()),
});
