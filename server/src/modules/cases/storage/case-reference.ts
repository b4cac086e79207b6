import type { Collection } from 'mongodb';
import type { Connection, Types } from 'mongoose';
import { isDuplicateKey } from '../../../core/db/write-claim';

const MAX_ATTEMPTS = 1_000;

/**
 * A pseudonymous reference (`HEL-2025-00042`): the organisation's short code, the year and a per-organisation
 * counter. It says nothing about the person, so it can appear on reimbursement claims and in lists.
 *
 * Each number is taken by inserting it as a unique _id, which every MongoDB-compatible store makes atomic; a number
 * already taken moves on to the next. A counter document only says where to start looking. (An atomic $inc with
 * upsert is not enough: FerretDB does not make conditional updates atomic between connections, and parallel
 * creations got the same number and failed on the unique reference.)
 */
export async function nextCaseReference(db: Connection, org: { _id: Types.ObjectId; slug: string }, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const scope = `${org._id.toHexString()}-${year}`;
  const counters = db.collection<Counter>('case_counters');
  const taken = db.collection<{ _id: string; at: Date }>('case_reference_numbers');
  let seq = ((await counters.findOne({ _id: scope }))?.seq ?? 0) + 1;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1, seq += 1) {
    try {
      await taken.insertOne({ _id: `${scope}-${seq}`, at: now });
    } catch (error) {
      if (isDuplicateKey(error)) continue;
      throw error;
    }
    // Only a hint for the next caller; a lost race here costs that caller a few extra attempts, never a duplicate.
    await raiseHint(counters, scope, seq);
    const code = (org.slug.split('-').pop() ?? org.slug).slice(0, 4).toUpperCase();
    return `${code}-${year}-${String(seq).padStart(5, '0')}`;
  }
  throw new Error('no free case reference number');
}

interface Counter {
  _id: string;
  seq: number;
}

async function raiseHint(counters: Collection<Counter>, scope: string, seq: number): Promise<void> {
  try {
    await counters.updateOne({ _id: scope }, { $max: { seq } }, { upsert: true });
  } catch (error) {
    // Two first upserts of the same counter: the loser's document exists now, so a plain update does it.
    if (!isDuplicateKey(error)) throw error;
    await counters.updateOne({ _id: scope }, { $max: { seq } });
  }
}
