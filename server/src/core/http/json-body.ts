import express, { type RequestHandler } from 'express';
import { AppError } from '../errors/app-error';
import { exceedsJsonDepth, jsonTooDeep } from '../json/json-depth';

const JSON_TYPES = ['application/json', 'application/*+json'];
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(req: Parameters<RequestHandler>[0]): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * JSON endpoints accept only JSON bodies: anything else with a body is 415, a body over the limit 413 and
 * malformed JSON 400 (both mapped by the problem handler from body-parser's error types). A body nested deeper
 * than MAX_JSON_DEPTH is a 400 before any code walks it (JSON.parse itself copes with any depth).
 */
export function jsonBody(limit: string): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    if (METHODS_WITH_BODY.has(req.method) && hasBody(req) && !req.is(JSON_TYPES)) {
      next(new AppError(415, 'unsupported-media-type'));
      return;
    }
    next();
  };
  const limitDepth: RequestHandler = (req, _res, next) => {
    next(exceedsJsonDepth(req.body) ? jsonTooDeep() : undefined);
  };
  return [requireJson, express.json({ limit, type: JSON_TYPES, strict: true }), limitDepth];
}
