import { z } from 'zod';

/**
 * RFC 9457 problem details, as every refusal of the API is answered (`application/problem+json`): a stable `code`
 * (also the last segment of `type`), a translated `title` and `detail`, and members of its own per code (`errors`
 * of invalid input with their paths, `acceptedEvents`, `retryAfter` …), which is why the object stays open.
 */
export const ProblemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  code: z.string(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
