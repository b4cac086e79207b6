import type { Connection } from 'mongoose';
import type { Session } from './session.model';

/**
 * Sessions read in the last SESSION_CACHE_MS, so that a burst of requests with one token costs one database read.
 * Every change this process makes to a session (sign-out, revoking a user's sessions, switching organisation) drops
 * it here first, so in a single process revocation still takes effect at once; another process sharing the database
 * sees a revocation within SESSION_CACHE_MS. Expiry and idle time are checked on every request against the clock.
 */
export const SESSION_CACHE_MS = 2_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  session: Session;
  until: number;
}

// Keyed by connection: no module-level state shared between apps (tests run several in one process).
const caches = new WeakMap<Connection, Map<string, Entry>>();

export function recentSession(db: Connection, id: string, now: Date): Session | null {
  const cache = caches.get(db);
  const entry = cache?.get(id);
  if (!entry) return null;
  if (entry.until > now.getTime()) return entry.session;
  cache!.delete(id);
  return null;
}

export function rememberSession(db: Connection, session: Session, now: Date): void {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(session._id, { session, until: now.getTime() + SESSION_CACHE_MS });
}

export function forgetSessions(db: Connection, which: (session: Session) => boolean): void {
  const cache = caches.get(db);
  if (!cache) return;
  for (const [id, entry] of cache) if (which(entry.session)) cache.delete(id);
}
