import type { Connection } from 'mongoose';

/**
 * A small time-limited cache per database connection (no module-level state shared between apps; tests run several
 * in one process). Entries expire `ttlMs` after they are stored; the oldest entry makes room when it is full.
 * Callers drop what they change themselves with `forget`, so within a process a change is seen at once.
 */
export class ConnectionCache<T> {
  private readonly caches = new WeakMap<Connection, Map<string, { value: T; until: number }>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(db: Connection, key: string, now = Date.now()): T | undefined {
    const cache = this.caches.get(db);
    const entry = cache?.get(key);
    if (!entry) return undefined;
    if (entry.until > now) return entry.value;
    cache!.delete(key);
    return undefined;
  }

  set(db: Connection, key: string, value: T, now = Date.now()): void {
    let cache = this.caches.get(db);
    if (!cache) {
      cache = new Map();
      this.caches.set(db, cache);
    }
    if (cache.size >= this.maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(key, { value, until: now + this.ttlMs });
  }

  forget(db: Connection, which: (value: T) => boolean): void {
    const cache = this.caches.get(db);
    if (!cache) return;
    for (const [key, entry] of cache) if (which(entry.value)) cache.delete(key);
  }
}
