import express, { type RequestHandler } from 'express';
import { parseInput } from '../../core/http/validate';
import { underPaths } from '../../core/http/under-paths';
import { MarkInboxReadSchema } from '../../contracts/referrals/referral.schemas';
import { requireAuth, serviceContext } from '../access';
import type { CaseRuntime } from '../cases';
import { inbox, markRead } from './inbox.service';

/** `/api/inbox`: the signed-in user's inbox and its read marks. */
export function inboxRoutes(rt: CaseRuntime): RequestHandler {
  const router = express.Router();
  router.use('/inbox', requireAuth);
  router.get('/inbox', async (req, res) => {
    res.json(await inbox(rt, serviceContext(rt.db, req)));
  });
  router.post('/inbox/read', async (req, res) => {
    await markRead(rt, serviceContext(rt.db, req), parseInput(MarkInboxReadSchema, req.body).ids);
    res.status(204).end();
  });
  return underPaths(['/inbox'], router);
}
