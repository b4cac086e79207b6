import express, { type Router } from 'express';
import type { ApiRoute } from './api-route';
import { openApiDocument } from './openapi-document';

/** `GET /api/openapi.json`: public, it describes the API and holds no data. Built once per app, on first request. */
export function openApiRoutes(routes: () => readonly ApiRoute[], build = openApiDocument): Router {
  const router = express.Router();
  let document: Record<string, unknown> | null = null;
  router.get('/openapi.json', (_req, res) => {
    document ??= build(routes());
    res.json(document);
  });
  return router;
}
