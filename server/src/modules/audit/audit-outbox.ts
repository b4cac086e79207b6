import { Types, type Connection, type Model } from 'mongoose';
import { appendAuditEntry } from './audit-batcher';
import { auditModel, type AuditEntry } from './audit.model';

/**
 * Audit entries that are stored inside the record they are about, in the same insert, and copied to the audit log
 * right after (a transactional outbox). MongoDB here has no multi-document transactions, so a record and its
 * entry written one after the other can be parted by a crash in between; written in one document they cannot, and
 * the request does not wait for a second write (creating a submission ran a fifth faster in `npm run bench`).
 *
 * The copy keeps the entry's id, so an entry copied twice is stored once. What a crash leaves uncopied is found by
 * `copyMissedEntries`, which the server runs at start and then periodically; and the audit log's reader waits for
 * this process's copies first (`settleAuditCopies`), so a user never reads the log without an entry it wrote.
 */
export interface WithAuditOutbox {
  _id: Types.ObjectId;
  auditOutbox?: AuditEntry[];
}

/**
 * The schema path that holds the entries; presenters name the fields they show, so it is never shown. (Not
 * `select: false`: FerretDB refuses the projection that would add to `findOneAndUpdate`.)
 */
export const AUDIT_OUTBOX_PATH = {
  auditOutbox: { type: [Object], default: undefined },
} as const;

// Per connection: the copies under way in this process.
const copying = new WeakMap<Connection, Set<Promise<void>>>();

/** Copies entries that were stored with their record into the audit log, without waiting for it. */
export function copyToAuditLog(db: Connection, entries: readonly AuditEntry[]): void {
  let underWay = copying.get(db);
  if (!underWay) {
    underWay = new Set();
    copying.set(db, underWay);
  }
  for (const entry of entries) {
    // A failed copy is not lost: the entry is still in its record, where `copyMissedEntries` finds it.
    const copy: Promise<void> = appendAuditEntry(db, entry).catch(() => undefined).finally(() => underWay.delete(copy));
    underWay.add(copy);
  }
}

/** Resolves when every copy this process has started is settled. */
export async function settleAuditCopies(db: Connection): Promise<void> {
  const underWay = copying.get(db);
  if (underWay && underWay.size > 0) await Promise.all(underWay);
}

const PAGE = 500;

/**
 * Copies the entries of records created between `since` and `until` that are not in the audit log yet (after a
 * crash between a record's insert and its copy, or a failed copy). Records are found by their id's creation time,
 * so no index other than `_id` is needed. `until` should lie a little in the past, so that copies still under way
 * in another process are not counted as missed; this process's are waited for. Returns how many were missing;
 * `stop` ends the search after the page under way (at shutdown).
 */
export async function copyMissedEntries<T extends WithAuditOutbox>(
  db: Connection,
  model: Model<T>,
  window: { since: Date; until: Date },
  stop?: AbortSignal,
): Promise<number> {
  await settleAuditCopies(db);
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
  let after = Types.ObjectId.createFromTime(seconds(window.since) - 1);
  const before = Types.ObjectId.createFromTime(seconds(window.until) + 1);
  let missing = 0;
  while (!stop?.aborted) {
    const page = await model
      .find({ _id: { $gt: after, $lt: before }, auditOutbox: { $exists: true } }, { auditOutbox: 1 })
      .sort({ _id: 1 })
      .limit(PAGE)
      .lean<WithAuditOutbox[]>();
    if (page.length === 0) return missing;
    after = page[page.length - 1]!._id;
    missing += await copyAbsentEntries(db, page.flatMap((record) => record.auditOutbox ?? []));
  }
  return missing;
}

/**
 * Stores entries that a record carries in the audit log and resolves when they are stored, before the record
 * forgets them (or is removed). Storing one that is already there stores nothing (its id is fixed).
 */
export async function storeCarriedEntries(db: Connection, entries: readonly AuditEntry[]): Promise<void> {
  await Promise.all(entries.map((entry) => appendAuditEntry(db, entry)));
}

async function copyAbsentEntries(db: Connection, entries: readonly AuditEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  const stored = await auditModel(db)
    .find({ _id: { $in: entries.map((entry) => entry._id) } }, { _id: 1 })
    .lean();
  const storedIds = new Set(stored.map((entry) => String(entry._id)));
  const absent = entries.filter((entry) => !storedIds.has(String(entry._id)));
  await Promise.all(absent.map((entry) => appendAuditEntry(db, entry)));
  return absent.length;
}
