import express, { type Request, type RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { parseInput } from '../../core/http/validate';
import { underPaths } from '../../core/http/under-paths';
import { recordAudit } from '../audit';
import { personViewActive, personViewNeedsSignIn, personViewPasswordIncorrect, signInBlocked } from './access.errors';
import { requireAuth } from './authenticate.middleware';
import { SignInBlocked, type LoginThrottle } from './login-throttle.service';
import { verifyPassword } from './password';
import { forgetSessions } from './session-cache';
import { sessionModel } from './session.model';
import { userModel } from './user.model';
import { formatWaitDuration } from './wait-duration';

/*
 * The person view (issue 18): a caseworker hands a tablet to the person, who reads their rights, consent and safety
 * texts in their own language. From then on the session is locked to that one case on the server, not only in the
 * browser: a reload, a typed address or another tab shows the person view again, and the API refuses everything the
 * person view does not need. Only the caseworker's password (checked under the sign-in limits, so the person cannot
 * try passwords at leisure) gives the staff view back.
 */

/** Starts the handover of this session to the person of `caseId` (the caller has checked that the case is readable). */
export async function lockSessionToPersonView(db: Connection, sessionId: string, caseId: string, now = new Date()): Promise<void> {
  forgetSessions(db, (session) => session._id === sessionId);
  await sessionModel(db).updateOne({ _id: sessionId, revokedAt: { $exists: false } }, { $set: { personView: { caseId, since: now } } });
}

const OBJECT_ID = '[0-9a-f]{24}';
/**
 * What a locked session may still ask, besides its case's person view: reading who is signed in, ending the
 * lock (or signing out), form definitions (no personal data: the consent form and the safety plan's questions),
 * reading a submission (the permission layer still decides; the person view reads the case's safety plan),
 * speech of form texts, and the rights sheets of jurisdictions.
 */
const ALWAYS_OPEN: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: 'GET', path: /^\/me$/ },
  { method: 'POST', path: /^\/auth\/logout$/ },
  { method: 'POST', path: /^\/auth\/person-view\/end$/ },
  { method: 'GET', path: /^\/meta(\/|$)/ },
  { method: 'GET', path: new RegExp(`^\\/forms(\\/${OBJECT_ID}(\\/sheet\\.pdf)?)?$`) },
  { method: 'GET', path: new RegExp(`^\\/submissions\\/${OBJECT_ID}$`) },
  { method: 'GET', path: /^\/speech\// },
  { method: 'GET', path: /^\/jurisdictions\/[a-z]{2}\/rights$/ },
];

function allowedWhileLocked(req: Request, caseId: string): boolean {
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  // Of its case, only the person view's own view: not the case file.
  if (method === 'GET' && (req.path === `/cases/${caseId}/person-view`)) return true;
  // ... and the printed consent sheet of that case, for the person to take along.
  if (method === 'GET' && req.path === `/cases/${caseId}/consent-sheet.pdf`) return true;
  // Its safety plan's lines read aloud, of that case only (speech of any other case's plan is the case file again).
  if (req.path.startsWith('/speech/cases/')) return method === 'GET' && req.path.startsWith(`/speech/cases/${caseId}/safety-plan/`);
  // The person may record their consent on the consent form of their own case, and nothing else.
  if (method === 'POST' && new RegExp(`^\\/forms\\/${OBJECT_ID}\\/submissions$`).test(req.path)) {
    const body = req.body as { caseId?: unknown } | undefined;
    return body?.caseId === caseId;
  }
  return ALWAYS_OPEN.some((rule) => rule.method === method && rule.path.test(req.path));
}

/** For the `/api` router, after `authenticate`: a locked session gets 403 `person-view-active` for anything else. */
export const personViewGate: RequestHandler = (req, _res, next) => {
  const locked = req.ctx.auth?.session.personView;
  next(!locked || allowedWhileLocked(req, locked.caseId) ? undefined : personViewActive());
};

/** For APIs that serve nothing the person view needs (the Form.io API): a locked session is refused outright. */
export const refuseWhilePersonView: RequestHandler = (req, _res, next) => {
  next(req.ctx.auth?.session.personView ? personViewActive() : undefined);
};

export const EndPersonViewSchema = z.strictObject({ password: z.string().min(1).max(1000) });

/**
 * `POST /api/auth/person-view/end` with the caseworker's password. A wrong password counts as a failed sign-in of
 * that account (the same limits, so a locked account stays locked); the session stays handed over.
 */
export function personViewLockRoutes(db: Connection, throttle: LoginThrottle): RequestHandler {
  const router = express.Router();
  router.post('/auth/person-view/end', requireAuth, async (req, res) => {
    const auth = req.ctx.auth!;
    const { password } = parseInput(EndPersonViewSchema, req.body);
    if (!auth.session.personView) {
      res.status(204).end();
      return;
    }
    if (auth.session.method !== 'password') throw personViewNeedsSignIn();
    const user = await userModel(db).findById(auth.user._id, { email: 1, passwordHash: 1, status: 1 }).lean();
    const blocked = (error: unknown) => {
      if (!(error instanceof SignInBlocked)) return error;
      const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
      res.set('Retry-After', String(seconds));
      return signInBlocked(error.reason, formatWaitDuration(error.retryAfterMs, req.ctx.language), seconds);
    };
    const attempt = await throttle.begin(auth.user.email, { address: req.ip }, String(auth.user._id)).catch((error: unknown) => {
      throw blocked(error);
    });
    try {
      if (!user || user.status !== 'active' || !(await verifyPassword(user.passwordHash, password))) {
        await attempt.failed();
        throw personViewPasswordIncorrect();
      }
      await attempt.succeeded(String(user._id));
    } catch (error) {
      await attempt.abandon().catch(() => undefined);
      throw blocked(error);
    }
    forgetSessions(db, (session) => session._id === auth.session._id);
    await sessionModel(db).updateOne({ _id: auth.session._id }, { $unset: { personView: 1 } });
    await recordAudit(db, { userId: auth.user._id, orgId: auth.org._id, requestId: req.ctx.requestId }, { action: 'person-view-end', subjectType: 'Case', subjectId: auth.session.personView.caseId });
    res.status(204).end();
  });
  return underPaths(['/auth/person-view'], router);
}
