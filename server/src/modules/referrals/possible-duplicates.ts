import type { Connection, Types } from 'mongoose';
import { caseModel, type CaseRecord } from '../cases';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The organisations (other than the referrer) where a case of the same person may already exist: the same alias, or
 * the same date of birth, not contradicted by the nationality. Only the organisations' ids leave this function: the
 * receiver is told "a case may already exist at X" and nothing about that case. This is the one query that looks
 * across organisations without a user's rules, which is why it answers with nothing but organisation ids.
 */
export async function possibleDuplicatesAt(db: Connection, record: Pick<CaseRecord, '_id' | 'orgId' | 'alias' | 'identity'>): Promise<Types.ObjectId[]> {
  const identity = record.identity as { birthDate?: string; nationality?: string };
  const or: Record<string, unknown>[] = [];
  if (record.alias) or.push({ alias: { $regex: `^${escape(record.alias.trim())}$`, $options: 'i' } });
  if (identity.birthDate) or.push({ 'identity.birthDate': identity.birthDate });
  if (or.length === 0) return [];
  const matches = await caseModel(db)
    .find({ orgId: { $ne: record.orgId }, $or: or }, { orgId: 1, 'identity.nationality': 1 })
    .limit(200)
    .lean();
  const orgIds = new Map<string, Types.ObjectId>();
  for (const match of matches) {
    const nationality = ((match as { identity?: { nationality?: string } }).identity)?.nationality;
    if (identity.nationality && nationality && nationality !== identity.nationality) continue;
    orgIds.set(match.orgId.toHexString(), match.orgId);
  }
  return [...orgIds.values()];
}
