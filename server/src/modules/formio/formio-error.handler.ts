import type { ErrorRequestHandler } from 'express';
import { toAppError } from '../../core/errors/to-app-error';
import { toProblem } from '../../core/http/problem';

/**
 * The same translated problem document as everywhere, sent as `application/json`: the Form.io SDK parses an error
 * body only when its content type contains `application/json`, and shows `details` of a ValidationError next to
 * the fields.
 */
export const formioErrorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const appError = toAppError(error);
  if (appError.status >= 500) req.log?.error({ err: appError.cause ?? appError, code: appError.code }, 'request failed');
  res.status(appError.status).json(toProblem(appError, req.ctx.t, req.ctx.requestId));
};
