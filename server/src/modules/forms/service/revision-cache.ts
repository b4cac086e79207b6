import type { Connection } from 'mongoose';
import { findSensitiveFields, type SensitiveField } from '../definition/sensitive-fields-finder';
import type { FormDefinition } from '../../../contracts/forms/form.types';
import type { FormTranslations } from '../../../contracts/forms/translatable-strings-collector';
import type { FormRevision } from '../storage/form-revision.model';

/** A revision as the services use it: parsed once, with its sensitive fields worked out once. */
export interface ParsedRevision {
  number: number;
  definition: FormDefinition;
  translations: FormTranslations;
  sensitive: SensitiveField[];
  author: string | null;
  note: string;
  published: boolean;
  createdAt: Date;
}

const MAX_ENTRIES = 500;
// Revisions never change, so a parsed copy can be kept for as long as the connection lives without going stale,
// also when several processes share the database. Keyed by connection: no module-level state shared between apps.
const caches = new WeakMap<Connection, Map<string, ParsedRevision>>();

export function parseRevision(revision: FormRevision): ParsedRevision {
  const definition = JSON.parse(revision.definitionJson) as FormDefinition;
  return {
    number: revision.number,
    definition,
    translations: JSON.parse(revision.translationsJson || '{}') as FormTranslations,
    sensitive: findSensitiveFields(definition),
    author: revision.authorId ? revision.authorId.toHexString() : null,
    note: revision.note,
    published: revision.published,
    createdAt: revision.createdAt,
  };
}

export function cachedRevision(db: Connection, key: string): ParsedRevision | undefined {
  return caches.get(db)?.get(key);
}

export function rememberRevision(db: Connection, key: string, revision: ParsedRevision): void {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  // The published flag may still flip; keep only published ones (they no longer change) to stay exact.
  if (!revision.published) return;
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, revision);
}
