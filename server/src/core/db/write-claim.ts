import type { Connection } from 'mongoose';

/*
 * Why this exists: on FerretDB v1 (SQLite backend) a conditional update — `findOneAndUpdate({ _id, version })` or
 * `updateOne` with the same filter — is not atomic between connections: it reads the matching document and writes
 * it back, so two requests that read the same version can both "match" and both write (measured: 3 of 20 parallel
 * updates with one version succeeded). An insert under a unique `_id` is atomic there and on MongoDB alike, so a
 * writer first claims `<key>` by inserting it; exactly one claimer wins, the others get a duplicate-key error.
 * The winner then does its conditional write and releases the claim. A claim left by a process that died between
 * claiming and releasing expires after LEASE_MS.
 */
const LEASE_MS = 30_000;

interface Claim {
  _id: string;
  at: Date;
  owner: string;
}

const claims = (db: Connection) => db.collection<Claim>('write_claims');

export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}

/** True when this caller now holds `key`. Uses the wall clock for the lease: it guards against crashes, not time travel. */
export async function claim(db: Connection, key: string, owner: string, leaseMs = LEASE_MS): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await claims(db).insertOne({ _id: key, at: new Date(), owner });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (!Number.isFinite(leaseMs)) return false;
      const stale = await claims(db).deleteOne({ _id: key, at: { $lt: new Date(Date.now() - leaseMs) } });
      if (stale.deletedCount === 0) return false;
    }
  }
  return false;
}

export async function release(db: Connection, key: string, owner: string): Promise<void> {
  await claims(db).deleteOne({ _id: key, owner });
}

/**
 * Runs a conditional (optimistic-concurrency) write while holding the record's claim; null when another writer
 * holds it, which callers report as a version conflict exactly like a stale version.
 */
export async function withWriteClaim<T>(db: Connection, key: string, write: () => Promise<T>): Promise<T | null> {
  const owner = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  if (!(await claim(db, key, owner))) return null;
  try {
    return await write();
  } finally {
    await release(db, key, owner);
  }
}

/**
 * Runs `work` holding `key`, waiting (with growing pauses) while another writer holds it: for read-modify-write
 * updates of one shared document, which FerretDB does not make atomic. A holder that died is taken over after
 * `leaseMs`; after `waitMs` the caller gets an error instead of waiting on.
 */
export async function withClaimWaiting<T>(db: Connection, key: string, work: () => Promise<T>, leaseMs = 15_000, waitMs = 30_000): Promise<T> {
  const owner = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const deadline = Date.now() + waitMs;
  let pause = 2;
  while (!(await claim(db, key, owner, leaseMs))) {
    if (Date.now() > deadline) throw new Error(`${key} stayed claimed for more than ${waitMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
    pause = Math.min(pause * 1.5, 50);
  }
  try {
    return await work();
  } finally {
    await release(db, key, owner);
  }
}
