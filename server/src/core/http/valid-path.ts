import type { RequestHandler } from 'express';
import { malformedPath } from '../errors/app-error';

/**
 * Refuses a path whose percent-escapes do not decode (`%ZZ`, a lone `%`, `%C0%AF` and other invalid UTF-8) with
 * one 400, before any router tries to decode it as a parameter. Checked once here for every route, so no module
 * needs to care; the mapping of the router's own decoding error (to-app-error.ts) stays as a second wall.
 */
export const validPath: RequestHandler = (req, _res, next) => {
  try {
    decodeURIComponent(req.path);
  } catch {
    next(malformedPath());
    return;
  }
  next();
};
