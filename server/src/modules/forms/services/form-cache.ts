import type { Connection, Types } from 'mongoose';
import type { Form } from '../models/form.model';

/**
 * Forms as looked up for new submissions, kept for a few seconds. Creating a submission is the hot path of the
 * product (`npm run bench`), and the form document (path, published revision) changes rarely. This process forgets a
 * form as soon as it changes it; another process sharing the database sees a publish or delete within FORM_CACHE_MS,
 * the same bound as the identity and rules cache (auth-context.ts). A submission accepted in that window is still
 * validated against, and pinned to, a real published revision.
 */
export const FORM_CACHE_MS = 5_000;
const MAX_ENTRIES = 1_000;

interface Entry {
  form: Form;
  until: number;
}

// Keyed by connection: no module-level state shared between apps (tests run several in one process).
const caches = new WeakMap<Connection, Map<string, Entry>>();

export function cachedForm(db: Connection, key: string, now = Date.now()): Form | undefined {
  const entry = caches.get(db)?.get(key);
  if (!entry) return undefined;
  if (entry.until > now) return entry.form;
  caches.get(db)?.delete(key);
  return undefined;
}

export function rememberForm(db: Connection, key: string, form: Form, now = Date.now()): void {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, { form, until: now + FORM_CACHE_MS });
}

/** Called by every write of a form document in this process. */
export function forgetForm(db: Connection, formId: Types.ObjectId): void {
  const cache = caches.get(db);
  if (!cache) return;
  for (const [key, entry] of cache) {
    if (entry.form._id.equals(formId)) cache.delete(key);
  }
}
