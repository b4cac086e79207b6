import type { ErrorRequestHandler, Response } from 'express';
import type { TFunction } from 'i18next';
import { AppError } from '../errors/app-error';
import { toAppError } from '../errors/to-app-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  [extension: string]: unknown;
}

export function toProblem(error: AppError, t: TFunction, requestId?: string): ProblemDocument {
  return {
    ...error.extensions,
    type: `/problems/${error.code}`,
    title: t(`errors:${error.code}.title`, error.params),
    status: error.status,
    detail: t(`errors:${error.code}.detail`, error.params),
    code: error.code,
    ...(requestId ? { requestId } : {}),
  };
}

export function sendProblem(res: Response, problem: ProblemDocument): void {
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/** The one error handler: every failure leaves as translated problem+json, and 5xx never show internals. */
export const problemHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const appError = toAppError(error);
  const log = req.log;
  if (appError.status === 500) {
    // The cause is logged with its stack for operators; bodies and values never reach the log (see logger redaction).
    log?.error({ err: appError.cause ?? appError, code: appError.code }, 'request failed');
  } else if (appError.status >= 500) {
    // Expected outages (database restarting): one short line, the access log already records the 503.
    log?.warn({ code: appError.code, cause: (appError.cause as Error | undefined)?.name }, 'request refused: dependency unavailable');
  } else {
    log?.debug({ code: appError.code, status: appError.status }, 'request refused');
  }
  sendProblem(res, toProblem(appError, req.ctx.t, req.ctx.requestId));
};
