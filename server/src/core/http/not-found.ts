import type { RequestHandler } from 'express';
import { routeNotFound } from '../errors/app-error';

export const unknownRoute: RequestHandler = (_req, _res, next) => next(routeNotFound());
