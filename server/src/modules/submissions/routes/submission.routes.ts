import express, { type RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { idempotencyKeyOf } from '../../../core/http/idempotency-key';
import { parseInput } from '../../../core/http/validate';
import { requireAuth, serviceContext } from '../../access';
import { createSubmissionSchema, listSubmissionsQuery, updateSubmissionSchema } from '../schemas/submission.schemas';
import {
  ANY_FORM, createSubmission, deleteSubmission, getSubmission, listSubmissions, updateSubmission, type SubmissionDeps,
} from '../service/submission.service';
import { presentSubmission } from './submission.presenter';
import { underPaths } from '../../../core/http/under-paths';

/** Submissions through the native API; every response is masked by the reader's field permissions. */
export function submissionRoutes(db: Connection, deps: SubmissionDeps): RequestHandler {
  const router = express.Router();
  router.use('/submissions', requireAuth);
  router.post('/forms/:id/submissions', requireAuth, async (req, res) => {
    const ctx = serviceContext(db, req);
    const formId = String(req.params.id);
    const key = idempotencyKeyOf(req, ctx, `create-submission ${formId}`);
    const view = await createSubmission(ctx, deps, { id: formId }, parseInput(createSubmissionSchema, req.body), key);
    res.status(201).json(presentSubmission(view));
  });
  router.get('/submissions', async (req, res) => {
    const query = parseInput(listSubmissionsQuery, req.query);
    const scope = query.formId ? { formId: query.formId } : query.formPath ? { formPath: query.formPath } : ANY_FORM;
    const { items, total } = await listSubmissions(serviceContext(db, req), scope, { limit: query.limit, skip: query.skip, caseId: query.caseId }, deps);
    res.json({ items: items.map(presentSubmission), total, skip: query.skip, limit: query.limit });
  });
  router.get('/submissions/:id', async (req, res) => {
    res.json(presentSubmission(await getSubmission(serviceContext(db, req), ANY_FORM, req.params.id)));
  });
  router.put('/submissions/:id', async (req, res) => {
    const view = await updateSubmission(serviceContext(db, req), deps, ANY_FORM, req.params.id, parseInput(updateSubmissionSchema, req.body));
    res.json(presentSubmission(view));
  });
  router.delete('/submissions/:id', async (req, res) => {
    await deleteSubmission(serviceContext(db, req), deps, ANY_FORM, req.params.id);
    res.status(204).end();
  });
  return underPaths(['/submissions', '/forms'], router);
}
