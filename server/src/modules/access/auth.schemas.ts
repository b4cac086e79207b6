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

/** `POST /api/auth/invitation`: the token from the invitation link and the password the person chooses. */
export const acceptInvitationSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
    password: z.string().min(12).max(1024),
  })
  .strict();
