import type { z } from 'zod';
import { AppError } from '../errors/app-error';

/** Parses input with a zod schema; every problem is reported at once with its path, and nothing is changed. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError(400, 'validation-failed', {
    extensions: {
      errors: result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        code: issue.code,
        message: issue.message,
      })),
    },
  });
}
