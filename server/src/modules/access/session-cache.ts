import type { Connection } from 'mongoose';
import { ConnectionCache } from '../../core/db/connection-cache';
import type { Session } from './session.model';

/**
 * Sessions read in the last SESSION_CACHE_MS, so that a burst of requests with one token costs one database read.
 * Every change this process makes to a session (sign-out, revoking a user's sessions, switching organisation) drops
 * it here first, so in a single process revocation still takes effect at once; another process sharing the database
 * sees a revocation within SESSION_CACHE_MS. Expiry and idle time are checked on every request against the clock.
 */
export const SESSION_CACHE_MS = 2_000;
const sessions = new ConnectionCache<Session>(SESSION_CACHE_MS, 10_000);

export function recentSession(db: Connection, id: string, now: Date): Session | null {
  return sessions.get(db, id, now.getTime()) ?? null;
}

export function rememberSession(db: Connection, session: Session, now: Date): void {
  sessions.set(db, session._id, session, now.getTime());
}

export function forgetSessions(db: Connection, which: (session: Session) => boolean): void {
  sessions.forget(db, which);
}
