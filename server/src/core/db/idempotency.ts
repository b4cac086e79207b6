import { randomUUID } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import { AppError, conflict, notFound } from '../errors/app-error';
import { isDuplicateKey } from './write-claim';

/*
 * Idempotency keys (the `Idempotency-Key` request header) for writes that a client may retry after an outage.
 *
 * A key is stored once, under `_id` (the only field FerretDB v1 looks up without reading the whole collection),
 * BEFORE the write, and names the record the write will store (`target`): a fresh id for a creation, the case for
 * an event. The write itself is then idempotent in the database: a creation inserts under that reserved `_id`, an
 * event stores the key inside the case in its one conditional update. So whatever is lost in a crash or an outage
 * (the answer, the key's "done" mark), a retry finds the key, looks for the target and either answers from what was
 * stored or does the write again under the same id, which can never store a second record.
 *
 * Keys expire after KEY_LIFETIME_MS: an older key is forgotten when it is used again, and deleted by a sweep at
 * most once an hour (FerretDB has no TTL indexes). A key is stored as a hash of user, organisation and the key, so
 * one user's key never finds another's result; the record holds hashes and ids only, never a response or its data.
 */
export interface IdempotencyKey {
  /** sha256 of the user, the organisation and the header's key. */
  id: string;
  /** sha256 of what was asked (operation, target, body): the same key with another request is refused. */
  fingerprint: string;
}

interface KeyRecord {
  _id: string;
  fingerprint: string;
  target: Types.ObjectId;
  /** Who runs the request now; a retry after the lease takes over by changing it. */
  owner: string;
  /** Until then, a request with this key may still be running (409 for a retry). */
  until: Date;
  /** The write was stored and answered. */
  done: boolean;
  at: Date;
}

export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Longer than a request normally takes; past it a retry takes over (safely: the write is idempotent by itself). */
const LEASE_MS = 10_000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

const keys = (db: Connection) => db.collection<KeyRecord>('idempotency_keys');
const lastSweep = new WeakMap<Connection, number>();

export interface IdempotentWrite<T> {
  /** The id a new request writes to: a fresh id for a creation, the case's id for an event. */
  target: () => Types.ObjectId;
  /** Runs the request on `target`; calls `writing()` right before its first write (no release after that). */
  run: (target: Types.ObjectId, writing: () => void) => Promise<T>;
  /** The answer from what the first request stored on `target`; null when its write was not stored. */
  replay: (target: Types.ObjectId) => Promise<T | null>;
}

export const keyReused = () => new AppError(422, 'idempotency-key-reused');
export const keyInFlight = () => conflict('idempotency-key-in-flight');

const noop = () => undefined;

/** Runs `write` once per key: without a key it simply runs (no database work at all); with one, see above. */
export async function idempotent<T>(db: Connection, key: IdempotencyKey | undefined, write: IdempotentWrite<T>): Promise<T> {
  if (!key) return write.run(write.target(), noop);
  sweep(db);
  const reserved = await reserve(db, key, write.target());
  let owner: string;
  let target = reserved.target;
  if ('owner' in reserved) {
    owner = reserved.owner;
  } else {
    const first = reserved.record;
    if (first.fingerprint !== key.fingerprint) throw keyReused();
    if (!first.done && first.until.getTime() > Date.now()) throw keyInFlight();
    const answer = await write.replay(first.target);
    if (answer !== null) return answer;
    // Done, but the record is gone: removed since (a submission can be deleted). Nothing is written again.
    if (first.done) throw notFound();
    // The first request stopped before its write was stored (crash, outage): do it now, on the same target.
    owner = randomUUID();
    const taken = await keys(db).updateOne({ _id: key.id, owner: first.owner }, { $set: { owner, until: leaseEnd() } });
    if (taken.modifiedCount !== 1) throw keyInFlight();
    target = first.target;
  }
  let writing = false;
  try {
    const result = await write.run(target, () => {
      writing = true;
    });
    await keys(db).updateOne({ _id: key.id, owner }, { $set: { done: true, until: new Date(0) } }).catch(noop);
    return result;
  } catch (error) {
    if (!writing) {
      // Refused before writing (invalid input, no permission): nothing was stored, the key is free again.
      await keys(db).deleteOne({ _id: key.id, owner }).catch(noop);
      throw error;
    }
    // Another run stored the target first (two retries past the lease): answer from it.
    if (isDuplicateKey(error)) {
      const answer = await write.replay(target).catch(() => null);
      if (answer !== null) return answer;
    }
    // Whether the write was stored is unknown (the database may have gone away): a retry may look at once.
    await keys(db).updateOne({ _id: key.id, owner }, { $set: { until: new Date(0) } }).catch(noop);
    throw error;
  }
}

type Reservation = { owner: string; target: Types.ObjectId } | { record: KeyRecord; target: Types.ObjectId };

async function reserve(db: Connection, key: IdempotencyKey, target: Types.ObjectId): Promise<Reservation> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const owner = randomUUID();
    const now = new Date();
    try {
      await keys(db).insertOne({ _id: key.id, fingerprint: key.fingerprint, target, owner, until: leaseEnd(), done: false, at: now });
      return { owner, target };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const record = await keys(db).findOne({ _id: key.id });
    if (!record) continue; // released in between
    if (record.at.getTime() > now.getTime() - KEY_LIFETIME_MS) return { record, target };
    // Expired: the key may be used for a new request.
    await keys(db).deleteOne({ _id: key.id, owner: record.owner });
  }
  throw keyInFlight();
}

const leaseEnd = () => new Date(Date.now() + LEASE_MS);

/** Deletes expired keys, at most once an hour per connection, without holding up the request. */
function sweep(db: Connection): void {
  const now = Date.now();
  if (now - (lastSweep.get(db) ?? 0) < SWEEP_EVERY_MS) return;
  lastSweep.set(db, now);
  keys(db).deleteMany({ at: { $lt: new Date(now - KEY_LIFETIME_MS) } }).catch(noop);
}

/** A fresh id for a record that a request creates. */
export const newId = () => new Types.ObjectId();
