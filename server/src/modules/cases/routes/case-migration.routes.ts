import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import { underPaths } from '../../../core/http/under-paths';
import { parseInput } from '../../../core/http/validate';
import { requireAuth, serviceContext } from '../../access';
import { migrateCases } from '../service/case-migration.service';
import type { CaseRuntime } from '../service/case-runtime';

export const MigrateCasesSchema = z.strictObject({ toVersion: z.number().int().positive(), dryRun: z.boolean().default(true) });

/**
 * `POST /api/workflows/:id/migrate`: moves a workflow's running cases to another of its versions. The URL names the
 * workflow, but the cases are what change, so the route lives here (cases depend on workflows, never the reverse).
 */
export function caseMigrationRoutes(rt: CaseRuntime): RequestHandler {
  const router = express.Router();
  router.use('/workflows/:id/migrate', requireAuth);
  router.post('/workflows/:id/migrate', async (req, res) => {
    res.json(await migrateCases(rt, serviceContext(rt.db, req), req.params.id, parseInput(MigrateCasesSchema, req.body)));
  });
  return underPaths(['/workflows'], router);
}
