import express, { type Request, type Router } from 'express';
import type { Connection } from 'mongoose';
import { requireAuth, serviceContext } from '../../access';
import { submissionQuestions } from '../service/submission-questions';

/** `GET /api/submissions/:id/questions`: the questions a submission answered, for reading its answers in words. */
export function submissionQuestionRoutes(db: Connection): Router {
  const router = express.Router();
  router.get('/submissions/:id/questions', requireAuth, async (req: Request<{ id: string }>, res) => {
    res.json(await submissionQuestions(serviceContext(db, req), req.params.id, req.ctx.language));
  });
  return router;
}
