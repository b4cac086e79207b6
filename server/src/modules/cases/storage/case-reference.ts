import type { Connection, Types } from 'mongoose';

/**
 * A pseudonymous reference (`HEL-2025-00042`): the organisation's short code, the year and a per-organisation
 * counter. It says nothing about the person, so it can appear on reimbursement claims and in lists. The counter is
 * one atomic upsert, so parallel creations never get the same number.
 */
export async function nextCaseReference(db: Connection, org: { _id: Types.ObjectId; slug: string }, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const counter = await db
    .collection<{ _id: string; seq: number }>('case_counters')
    .findOneAndUpdate({ _id: `${org._id.toHexString()}-${year}` }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' });
  const seq = counter?.seq ?? 1;
  const code = (org.slug.split('-').pop() ?? org.slug).slice(0, 4).toUpperCase();
  return `${code}-${year}-${String(seq).padStart(5, '0')}`;
}
