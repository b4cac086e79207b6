import { createHash, randomBytes } from 'node:crypto';
import type { Connection, Types } from 'mongoose';
import { forgetSessions, recentSession, rememberSession } from './session-cache';
import { sessionModel, type Session } from './session.model';

export const SESSION_IDLE_MS = 30 * 60 * 1000; // a workstation left alone signs itself out
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000; // one working day at most
const TOUCH_INTERVAL_MS = 60 * 1000; // write lastSeenAt at most once a minute

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface SessionClock {
  now: () => Date;
}
export const systemClock: SessionClock = { now: () => new Date() };

export async function createSession(
  db: Connection,
  input: { userId: Types.ObjectId; orgId: Types.ObjectId; method: Session['method'] },
  clock: SessionClock = systemClock,
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const session = await sessionModel(db).create({
    _id: hashToken(token),
    userId: input.userId,
    orgId: input.orgId,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    method: input.method,
  });
  return { token, session: session.toObject() };
}

/** The live session for a token, or null when unknown, revoked, idle too long or past its absolute expiry. */
export async function resolveSession(db: Connection, token: string, clock: SessionClock = systemClock): Promise<Session | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const Sessions = sessionModel(db);
  const id = hashToken(token);
  const now = clock.now();
  let session = recentSession(db, id, now);
  if (!session) {
    session = await Sessions.findById(id).lean();
    if (session) rememberSession(db, session, now);
  }
  if (!session || session.revokedAt) return null;
  if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await Sessions.updateOne({ _id: session._id, revokedAt: { $exists: false } }, { $set: { lastSeenAt: now } });
    rememberSession(db, { ...session, lastSeenAt: now }, now);
  }
  return session;
}

export async function revokeSession(db: Connection, sessionId: string, clock: SessionClock = systemClock): Promise<void> {
  forgetSessions(db, (session) => session._id === sessionId);
  await sessionModel(db).updateOne({ _id: sessionId }, { $set: { revokedAt: clock.now() } });
}

export async function revokeUserSessions(db: Connection, userId: Types.ObjectId, clock: SessionClock = systemClock): Promise<number> {
  forgetSessions(db, (session) => session.userId.equals(userId));
  const result = await sessionModel(db).updateMany(
    { userId, revokedAt: { $exists: false } },
    { $set: { revokedAt: clock.now() } },
  );
  return result.modifiedCount;
}

export async function switchSessionOrganisation(db: Connection, sessionId: string, orgId: Types.ObjectId): Promise<void> {
  forgetSessions(db, (session) => session._id === sessionId);
  await sessionModel(db).updateOne({ _id: sessionId }, { $set: { orgId } });
}
