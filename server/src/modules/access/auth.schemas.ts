import { z } from 'zod';

// Strings only: an object such as {"$gt": ""} in a credential field is refused before it reaches a query.
export const loginBodySchema = z
  .object({
    email: z.string().trim().min(1).max(320),
    password: z.string().min(1).max(1024),
    org: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const switchOrganisationSchema = z.object({ org: z.string().trim().min(1).max(100) }).strict();
