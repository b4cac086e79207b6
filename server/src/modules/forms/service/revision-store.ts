import type { Connection, Types } from 'mongoose';
import { notFound } from '../../../core/errors/app-error';
import { formRevisionModel } from '../storage/form-revision.model';
import { cachedRevision, parseRevision, rememberRevision, type ParsedRevision } from './revision-cache';

/**
 * A revision of a form the caller has already been allowed to see (or a submission it may see is pinned to).
 * Internal: the permission check is the caller's.
 */
export async function loadRevision(db: Connection, formId: Types.ObjectId, number: number): Promise<ParsedRevision> {
  const key = `${formId.toHexString()}:${number}`;
  const cached = cachedRevision(db, key);
  if (cached) return cached;
  const stored = await formRevisionModel(db).findOne({ formId, number }).lean();
  if (!stored) throw notFound();
  const parsed = parseRevision(stored);
  rememberRevision(db, key, parsed);
  return parsed;
}

/**
 * Several forms' revisions in one query (for lists): those not cached are read together, never one by one.
 * Answers in the order asked. Internal like loadRevision: the permission check is the caller's.
 */
export async function loadRevisions(db: Connection, wanted: { formId: Types.ObjectId; number: number }[]): Promise<ParsedRevision[]> {
  const keyOf = (formId: Types.ObjectId, number: number) => `${formId.toHexString()}:${number}`;
  const found = new Map<string, ParsedRevision>();
  for (const { formId, number } of wanted) {
    const cached = cachedRevision(db, keyOf(formId, number));
    if (cached) found.set(keyOf(formId, number), cached);
  }
  const missing = wanted.filter(({ formId, number }) => !found.has(keyOf(formId, number)));
  if (missing.length > 0) {
    const stored = await formRevisionModel(db).find({ $or: missing.map(({ formId, number }) => ({ formId, number })) }).lean();
    for (const revision of stored) {
      const parsed = parseRevision(revision);
      found.set(keyOf(revision.formId, revision.number), parsed);
      rememberRevision(db, keyOf(revision.formId, revision.number), parsed);
    }
  }
  return wanted.map(({ formId, number }) => {
    const revision = found.get(keyOf(formId, number));
    if (!revision) throw notFound();
    return revision;
  });
}
