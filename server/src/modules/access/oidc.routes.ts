import express, { type Request, type RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { recordAudit } from '../audit';
import { setSessionCookie } from './auth.routes';
import { finishOidcLogin, listOidcOrganisations, startOidcLogin } from './oidc.service';
import { underPaths } from '../../core/http/under-paths';

const SLUG = /^[a-z0-9-]{2,64}$/;
const callbackUri = (req: Request, slug: string) => `${req.protocol}://${req.get('host')}/api/auth/oidc/${slug}/callback`;

/** Single sign-on per organisation through its own OpenID Connect provider (authorization code + PKCE). */
export function oidcRoutes(db: Connection): RequestHandler {
  const router = express.Router();
  router.get('/auth/oidc', async (_req, res) => {
    res.json(await listOidcOrganisations(db));
  });
  router.get('/auth/oidc/:org/start', async (req, res, next) => {
    if (!SLUG.test(req.params.org)) return next();
    res.redirect(302, (await startOidcLogin(db, req.params.org, callbackUri(req, req.params.org))).href);
  });
  router.get('/auth/oidc/:org/callback', async (req, res, next) => {
    if (!SLUG.test(req.params.org)) return next();
    const current = new URL(req.originalUrl, callbackUri(req, req.params.org));
    const { token, session } = await finishOidcLogin(db, req.params.org, current);
    await recordAudit(db, { userId: session.userId, orgId: session.orgId, requestId: req.ctx.requestId }, { action: 'login-oidc', subjectType: 'Session' });
    setSessionCookie(req, res, token);
    res.redirect(302, '/');
  });
  return underPaths(['/auth/oidc'], router);
}
