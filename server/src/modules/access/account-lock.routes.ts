import express, { type RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { underPaths } from '../../core/http/under-paths';
import { listAccountLocks, unlockAccount } from './account-lock.service';
import { requireAuth } from './authenticate.middleware';
import type { LoginThrottle } from './login-throttle.service';
import { serviceContext } from './service-context';

/** Sign-in locks as administrators see them: which accounts are locked, and unlocking one. */
export function accountLockRoutes(db: Connection, throttle: LoginThrottle): RequestHandler {
  const router = express.Router();

  router.get('/account-locks', requireAuth, async (req, res) => {
    res.json(await listAccountLocks(serviceContext(db, req), throttle));
  });

  router.post('/users/:id/unlock', requireAuth, async (req, res) => {
    res.json(await unlockAccount(serviceContext(db, req), throttle, req.params.id as string));
  });

  return underPaths(['/account-locks', '/users'], router);
}
