import type { Connection, Types } from 'mongoose';
import { notFound } from '../../../core/errors/app-error';
import { formRevisionModel } from '../models/form-revision.model';
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
