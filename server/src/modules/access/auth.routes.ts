import express, { type Request, type Response, type RequestHandler } from 'express';
import { isValidObjectId, type Connection } from 'mongoose';
import { AppError } from '../../core/errors/app-error';
import { parseInput } from '../../core/http/validate';
import { recordAudit } from '../audit/audit.service';
import { organisationModel } from '../tenants/organisation.model';
import { packAbilityRules } from './ability';
import { loadAuthContext, type AuthContext } from './auth-context';
import { loginBodySchema, switchOrganisationSchema } from './auth.schemas';
import { requireAuth, SESSION_COOKIE } from './authenticate.middleware';
import { consumeAddressAttempt, loginWithPassword, type AddressLimiter } from './login.service';
import { sessionModel, type Session } from './session.model';
import { revokeSession, SESSION_ABSOLUTE_MS, switchSessionOrganisation } from './session.service';
import { underPaths } from '../../core/http/under-paths';

export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    maxAge: SESSION_ABSOLUTE_MS,
  });
}

/** What the client needs about the signed-in user, including the packed CASL rules for @casl/react. */
export function describeAuth(auth: AuthContext) {
  return {
    user: { id: auth.user._id, email: auth.user.email, name: auth.user.name },
    org: { id: auth.org._id, slug: auth.org.slug, name: auth.org.name, country: auth.org.country, type: auth.org.type },
    role: { id: auth.role._id, key: auth.role.key, name: auth.role.name },
    organisations: auth.memberships.map((item) => ({
      id: item.orgId,
      slug: item.slug,
      name: item.name,
      role: { key: item.roleKey, name: item.roleName },
    })),
    rules: packAbilityRules(auth.ability),
    csrfToken: auth.session.csrfToken,
  };
}

async function authFor(db: Connection, session: Session, via: AuthContext['via']): Promise<AuthContext> {
  const auth = await loadAuthContext(db, session, via);
  if (!auth) throw new AppError(401, 'invalid-credentials');
  return auth;
}

export function authRoutes(db: Connection, limiter: AddressLimiter): RequestHandler {
  const router = express.Router();

  router.post('/auth/login', async (req, res) => {
    const body = parseInput(loginBodySchema, req.body);
    await consumeAddressAttempt(limiter, req.ip ?? 'unknown');
    const { token, session } = await loginWithPassword(db, body);
    const auth = await authFor(db, session, 'token');
    await recordAudit(db, { userId: auth.user._id, orgId: auth.org._id, requestId: req.ctx.requestId }, { action: 'login', subjectType: 'Session' });
    setSessionCookie(req, res, token);
    res.json({ token, ...describeAuth(auth) });
  });

  router.post('/auth/logout', requireAuth, async (req, res) => {
    const auth = req.ctx.auth!;
    await revokeSession(db, auth.session._id);
    await recordAudit(db, { userId: auth.user._id, orgId: auth.org._id, requestId: req.ctx.requestId }, { action: 'logout', subjectType: 'Session' });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.get('/me', requireAuth, (req, res) => {
    res.json(describeAuth(req.ctx.auth!));
  });

  router.post('/auth/switch', requireAuth, async (req, res) => {
    const { org } = parseInput(switchOrganisationSchema, req.body);
    const auth = req.ctx.auth!;
    const target = await organisationModel(db).findOne(isValidObjectId(org) ? { _id: org } : { slug: org }, { _id: 1 }).lean();
    if (!target || !auth.memberships.some((item) => item.orgId.equals(target._id))) throw new AppError(404, 'not-found');
    await switchSessionOrganisation(db, auth.session._id, target._id);
    const session = await sessionModel(db).findById(auth.session._id).lean();
    res.json(describeAuth(await authFor(db, session!, auth.via)));
  });

  return underPaths(['/me', '/auth'], router);
}
