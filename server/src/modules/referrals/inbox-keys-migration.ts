import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { claim, release } from '../../core/db/write-claim';
import { caseNotificationModel } from '../cases';
import { notificationItem, inboxKeysUsable } from './inbox-filing';
import {
  addIds, addNotifications, caseNotificationsKey, caseReferralsKey, DECIDED_KEPT, decidedKey, inboxMeta, INBOX_KEYS_VERSION, markInboxKeysReady, notificationsKey,
  pendingKey, receiversKey, type NotificationItem
} from './inbox-keys';
import { referralModel } from './referral.model';

/*
 * The first start after the upgrade that brought the inbox keys files the referrals and notifications already stored
 * (before it listens; until the keys are ready, the inbox asks the database as before). One process builds, others
 * wait for it. Every step adds to the keys what the records say, so a run stopped halfway is simply run again at the
 * next start: keys already filed stay filed, nothing is filed twice.
 */

const MIGRATION_CLAIM = 'inbox-keys-migration';
const MIGRATION_LEASE_MS = 120_000;

export interface InboxKeysMigrationOptions {
  logger?: Logger;
}

/** Files every stored referral and notification under its keys (what inbox-filing.ts does at each write). */
async function fileAll(db: Connection, logger?: Logger, renew?: () => Promise<unknown>): Promise<number> {
  const pending = new Map<string, string[]>();
  const decided = new Map<string, Array<{ id: string; at: number }>>();
  const receivers = new Map<string, Set<string>>();
  const ofCase = new Map<string, Array<{ id: string; at: number }>>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
  let records = 0;
  for await (const r of referralModel(db).find({}, { caseId: 1, toOrgId: 1, fromOrgId: 1, status: 1, decidedAt: 1, createdAt: 1 }).lean().cursor()) {
    records += 1;
    push(ofCase, caseReferralsKey(r.caseId), { id: r._id.toHexString(), at: new Date(r.createdAt).getTime() });
    const receiverSet = receivers.get(r.caseId.toHexString()) ?? new Set<string>();
    receivers.set(r.caseId.toHexString(), receiverSet.add(r.toOrgId.toHexString()));
    if (r.status === 'pending') push(pending, pendingKey(r.toOrgId), r._id.toHexString());
    else if (r.decidedAt) push(decided, decidedKey(r.fromOrgId), { id: r._id.toHexString(), at: new Date(r.decidedAt).getTime() });
  }
  const notifications = new Map<string, NotificationItem[]>();
  for await (const n of caseNotificationModel(db).find({}).lean().cursor()) {
    records += 1;
    for (const orgId of new Set([n.orgId.toHexString(), ...(receivers.get(n.caseId.toHexString()) ?? [])])) {
      push(notifications, notificationsKey(orgId, n.role), notificationItem(n));
    }
    push(notifications, caseNotificationsKey(n.caseId), { ...notificationItem(n), r: n.role });
  }
  const writes: Array<() => Promise<void>> = [
    ...[...receivers].map(([caseId, orgs]) => () => addIds(db, receiversKey(caseId), [...orgs])),
    ...[...pending].map(([key, ids]) => () => addIds(db, key, ids)),
    ...[...ofCase].map(([key, items]) => () => addIds(db, key, items.sort((a, b) => a.at - b.at).map((item) => item.id))),
    ...[...decided].map(([key, items]) => () => addIds(db, key, items.sort((a, b) => a.at - b.at).map((item) => item.id), DECIDED_KEPT)),
    ...[...notifications].map(([key, items]) => () => addNotifications(db, key, items)),
  ];
  let lastLog = Date.now();
  for (let index = 0; index < writes.length; index += 1) {
    await writes[index]!();
    if (Date.now() - lastLog > 5_000 || index === writes.length - 1) {
      lastLog = Date.now();
      await renew?.();
      logger?.info({ done: index + 1, total: writes.length }, `inbox keys: ${index + 1} of ${writes.length} written`);
    }
  }
  return records;
}

/**
 * Builds the inbox keys if this database does not have them yet, showing progress in the log; waits if another
 * process is building them.
 */
export async function ensureInboxKeys(db: Connection, options: InboxKeysMigrationOptions = {}): Promise<'ready' | 'built'> {
  const { logger } = options;
  if (await inboxKeysUsable(db)) return 'ready';
  const owner = `${process.pid}-${randomBytes(6).toString('hex')}`;
  let announced = false;
  while (!(await claim(db, MIGRATION_CLAIM, owner, MIGRATION_LEASE_MS))) {
    if (!announced) logger?.info('inbox keys: another process is building them; waiting');
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (await inboxKeysUsable(db)) return 'ready';
  }
  const claims = db.collection<{ _id: string; at: Date; owner: string }>('write_claims');
  const renew = () => claims.updateOne({ _id: MIGRATION_CLAIM, owner }, { $set: { at: new Date() } });
  try {
    if (await inboxKeysUsable(db)) return 'ready';
    await inboxMeta(db).replaceOne({ _id: 'meta' }, { version: INBOX_KEYS_VERSION, state: 'building', at: new Date() }, { upsert: true });
    logger?.info('inbox keys: filing the stored referrals and notifications');
    const records = await fileAll(db, logger, renew);
    await markInboxKeysReady(db);
    logger?.info({ records }, 'inbox keys: ready');
    return 'built';
  } finally {
    await release(db, MIGRATION_CLAIM, owner);
  }
}
