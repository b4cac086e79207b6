import express, { type Router } from 'express';
import { isValidObjectId, type Connection } from 'mongoose';
import { z } from 'zod';
import { notFound } from '../../core/errors/app-error';
import { parseInput } from '../../core/http/validate';
import { requireAuth } from '../access/authenticate.middleware';
import { withPermission } from '../access/permissions';
import { serviceContext } from '../access/service-context';
import { settleAuditCopies } from './audit-outbox';
import { auditModel } from './audit.model';

const objectId = z.string().refine((value) => isValidObjectId(value));
const querySchema = z
  .object({
    userId: objectId.optional(),
    subjectType: z.string().max(50).optional(),
    subjectId: z.string().max(100).optional(),
    action: z.string().max(50).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    skip: z.coerce.number().int().min(0).default(0),
  })
  .strict();

/** Read-only: there is deliberately no route that changes or deletes an audit entry. */
export function auditRoutes(db: Connection): Router {
  const router = express.Router();
  router.get('/audit', requireAuth, async (req, res) => {
    const ctx = serviceContext(db, req);
    // Roles without any audit permission do not learn that the log exists.
    if (!ctx.auth.ability.can('read', 'AuditEntry')) throw notFound();
    const query = parseInput(querySchema, req.query);
    const filter: Record<string, unknown> = {};
    if (query.userId) filter.userId = query.userId;
    if (query.subjectType) filter.subjectType = query.subjectType;
    if (query.subjectId) filter.subjectId = query.subjectId;
    if (query.action) filter.action = query.action;
    if (query.from || query.to) {
      filter.at = { ...(query.from ? { $gte: new Date(query.from) } : {}), ...(query.to ? { $lte: new Date(query.to) } : {}) };
    }
    const scoped = withPermission(ctx.auth.ability, 'read', 'AuditEntry', filter);
    // Entries stored with their records reach the log a moment later; what this process wrote is there first.
    await settleAuditCopies(db);
    const Audit = auditModel(db);
    const [items, total] = await Promise.all([
      Audit.find(scoped).sort({ at: -1, _id: -1 }).skip(query.skip).limit(query.limit).lean(),
      Audit.countDocuments(scoped),
    ]);
    res.setHeader('Content-Range', `items ${items.length ? query.skip : 0}-${items.length ? query.skip + items.length - 1 : 0}/${total}`);
    res.json({ items, total, skip: query.skip, limit: query.limit });
  });
  return router;
}
