import express, { type RequestHandler } from 'express';
import { AppError } from '../errors/app-error';

const JSON_TYPES = ['application/json', 'application/*+json'];
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(req: Parameters<RequestHandler>[0]): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * JSON endpoints accept only JSON bodies: anything else with a body is 415, a body over the limit 413 and
 * malformed JSON 400 (both mapped by the problem handler from body-parser's error types).
 */
export function jsonBody(limit: string): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    if (METHODS_WITH_BODY.has(req.method) && hasBody(req) && !req.is(JSON_TYPES)) {
      next(new AppError(415, 'unsupported-media-type'));
      return;
    }
    next();
  };
  return [requireJson, express.json({ limit, type: JSON_TYPES, strict: true })];
}
