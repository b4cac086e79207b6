import express, { type RequestHandler } from 'express';
import { isValidObjectId, type Connection } from 'mongoose';
import { z } from 'zod';
import { notFound } from '../../core/errors/app-error';
import { parseInput } from '../../core/http/validate';
import { recordAudit } from '../audit/audit.service';
import { requireAuth } from './authenticate.middleware';
import { ensureCan, withPermission } from './permissions';
import { auditActor, serviceContext } from './service-context';
import { revokeUserSessions } from './session.service';
import { userModel, type User } from './user.model';
import { createUser } from './user.service';
import { underPaths } from '../../core/http/under-paths';

const objectId = z.string().refine((value) => isValidObjectId(value));
const createUserSchema = z
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
    const ctx = serviceContext(db, req);
    const users = await userModel(db).find(withPermission(ctx.auth.ability, 'read', 'User')).sort({ email: 1 }).lean();
    res.json(users.map(present));
  });

  /** Adds a user to the active organisation with one of its roles (user.service.ts). */
  router.post('/users', async (req, res) => {
    const user = await createUser(serviceContext(db, req), parseInput(createUserSchema, req.body));
    res.status(201).json(present(user));
  });

  /** Ends every session of a user at once (lost laptop, person leaving). */
  router.post('/users/:id/revoke-sessions', async (req, res) => {
    const ctx = serviceContext(db, req);
    const user = await userModel(db).findOne(withPermission(ctx.auth.ability, 'read', 'User', { _id: req.params.id })).lean();
    if (!user) throw notFound();
    ensureCan(ctx.auth.ability, 'revoke', 'Session', { orgId: ctx.auth.org._id });
    const revoked = await revokeUserSessions(db, user._id);
    await recordAudit(db, auditActor(ctx), { action: 'revoke-sessions', subjectType: 'User', subjectId: String(user._id) });
    res.json({ revoked });
  });
  return underPaths(['/users'], router);
}
