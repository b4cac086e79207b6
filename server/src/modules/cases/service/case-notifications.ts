import { Types } from 'mongoose';
import { caseNotificationModel, type CaseNotification } from '../storage/notification.model';
import type { CaseRecord } from '../storage/case.model';
import type { CaseRuntime } from './case-runtime';

/**
 * Stores the `notify-role` notifications of a case write. The referrals module, which keeps the inbox, stores them and
 * files each under the inboxes it reaches (the case's organisation and those the case was referred to), so an inbox
 * reads its notifications by key instead of querying them all.
 */
export async function storeNotifications(
  rt: CaseRuntime,
  record: Pick<CaseRecord, '_id' | 'orgId'>,
  notifications: ReadonlyArray<{ role: string; messageKey: string }>,
  now: Date,
): Promise<void> {
  if (notifications.length === 0) return;
  const docs: CaseNotification[] = notifications.map((n) => ({
    _id: new Types.ObjectId(),
    orgId: record.orgId,
    caseId: record._id,
    role: n.role,
    messageKey: n.messageKey,
    createdAt: now,
  }));
  if (rt.referrals) await rt.referrals.storeNotifications(docs);
  else await caseNotificationModel(rt.db).insertMany(docs);
}
