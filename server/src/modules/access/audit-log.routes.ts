import express, { type Router } from 'express';
import { isValidObjectId, type Connection } from 'mongoose';
import { z } from 'zod';
import { parseInput } from '../../core/http/validate';
import { requireAuth } from './authenticate.middleware';
import { listAuditEntries } from './audit-log.service';
import { serviceContext } from './service-context';
import { nameEntries, type AuditNamers } from './audit-log-names';

const objectId = z.string().refine((value) => isValidObjectId(value));
export const auditQuerySchema = z
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

/**
 * Read-only: there is deliberately no route that changes or deletes an audit entry. People and records are named by
 * `namers` (each module names its own records through the permission layer), in the reader's language.
 */
export function auditRoutes(db: Connection, namers: AuditNamers): Router {
  const router = express.Router();
  router.get('/audit', requireAuth, async (req, res) => {
    const query = parseInput(auditQuerySchema, req.query);
    const ctx = serviceContext(db, req);
    const { items: entries, total } = await listAuditEntries(ctx, query);
    const items = await nameEntries(ctx, entries, namers, query.subjectId);
    res.setHeader('Content-Range', `items ${items.length ? query.skip : 0}-${items.length ? query.skip + items.length - 1 : 0}/${total}`);
    res.json({ items, total, skip: query.skip, limit: query.limit });
  });
  return router;
}
