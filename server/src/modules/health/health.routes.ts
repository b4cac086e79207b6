import express, { type Router } from 'express';
import type { Connection } from 'mongoose';
import { databaseUnavailable } from '../../core/errors/app-error';
import { pingDatabase } from '../../core/db/connection';

/** Liveness says the process runs; readiness says the database answers, so a load balancer can route around us. */
export function healthRoutes(db: Connection): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (!(await pingDatabase(db))) throw databaseUnavailable();
    res.json({ status: 'ready' });
  });
  return router;
}
