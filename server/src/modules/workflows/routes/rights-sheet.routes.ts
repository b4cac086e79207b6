import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import { workflowsDir } from '../../../config/paths';
import { notFound } from '../../../core/errors/app-error';
import { underPaths } from '../../../core/http/under-paths';
import { parseInput } from '../../../core/http/validate';
import { requireAuth } from '../../access';
import type { WorkflowRouteDeps } from './workflow-route-deps';
import { readRightsFile, resolveRightsSheet } from '../jurisdictions/rights-sheet';

export const RightsSheetParamsSchema = z.strictObject({ code: z.string().regex(/^[a-z]{2}$/) });

/** `GET /api/jurisdictions/:code/rights`: the rights sheet of a jurisdiction with the numbers of the user's organisation. */
export function rightsSheetRoutes(rt: Pick<WorkflowRouteDeps, 'catalog'>): RequestHandler {
  const router = express.Router();
  router.get('/jurisdictions/:code/rights', requireAuth, async (req, res) => {
    const { code } = parseInput(RightsSheetParamsSchema, req.params);
    const sheet = rt.catalog.hasJurisdiction(code) ? readRightsFile(workflowsDir, code) : null;
    if (!sheet) throw notFound();
    res.json(resolveRightsSheet(sheet, await rt.catalog.parameters(req.ctx.auth!.org._id, code)));
  });
  return underPaths(['/jurisdictions'], router);
}
