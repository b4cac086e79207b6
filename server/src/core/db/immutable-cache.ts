import type { Connection } from 'mongoose';

/**
 * Records that never change once stored (a published workflow version, a template version), kept per database
 * connection by what names them immutably. Nothing mutable may be keyed here: the cache is never invalidated, which
 * is what makes it safe when several processes share the database (no process can change what a key names). The
 * least recently used entry makes room when it is full. Per connection: no module-level state shared between apps.
 */
export class ImmutableCache<T> {
  private readonly caches = new WeakMap<Connection, Map<string, T>>();

  constructor(private readonly maxEntries: number) {}

  get(db: Connection, key: string): T | undefined {
    const cache = this.caches.get(db);
    const value = cache?.get(key);
    if (value === undefined) return undefined;
    // Most recently used last.
    cache!.delete(key);
    cache!.set(key, value);
    return value;
  }

  set(db: Connection, key: string, value: T): void {
    let cache = this.caches.get(db);
    if (!cache) {
      cache = new Map();
      this.caches.set(db, cache);
    }
    cache.delete(key);
    if (cache.size >= this.maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
  }
}
