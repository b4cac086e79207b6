import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import { match } from 'path-to-regexp';

/**
 * Serves the built client: its files, and its index.html for the client's own routes (listed in
 * client/src/app-routes.json, which the client's router uses too). Any other path falls through to the 404 problem.
 */
export function clientApp(distDir: string, routesFile: string): Router {
  const router = express.Router();
  const indexFile = path.join(distDir, 'index.html');
  const routes = (JSON.parse(fs.readFileSync(routesFile, 'utf8')) as { paths: string[] }).paths.map((pattern) =>
    match(pattern, { decode: decodeURIComponent }),
  );

  router.use(
    '/assets',
    express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: true }),
  );
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));

  const serveIndex: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!routes.some((matches) => matches(req.path))) return next();
    if (!fs.existsSync(indexFile)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  };
  router.use(serveIndex);
  return router;
}
