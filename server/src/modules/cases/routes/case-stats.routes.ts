import express, { type Router } from 'express';
import { requireAuth, serviceContext } from '../../access';
import type { CaseRuntime } from '../service/case-runtime';
import { caseStats } from '../service/case-stats.service';

/** `GET /api/case-stats`: the dashboard's counts (a path of its own, so it can never be read as a case id). */
export function caseStatsRoutes(rt: CaseRuntime): Router {
  const router = express.Router();
  router.get('/case-stats', requireAuth, async (req, res) => {
    res.json(await caseStats(rt, serviceContext(rt.db, req)));
  });
  return router;
}
