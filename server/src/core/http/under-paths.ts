import type { RequestHandler } from 'express';
import { MOUNTED_ROUTER } from './route-table';

/**
 * Enters `handler` (a module's router) only for requests under one of `prefixes`: the prefix itself or anything
 * below it. The API's module routers declare full paths and are mounted side by side, so without this every
 * request is matched against the routes of every module mounted before its own (some fifty path matches for
 * creating a submission). Matching ignores case, as Express's routing does by default. The wrapped router stays
 * visible to `routeTable`.
 */
export function underPaths(prefixes: readonly string[], handler: RequestHandler): RequestHandler {
  const lowered = prefixes.map((prefix) => prefix.toLowerCase());
  const enter: RequestHandler = (req, res, next) => {
    const path = req.path.toLowerCase();
    for (const prefix of lowered) {
      if (path === prefix || path.startsWith(`${prefix}/`)) return handler(req, res, next);
    }
    next();
  };
  return Object.assign(enter, { [MOUNTED_ROUTER]: handler });
}
