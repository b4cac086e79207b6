import express, { type Router } from 'express';
import type { Connection } from 'mongoose';
import type { SubmissionDeps } from '../service/submission.service';
import { submissionQuestionRoutes } from './submission-questions.routes';
import { submissionRoutes } from './submission.routes';

/** Everything the submissions module serves under `/api`: submissions of forms, and the questions they answered. */
export function submissionsApiRoutes(db: Connection, deps: SubmissionDeps): Router {
  const router = express.Router();
  router.use(submissionQuestionRoutes(db));
  router.use(submissionRoutes(db, deps));
  return router;
}
