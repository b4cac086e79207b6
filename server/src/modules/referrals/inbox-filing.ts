import type { Connection } from 'mongoose';
import { caseNotificationModel, type CaseNotification } from '../cases';
import {
  addIds, addNotifications, caseNotificationsKey, caseReferralsKey, DECIDED_KEPT, decidedKey, inboxKeysReady, notificationsKey, pendingKey, readKey, receiversKey,
  removeIds, type NotificationItem
} from './inbox-keys';
import { referralModel, type ReferralRecord } from './referral.model';

/*
 * Filing referrals and notifications under the inbox keys (inbox-keys.ts) where they are written: a referral sent
 * waits under its receiver's `rp:` key, is listed under its case's `cx:` key and names the receiver under its case's
 * `rc:` key; a decision moves it to its
 * sender's `rd:` key; a notification goes under `n:<org>:<role>` of the case's organisation and of every organisation
 * the case was referred to (the inbox showed those the notifications of cases referred to them before, by a query).
 * Keys are filed before the record is written and emptied after, so that a process stopping in between leaves a key
 * naming too much (readers check every referral they read), never too little.
 */

/** A find without filter that asks for one document is answered with `LIMIT 1` by the embedded database. */
async function hasInboxRecords(db: Connection): Promise<boolean> {
  const [referral, notification] = await Promise.all([
    referralModel(db).findOne({}, { _id: 1 }).lean(),
    caseNotificationModel(db).findOne({}, { _id: 1 }).lean(),
  ]);
  return referral !== null || notification !== null;
}

/** Whether the inbox keys can answer (built, or a database that had nothing to build them from). */
export const inboxKeysUsable = (db: Connection) => inboxKeysReady(db, () => hasInboxRecords(db));

/**
 * Before the referrals are stored (a key naming a referral that is not there is skipped by its readers). An
 * organisation the case was not referred to before gets the case's earlier notifications to its roles.
 */
export async function fileSentReferrals(db: Connection, referrals: readonly ReferralRecord[]): Promise<void> {
  for (const referral of referrals) {
    const to = referral.toOrgId.toHexString();
    if (!(await readKey<string>(db, receiversKey(referral.caseId))).includes(to)) {
      const earlier = await readKey<NotificationItem>(db, caseNotificationsKey(referral.caseId));
      for (const role of new Set(earlier.map((item) => item.r!))) {
        await addNotifications(db, notificationsKey(to, role), earlier.filter((item) => item.r === role).map(({ r: _role, ...item }) => item));
      }
      await addIds(db, receiversKey(referral.caseId), [to]);
    }
    await addIds(db, caseReferralsKey(referral.caseId), [referral._id.toHexString()]);
    if (referral.status === 'pending') await addIds(db, pendingKey(referral.toOrgId), [referral._id.toHexString()]);
  }
}

/** Before a decision is stored: its sender's inbox will show it (readers skip referrals not decided). */
export const fileDecision = (db: Connection, referral: ReferralRecord) => addIds(db, decidedKey(referral.fromOrgId), [referral._id.toHexString()], DECIDED_KEPT);

/** After a decision is stored: it no longer waits in the receiver's inbox. */
export const unfilePending = (db: Connection, referral: ReferralRecord) => removeIds(db, pendingKey(referral.toOrgId), [referral._id.toHexString()]);

export const notificationItem = (n: CaseNotification): NotificationItem => ({
  i: n._id.toHexString(),
  c: n.caseId.toHexString(),
  m: n.messageKey,
  a: new Date(n.createdAt).getTime(),
});

/** Files notifications under the keys of every organisation they reach. */
export async function fileNotifications(db: Connection, notifications: readonly CaseNotification[]): Promise<void> {
  const byKey = new Map<string, NotificationItem[]>();
  const receivers = new Map<string, string[]>();
  for (const n of notifications) {
    const caseId = n.caseId.toHexString();
    if (!receivers.has(caseId)) receivers.set(caseId, await readKey<string>(db, receiversKey(caseId)));
    for (const orgId of new Set([n.orgId.toHexString(), ...receivers.get(caseId)!])) {
      const key = notificationsKey(orgId, n.role);
      byKey.set(key, [...(byKey.get(key) ?? []), notificationItem(n)]);
    }
    const own = caseNotificationsKey(caseId);
    byKey.set(own, [...(byKey.get(own) ?? []), { ...notificationItem(n), r: n.role }]);
  }
  for (const [key, items] of byKey) await addNotifications(db, key, items);
}

/** Stores a case write's notifications and files them (the cases module's port, referral-port.ts). */
export async function storeNotifications(db: Connection, notifications: readonly CaseNotification[]): Promise<void> {
  if (notifications.length === 0) return;
  await inboxKeysUsable(db);
  // Filed first: a process stopping between the two leaves a key complete, never a notification no inbox shows.
  await fileNotifications(db, notifications);
  await caseNotificationModel(db).insertMany(notifications);
}
