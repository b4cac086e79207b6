import express, { type RequestHandler } from 'express';
import { parseInput } from '../../../core/http/validate';
import { underPaths } from '../../../core/http/under-paths';
import { DisbursementSchema, ExchangeRateSchema, GrantDecisionSchema, GrantIncreaseSchema, OpenGrantSchema } from '../../../contracts/cases/grant.schemas';
import { requireAuth, serviceContext } from '../../access';
import type { CaseRuntime } from '../service/case-runtime';
import { addExchangeRate, listExchangeRates } from './exchange-rate.service';
import { caseGrant, decideIncrease, openGrant, recordDisbursement, requestIncrease } from './grant.service';

/** `/api/cases/:id/grant…`: the reintegration grant of a case, and the programme's exchange rates; thin handlers. */
export function grantRoutes(rt: CaseRuntime): RequestHandler {
  const router = express.Router();
  router.use('/cases/:id/grant', requireAuth);
  router.use('/organisations/:id/exchange-rates', requireAuth);
  router.get('/cases/:id/grant', async (req, res) => {
    res.json(await caseGrant(rt, serviceContext(rt.db, req), req.params.id));
  });
  router.post('/cases/:id/grant', async (req, res) => {
    res.status(201).json(await openGrant(rt, serviceContext(rt.db, req), req.params.id, parseInput(OpenGrantSchema, req.body ?? {})));
  });
  router.post('/cases/:id/grant/disbursements', async (req, res) => {
    res.status(201).json(await recordDisbursement(rt, serviceContext(rt.db, req), req.params.id, parseInput(DisbursementSchema, req.body)));
  });
  router.post('/cases/:id/grant/increases', async (req, res) => {
    res.status(201).json(await requestIncrease(rt, serviceContext(rt.db, req), req.params.id, parseInput(GrantIncreaseSchema, req.body)));
  });
  router.post('/cases/:id/grant/increases/:increaseId/decision', async (req, res) => {
    res.json(await decideIncrease(rt, serviceContext(rt.db, req), req.params.id, req.params.increaseId, parseInput(GrantDecisionSchema, req.body)));
  });
  router.get('/organisations/:id/exchange-rates', async (req, res) => {
    res.json(await listExchangeRates(serviceContext(rt.db, req), req.params.id));
  });
  router.post('/organisations/:id/exchange-rates', async (req, res) => {
    res.status(201).json(await addExchangeRate(rt, serviceContext(rt.db, req), req.params.id, parseInput(ExchangeRateSchema, req.body)));
  });
  return underPaths(['/cases', '/organisations'], router);
}
