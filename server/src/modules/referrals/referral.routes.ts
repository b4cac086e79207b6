import express, { type RequestHandler } from 'express';
import { parseInput } from '../../core/http/validate';
import { underPaths } from '../../core/http/under-paths';
import { CreateReferralSchema, DecideReferralSchema } from '../../contracts/referrals/referral.schemas';
import { requireAuth, serviceContext } from '../access';
import type { CaseRuntime } from '../cases';
import { decideReferral } from './referral-decision.service';
import type { ReferralNotifier } from './referral-notifier';
import { caseReferrals, createReferral, getReferral, recipients } from './referral.service';

/** `/api/cases/:id/referrals`, `/api/referrals/:id` and `/api/referral-recipients`: thin handlers. */
export function referralRoutes(rt: CaseRuntime, notifier?: ReferralNotifier): RequestHandler {
  const router = express.Router();
  router.use(['/cases/:id/referrals', '/referrals', '/referral-recipients'], requireAuth);
  router.get('/cases/:id/referrals', async (req, res) => {
    res.json(await caseReferrals(serviceContext(rt.db, req), req.params.id));
  });
  router.post('/cases/:id/referrals', async (req, res) => {
    res.status(201).json(await createReferral(rt, serviceContext(rt.db, req), req.params.id, parseInput(CreateReferralSchema, req.body)));
  });
  router.get('/referral-recipients', async (req, res) => {
    res.json(await recipients(serviceContext(rt.db, req)));
  });
  router.get('/referrals/:id', async (req, res) => {
    res.json(await getReferral(serviceContext(rt.db, req), req.params.id));
  });
  router.post('/referrals/:id/decision', async (req, res) => {
    res.json(await decideReferral(rt, serviceContext(rt.db, req), req.params.id, parseInput(DecideReferralSchema, req.body), notifier));
  });
  return underPaths(['/cases', '/referrals', '/referral-recipients'], router);
}
