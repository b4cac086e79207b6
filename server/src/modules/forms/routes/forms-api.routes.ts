import express, { type Router } from 'express';
import type { Connection } from 'mongoose';
import { formTemplateRoutes } from './form-template.routes';
import { formRoutes } from './form.routes';

/** Everything the forms module serves under `/api`: forms and the template library. */
export function formsApiRoutes(db: Connection, options: { languages: readonly string[] }): Router {
  const router = express.Router();
  router.use(formRoutes(db, options.languages));
  router.use(formTemplateRoutes(db));
  return router;
}
