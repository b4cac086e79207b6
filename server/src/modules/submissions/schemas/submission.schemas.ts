import { z } from 'zod';

export const createSubmissionSchema = z.object({ data: z.unknown(), caseId: z.string().max(50).optional() }).strict();
export const updateSubmissionSchema = z.object({ data: z.unknown(), version: z.number().int().min(0) }).strict();

export const listSubmissionsQuery = z
  .object({
    formId: z.string().max(50).optional(),
    formPath: z.string().max(200).optional(),
    caseId: z.string().max(50).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    skip: z.coerce.number().int().min(0).default(0),
  })
  .strict();
