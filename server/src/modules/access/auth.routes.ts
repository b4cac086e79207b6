import { parse as parseCookies } from 'cookie';
import express, { type Request, type Response, type RequestHandler } from 'express';
import { isValidObjectId, type Connection } from 'mongoose';
import { notFound, type AppError } from '../../core/errors/app-error';
import { invalidCredentials, signInBlocked } from './access.errors';
import { parseInput } from '../../core/http/validate';
import { recordAudit } from '../audit';
import { organisationModel } from '../tenants';
import { packAbilityRules } from './ability';
import { loadAuthContext, type AuthContext } from './auth-context';
import { acceptInvitationSchema, loginBodySchema, switchOrganisationSchema } from './auth.schemas';
import { acceptInvitation } from './invitation.service';
import { requireAuth, SESSION_COOKIE } from './authenticate.middleware';
import { DEVICE_ID_PATTERN, SignInBlocked, type LoginThrottle } from './login-throttle.service';
import { loginWithPassword } from './login.service';
import { sessionModel, type Session } from './session.model';
import { revokeSession, SESSION_ABSOLUTE_MS, switchSessionOrganisation } from './session.service';
import { underPaths } from '../../core/http/under-paths';
import { formatWaitDuration } from './wait-duration';

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
    /** Set while the session is handed over to the person of a case (person-view-lock.ts). */
    personView: auth.session.personView ? { caseId: auth.session.personView.caseId } : null,
  };
}

/** A random id per browser, so that a browser that signed in before still gets in while strangers lock the account. */
export const DEVICE_COOKIE = 'assist_device';
const DEVICE_COOKIE_PATH = '/api/auth';

function deviceIdOf(req: Request): string | undefined {
  const value = req.headers.cookie ? parseCookies(req.headers.cookie)[DEVICE_COOKIE] : undefined;
  return value && DEVICE_ID_PATTERN.test(value) ? value : undefined;
}

/** 429 with Retry-After, and the wait in words of the reader's language. */
function blockedProblem(req: Request, res: Response, blocked: SignInBlocked): AppError {
  const seconds = Math.max(1, Math.ceil(blocked.retryAfterMs / 1000));
  res.set('Retry-After', String(seconds));
  return signInBlocked(blocked.reason, formatWaitDuration(blocked.retryAfterMs, req.ctx.language), seconds);
}

async function authFor(db: Connection, session: Session, via: AuthContext['via']): Promise<AuthContext> {
  const auth = await loadAuthContext(db, session, via);
  if (!auth) throw invalidCredentials();
  return auth;
}

export function authRoutes(db: Connection, throttle: LoginThrottle): RequestHandler {
  const router = express.Router();

  router.post('/auth/login', async (req, res) => {
    const body = parseInput(loginBodySchema, req.body);
    let signedIn: Awaited<ReturnType<typeof loginWithPassword>>;
    try {
      signedIn = await loginWithPassword(db, throttle, body, { address: req.ip, deviceId: deviceIdOf(req) });
    } catch (error) {
      throw error instanceof SignInBlocked ? blockedProblem(req, res, error) : error;
    }
    const { token, session, deviceId } = signedIn;
    const auth = await authFor(db, session, 'token');
    await recordAudit(db, { userId: auth.user._id, orgId: auth.org._id, requestId: req.ctx.requestId }, { action: 'login', subjectType: 'Session' });
    setSessionCookie(req, res, token);
    res.cookie(DEVICE_COOKIE, deviceId, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: DEVICE_COOKIE_PATH,
      maxAge: throttle.limits.rememberMs,
    });
    res.json({ token, ...describeAuth(auth) });
  });

  /** A new user sets their own password with the link of their invitation (single use, expires); then signs in. */
  router.post('/auth/invitation', async (req, res) => {
    const body = parseInput(acceptInvitationSchema, req.body);
    await acceptInvitation(db, body.token, body.password, new Date(), req.ctx.requestId);
    res.status(204).end();
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
    if (!target || !auth.memberships.some((item) => item.orgId.equals(target._id))) throw notFound();
    await switchSessionOrganisation(db, auth.session._id, target._id);
    const session = await sessionModel(db).findById(auth.session._id).lean();
    res.json(describeAuth(await authFor(db, session!, auth.via)));
  });

  return underPaths(['/me', '/auth'], router);
}
