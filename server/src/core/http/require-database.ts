import type { RequestHandler } from 'express';
import mongoose, { type Connection } from 'mongoose';
import { databaseUnavailable } from '../errors/app-error';

/**
 * Routes that need the database answer 503 at once while the driver knows it is disconnected, instead of
 * waiting for a server-selection timeout on every request.
 */
export function requireDatabase(db: Connection): RequestHandler {
  return (_req, _res, next) => {
    next(db.readyState === mongoose.ConnectionStates.connected ? undefined : databaseUnavailable());
  };
}
