import express, { type RequestHandler } from 'express';
import { isValidObjectId, type Connection } from 'mongoose';
import { z } from 'zod';
import { parseInput } from '../../core/http/validate';
import { requireAuth } from './authenticate.middleware';
import { serviceContext } from './service-context';
import type { User } from './user.model';
import { createUserWithInvitation, listUsers, revokeSessionsOf } from './user.service';
import { underPaths } from '../../core/http/under-paths';

const objectId = z.string().refine((value) => isValidObjectId(value));
export const createUserSchema = z
  .object({
    email: z.email().max(320),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(12).max(1024).optional(),
    roleId: objectId,
  })
  .strict();

const present = (user: User) => ({
  id: user._id,
  email: user.email,
  name: user.name,
  status: user.status,
  memberships: user.memberships,
});

export function userRoutes(db: Connection): RequestHandler {
  const router = express.Router();
  router.use('/users', requireAuth);

  router.get('/users', async (req, res) => {
    res.json((await listUsers(serviceContext(db, req))).map(present));
  });

  /** Adds a user to the active organisation with one of its roles (user.service.ts). */
  router.post('/users', async (req, res) => {
    const { user, invitation } = await createUserWithInvitation(serviceContext(db, req), parseInput(createUserSchema, req.body), new Date());
    // The link is shown once, to the administrator, who passes it on; the token is not stored, only its hash.
    res.status(201).json({ ...present(user), ...(invitation ? { invitation: { url: `/set-password#${invitation.token}`, expiresAt: invitation.expiresAt } } : {}) });
  });

  /** Ends every session of a user at once (lost laptop, person leaving). */
  router.post('/users/:id/revoke-sessions', async (req, res) => {
    res.json({ revoked: await revokeSessionsOf(serviceContext(db, req), req.params.id) });
  });
  return underPaths(['/users'], router);
}
