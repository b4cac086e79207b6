import { Types, type Connection } from 'mongoose';
import { AppError, conflict } from '../errors/app-error';
import { isDuplicateKey } from './write-claim';

/*
 * Idempotency keys (the `Idempotency-Key` request header) for writes that a client may retry after an outage.
 *
 * A key is stored once, under `_id`, BEFORE the write, and names the record the write will store (`target`): a
 * fresh id for a creation, the case for an event. The write itself is then idempotent in the database: a creation
 * inserts under that reserved `_id`, an event stores the key inside the case in its one conditional update. So
 * whatever is lost in a crash or an outage (the write, the answer), a retry finds the key and the target, and either
 * answers from what was stored or does the write again under the same id, which can never store a second record.
 *
 * Only inserts and finds by `_id` on the way of a request: FerretDB v1 reads the whole collection for any update or
 * delete (measured: 150 ms with 20,000 keys), and for a find on any other field. So a key record is never updated:
 * "still in flight" is its first LEASE_MS, "done" is its target being stored. Deletes happen only when a request is
 * refused before writing (the key is free again), for an expired key that is used again, and in the hourly sweep of
 * keys older than KEY_LIFETIME_MS (FerretDB has no TTL indexes).
 *
 * A key is stored as a hash of user, organisation and the key, so one user's key never finds another's result; the
 * record holds hashes and ids only, never a response or its data.
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
  /** When the first request with this key started. */
  at: Date;
}

export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/**
 * How long after its start a request whose write is not stored yet counts as running (a retry gets 409); past it, a
 * retry does the write itself. Longer than a request normally takes, and safe when not: the write is idempotent.
 */
const LEASE_MS = 10_000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

const keys = (db: Connection) => db.collection<KeyRecord>('idempotency_keys');
const lastSweep = new WeakMap<Connection, number>();

export interface IdempotentWrite<T> {
  /** The id a new request writes to: a fresh id for a creation, the case's id for an event. */
  target: () => Types.ObjectId;
  /** Runs the request on `target`; calls `writing()` right before its first write (the key is kept from then on). */
  run: (target: Types.ObjectId, writing: () => void) => Promise<T>;
  /** The answer from what the first request stored on `target`; null when its write is not stored. */
  replay: (target: Types.ObjectId) => Promise<T | null>;
}

export const keyReused = () => new AppError(422, 'idempotency-key-reused');
export const keyInFlight = () => conflict('idempotency-key-in-flight');

const noop = () => undefined;

/** Runs `write` once per key: without a key it simply runs (no database work at all); with one, see above. */
export async function idempotent<T>(db: Connection, key: IdempotencyKey | undefined, write: IdempotentWrite<T>): Promise<T> {
  if (!key) return write.run(write.target(), noop);
  sweep(db);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const target = write.target();
    if (await reserve(db, key, target)) return runOnce(db, key, target, write);
    const first = await keys(db).findOne({ _id: key.id });
    if (!first) continue; // freed in between
    if (first.at.getTime() <= Date.now() - KEY_LIFETIME_MS) {
      // Expired: the key may be used for a new request.
      await keys(db).deleteOne({ _id: key.id, at: first.at });
      continue;
    }
    if (first.fingerprint !== key.fingerprint) throw keyReused();
    const answer = await write.replay(first.target);
    if (answer !== null) return answer;
    if (first.at.getTime() > Date.now() - LEASE_MS) throw keyInFlight();
    // The first request stopped before its write was stored (crash, outage): do the write now, on the same target.
    return runOnce(db, key, first.target, write);
  }
  throw keyInFlight();
}

/** True when this request stored the key, false when the key was there already. */
async function reserve(db: Connection, key: IdempotencyKey, target: Types.ObjectId): Promise<boolean> {
  try {
    await keys(db).insertOne({ _id: key.id, fingerprint: key.fingerprint, target, at: new Date() });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

async function runOnce<T>(db: Connection, key: IdempotencyKey, target: Types.ObjectId, write: IdempotentWrite<T>): Promise<T> {
  let writing = false;
  try {
    return await write.run(target, () => {
      writing = true;
    });
  } catch (error) {
    if (!writing) {
      // Refused before writing (invalid input, no permission): nothing was stored, so the key is free again.
      await keys(db).deleteOne({ _id: key.id, target }).catch(noop);
    } else if (isDuplicateKey(error)) {
      // Another run stored the target first (two retries past the lease): answer from it.
      const answer = await write.replay(target).catch(() => null);
      if (answer !== null) return answer;
    }
    throw error;
  }
}

/** Deletes expired keys, at most once an hour per connection, without holding up the request. */
function sweep(db: Connection): void {
  const now = Date.now();
  if (now - (lastSweep.get(db) ?? 0) < SWEEP_EVERY_MS) return;
  lastSweep.set(db, now);
  keys(db).deleteMany({ at: { $lt: new Date(now - KEY_LIFETIME_MS) } }).catch(noop);
}

/** A fresh id for a record that a request creates. */
export const newId = () => new Types.ObjectId();
