import type { Connection, Types } from 'mongoose';
import { isDuplicateKey, withClaimWaiting } from '../../core/db/write-claim';

/*
 * The inbox's keys: small documents read by `_id`, the one lookup the embedded database (FerretDB v1, SQLite) answers
 * from an index, so `GET /api/inbox` reads what is in the inbox and not every referral and notification stored
 * (docs/case-queries.md). In `inbox_keys`:
 *
 *   rp:<org>          ids of the referrals to the organisation waiting for its decision
 *   rd:<org>          ids of the referrals from the organisation decided last (oldest first, DECIDED_KEPT of them)
 *   rc:<case>         the organisations the case was ever referred to (its notifications reach them too)
 *   n:<org>:<role>    the newest notifications to a workflow role at the organisation (NOTIFICATIONS_KEPT), inline:
 *                     they name a case, a message key and a time, nothing personal
 *   nc:<case>         the case's newest notifications, with their roles: an organisation the case is referred to
 *                     later gets them too (the inbox showed a receiver every notification of the case)
 *   cx:<case>         ids of every referral of the case, oldest first (the case page's referrals, and whether one
 *                     to an organisation is waiting, without reading every referral stored)
 *   meta              the keys' version and whether they are built
 *
 * A key may name a referral that has changed since (a decision racing the start-up build): readers read each
 * referral by `_id` and check it, so a key never has to be exactly right, only complete. Updates are
 * read-modify-write, which FerretDB does not make atomic, so each runs under the key's claim.
 */

export const INBOX_KEYS = 'inbox_keys';
/** As many decisions as the inbox shows (the newest 100 of the last 30 days). */
export const DECIDED_KEPT = 100;
/** As many notifications per role as the inbox shows. */
export const NOTIFICATIONS_KEPT = 100;

/** A notification as an inbox key holds it: id, case, message key, time (ms). */
export interface NotificationItem {
  i: string;
  c: string;
  m: string;
  a: number;
  /** The workflow role (under `nc:<case>` only; the other keys name it). */
  r?: string;
}

interface KeyDoc {
  _id: string;
  v: unknown[];
}

const keys = (db: Connection) => db.collection<KeyDoc>(INBOX_KEYS);

export const pendingKey = (orgId: Types.ObjectId | string) => `rp:${String(orgId)}`;
export const decidedKey = (orgId: Types.ObjectId | string) => `rd:${String(orgId)}`;
export const receiversKey = (caseId: Types.ObjectId | string) => `rc:${String(caseId)}`;
export const notificationsKey = (orgId: Types.ObjectId | string, role: string) => `n:${String(orgId)}:${role}`;
export const caseNotificationsKey = (caseId: Types.ObjectId | string) => `nc:${String(caseId)}`;
export const caseReferralsKey = (caseId: Types.ObjectId | string) => `cx:${String(caseId)}`;

const CLAIM_LEASE_MS = 15_000;
const CLAIM_WAIT_MS = 30_000;

/** Holds the key's claim while `work` runs, waiting for it (with growing pauses) up to CLAIM_WAIT_MS. */
function underClaim<T>(db: Connection, key: string, work: () => Promise<T>): Promise<T> {
  return withClaimWaiting(db, `inbox-key:${key}`, work, CLAIM_LEASE_MS, CLAIM_WAIT_MS);
}

/** The values under a key (none when it was never written). */
export async function readKey<T>(db: Connection, key: string): Promise<T[]> {
  return ((await keys(db).findOne({ _id: key }))?.v ?? []) as T[];
}

/**
 * Changes the values under a key: `change` gets them as stored and returns them as they shall be (the newest
 * last; only the last `keep` are stored). Nothing is written when nothing changed.
 */
export async function changeKey<T>(db: Connection, key: string, change: (values: T[]) => T[], keep = Infinity): Promise<void> {
  await underClaim(db, key, async () => {
    const before = await readKey<T>(db, key);
    const changed = change([...before]);
    const after = changed.length > keep ? changed.slice(changed.length - keep) : changed;
    if (JSON.stringify(after) === JSON.stringify(before)) return;
    if (after.length === 0) await keys(db).deleteOne({ _id: key });
    else await keys(db).replaceOne({ _id: key }, { v: after }, { upsert: true });
  });
}

/** Adds ids to a key's set (ids already there keep their place). */
export const addIds = (db: Connection, key: string, ids: readonly string[], keep = Infinity) =>
  changeKey<string>(db, key, (values) => [...values, ...ids.filter((id) => !values.includes(id))], keep);

/** Takes ids out of a key's set. */
export const removeIds = (db: Connection, key: string, ids: readonly string[]) => changeKey<string>(db, key, (values) => values.filter((id) => !ids.includes(id)));

/** Adds notifications to a key, in time order, keeping the newest. */
export const addNotifications = (db: Connection, key: string, items: readonly NotificationItem[]) =>
  changeKey<NotificationItem>(
    db,
    key,
    (values) => {
      const known = new Set(values.map((item) => item.i));
      return [...values, ...items.filter((item) => !known.has(item.i))].sort((a, b) => a.a - b.a || (a.i < b.i ? -1 : a.i > b.i ? 1 : 0));
    },
    NOTIFICATIONS_KEPT,
  );

/*
 * Whether the keys can answer. They are built once, at the first start after the upgrade that brought them
 * (inbox-keys-migration.ts); a database without referrals and notifications has them, empty, at once.
 */
// Version 2 added the case's referrals (`cx:`): a database built at version 1 files its referrals again.
export const INBOX_KEYS_VERSION = 2;

interface MetaDoc {
  _id: 'meta';
  version: number;
  state: 'building' | 'ready';
  at: Date;
}

export const inboxMeta = (db: Connection) => db.collection<MetaDoc>(INBOX_KEYS);

const readyConnections = new WeakSet<Connection>();

export async function markInboxKeysReady(db: Connection): Promise<void> {
  try {
    await inboxMeta(db).replaceOne({ _id: 'meta' }, { version: INBOX_KEYS_VERSION, state: 'ready', at: new Date() }, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  readyConnections.add(db);
}

/**
 * True when the keys are built. `hasRecords` tells whether there is anything to build them from: when there is not
 * and they were never built, they are ready, empty (a new database: every write from here on keeps them).
 */
export async function inboxKeysReady(db: Connection, hasRecords: () => Promise<boolean>): Promise<boolean> {
  if (readyConnections.has(db)) return true;
  const meta = await inboxMeta(db).findOne({ _id: 'meta' });
  if (meta?.version === INBOX_KEYS_VERSION && meta.state === 'ready') {
    readyConnections.add(db);
    return true;
  }
  if (!meta && !(await hasRecords())) {
    await markInboxKeysReady(db);
    return true;
  }
  return false;
}
