import express, { type Router } from 'express';
import type { Connection } from 'mongoose';
import type { SubmissionDeps } from '../services/submission.service';
import { formTemplateRoutes } from './form-template.routes';
import { formRoutes } from './form.routes';
import { submissionQuestionRoutes } from './submission-questions.routes';
import { submissionRoutes } from './submission.routes';

/** Everything the forms module serves under `/api`: forms, the template library and submissions. */
export function formsApiRoutes(db: Connection, options: SubmissionDeps & { languages: readonly string[] }): Router {
  const router = express.Router();
  // Submissions first: creating one is the most frequent request of all, and no route here overlaps another.
  router.use(submissionQuestionRoutes(db));
  router.use(submissionRoutes(db, options));
  router.use(formRoutes(db, options.languages));
  router.use(formTemplateRoutes(db));
  return router;
}
