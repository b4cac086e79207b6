import { timingSafeEqual } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import type { Request, RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { unauthenticated } from '../../core/errors/app-error';
import { csrfTokenInvalid } from './access.errors';
import { loadAuthContext } from './auth-context';
import { resolveSession } from './session.service';

export const SESSION_COOKIE = 'assist_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Scripts and the Form.io SDK send the opaque token in `Authorization: Bearer` or Form.io's `x-jwt-token`. */
function tokenFromHeaders(req: Request): string | undefined {
  const authorization = req.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim();
  const formio = req.headers['x-jwt-token'];
  return typeof formio === 'string' && formio ? formio : undefined;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Attaches the signed-in identity to the request context when a valid session is presented. It never refuses a
 * request by itself (public routes exist); `requireAuth` does. A cookie-authenticated unsafe request must carry the
 * session's CSRF token in a header, which a cross-site form cannot set.
 */
export function authenticate(db: Connection): RequestHandler {
  return async (req, _res, next) => {
    const headerToken = tokenFromHeaders(req);
    const cookieToken = req.headers.cookie ? parseCookies(req.headers.cookie)[SESSION_COOKIE] : undefined;
    const token = headerToken ?? cookieToken;
    if (!token) return next();
    const session = await resolveSession(db, token);
    if (!session) return next();
    const via = headerToken ? 'token' : 'cookie';
    if (via === 'cookie' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        return next(csrfTokenInvalid());
      }
    }
    const auth = await loadAuthContext(db, session, via);
    if (auth) req.ctx.auth = auth;
    next();
  };
}

export const requireAuth: RequestHandler = (req, _res, next) => {
  next(req.ctx.auth ? undefined : unauthenticated());
};
