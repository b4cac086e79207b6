import { z } from 'zod';
import { languageCode } from '../forms';

// Form.io clients send query parameters of their own (`live=1`, `select=`...): unknown ones are ignored here,
// not refused, so the unchanged SDK works. What is used is still validated.
const sortField = z.string().regex(/^-?(created|modified|title|name|path|_id)$/);

export const formioListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(10),
  skip: z.coerce.number().int().min(0).default(0),
  sort: sortField.optional(),
});

/** `?lang=fi` on a form read: the form's texts in that language, as the native API gives them. */
export const formioFormQuery = z.object({ lang: languageCode.optional() });

export const formioFormListQuery = formioListQuery.extend({
  lang: languageCode.optional(),
  type: z.string().max(20).optional(),
  tags: z.string().max(200).optional(),
  name: z.string().max(200).optional(),
  path: z.string().max(200).optional(),
  title: z.string().max(300).optional(),
});

export const formioSubmissionBody = z.object({
  data: z.unknown(),
  caseId: z.string().max(50).optional(),
  version: z.number().int().min(0).optional(),
  metadata: z.object({ caseId: z.string().max(50).nullish() }).loose().optional(),
});

export const formioFormVersion = z.object({ version: z.number().int().min(0).optional() });

/** `-created` -> { createdAt: -1 }: Form.io's names mapped to ours. */
export function toSort(sort: string | undefined, fallback: Record<string, 1 | -1>): Record<string, 1 | -1> {
  if (!sort) return fallback;
  const direction = sort.startsWith('-') ? -1 : 1;
  const field = sort.replace(/^-/, '');
  const mapped = field === 'created' ? 'createdAt' : field === 'modified' ? 'updatedAt' : field;
  return { [mapped]: direction, _id: direction };
}
