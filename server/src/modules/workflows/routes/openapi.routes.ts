import express, { type Router } from 'express';
import { openApiDocument } from './openapi.document';

/** `GET /api/openapi.json`: public, it describes the API and holds no data. Built once per app. */
export function openApiRoutes(): Router {
  const router = express.Router();
  let document: Record<string, unknown> | null = null;
  router.get('/openapi.json', (_req, res) => {
    document ??= openApiDocument();
    res.json(document);
  });
  return router;
}
