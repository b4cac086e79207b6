import { Types } from 'mongoose';
import { withPermission, type ServiceContext } from '../access';
import { type CaseRecord, type CaseRuntime, caseModel, caseNotificationModel, inboxCaseIds } from '../cases';
import { inboxKeysUsable, notificationItem } from './inbox-filing';
import { decidedKey, notificationsKey, pendingKey, readKey, type NotificationItem } from './inbox-keys';
import { referralModel, type ReferralRecord } from './referral.model';

/** What an inbox is made of, before it is presented. */
export interface InboxSources {
  /** Referrals to the organisation waiting for its decision, newest first. */
  toDecide: ReferralRecord[];
  /** The organisation's own referrals decided since `recent`, newest decision first. */
  decided: ReferralRecord[];
  /** Active cases the user may read that may hold an open task or a deadline for the inbox. */
  cases: CaseRecord[];
  /** Notifications to the user's workflow roles since `recent`, newest first. */
  notifications: NotificationItem[];
}

export interface InboxScope {
  orgId: Types.ObjectId;
  roles: ReadonlySet<string>;
  recent: Date;
  horizon: Date;
}

/** As many as the inbox shows of each kind. */
const REFERRALS_SHOWN = 100;
const NOTIFICATIONS_SHOWN = 100;
export const MAX_CASES = 300;
/** Lookups by `_id` in flight at once. */
const PARALLEL = 16;

async function inChunks<T, R>(items: readonly T[], read: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += PARALLEL) results.push(...(await Promise.all(items.slice(start, start + PARALLEL).map(read))));
  return results;
}

const present = <T>(values: ReadonlyArray<T | null>): T[] => values.filter((value): value is T => value !== null);
const newestFirst = (at: (r: ReferralRecord) => Date | undefined) => (a: ReferralRecord, b: ReferralRecord) => at(b)!.getTime() - at(a)!.getTime();

/**
 * The inbox from its keys (inbox-keys.ts) and the case lists' task and due lists: every read a lookup by `_id`, their
 * number growing with what the inbox holds, not with the referrals, notifications and cases stored. Each referral and
 * case named is read through the permission layer and checked as the queries below check it. Null while the keys or
 * the lists are being built (the first start after an upgrade).
 */
async function fromKeys(rt: CaseRuntime, ctx: ServiceContext, scope: InboxScope): Promise<InboxSources | null> {
  const { orgId, roles, recent, horizon } = scope;
  if (!(await inboxKeysUsable(rt.db))) return null;
  const caseIds = await inboxCaseIds(rt.db, orgId.toHexString(), [...roles], horizon.getTime(), MAX_CASES);
  if (caseIds === null) return null;
  const Referrals = referralModel(rt.db);
  const ability = ctx.auth.ability;
  const [pendingIds, decidedIds, noted] = await Promise.all([
    readKey<string>(rt.db, pendingKey(orgId)),
    readKey<string>(rt.db, decidedKey(orgId)),
    Promise.all([...roles].map((role) => readKey<NotificationItem>(rt.db, notificationsKey(orgId, role)))),
  ]);
  const referral = (action: 'read' | 'update') => (id: string) =>
    Referrals.findOne(withPermission(ability, action, 'Referral', { _id: new Types.ObjectId(id) })).lean<ReferralRecord>();
  const [waiting, decisions, cases] = await Promise.all([
    inChunks(pendingIds.slice(-REFERRALS_SHOWN), referral('update')),
    inChunks(decidedIds, referral('read')),
    inChunks(caseIds, (id) => caseModel(rt.db).findOne(withPermission(ability, 'read', 'Case', { _id: new Types.ObjectId(id) })).lean<CaseRecord>()),
  ]);
  const seen = new Set<string>();
  return {
    toDecide: present(waiting).filter((r) => r.status === 'pending' && r.toOrgId.equals(orgId)).sort(newestFirst((r) => r.createdAt)),
    decided: present(decisions).filter((r) => r.fromOrgId.equals(orgId) && r.decidedAt && r.decidedAt >= recent).sort(newestFirst((r) => r.decidedAt)),
    cases: present(cases).filter((record) => record.workflow.snapshot.status === 'active'),
    notifications: noted
      .flat()
      .filter((n) => n.a >= recent.getTime() && !seen.has(n.i) && seen.add(n.i))
      .sort((a, b) => b.a - a.a)
      .slice(0, NOTIFICATIONS_SHOWN),
  };
}

/**
 * The inbox from queries over the referrals, cases and notifications: what the inbox asked before the keys, and asks
 * while they are built. The embedded database answers each by reading every document of the collection.
 */
async function fromQueries(rt: CaseRuntime, ctx: ServiceContext, scope: InboxScope): Promise<InboxSources> {
  const { orgId, roles, recent, horizon } = scope;
  const ability = ctx.auth.ability;
  const Referrals = referralModel(rt.db);
  const [toDecide, decided, received] = await Promise.all([
    Referrals.find(withPermission(ability, 'update', 'Referral', { toOrgId: orgId, status: 'pending' })).sort({ createdAt: -1 }).limit(REFERRALS_SHOWN).lean(),
    Referrals.find(withPermission(ability, 'read', 'Referral', { fromOrgId: orgId, decidedAt: { $gte: recent } })).sort({ decidedAt: -1 }).limit(REFERRALS_SHOWN).lean(),
    Referrals.find(withPermission(ability, 'read', 'Referral', { toOrgId: orgId }), { caseId: 1 }).limit(500).lean(),
  ]);
  const cases = await caseModel(rt.db)
    .find(withPermission(ability, 'read', 'Case', { 'workflow.snapshot.status': 'active', $or: [{ 'workflow.tasks.status': 'open' }, { 'workflow.nextDueAt': { $lte: horizon } }] }))
    .limit(MAX_CASES)
    .lean();
  const receivedCases = [...new Set(received.map((r) => r.caseId.toHexString()))];
  const notifications = roles.size === 0 ? [] : await caseNotificationModel(rt.db).find({
    $or: [{ orgId }, ...(receivedCases.length > 0 ? [{ caseId: { $in: receivedCases } }] : [])],
    role: { $in: [...roles] },
    createdAt: { $gte: recent },
  }).sort({ createdAt: -1 }).limit(NOTIFICATIONS_SHOWN).lean();
  return {
    toDecide,
    decided,
    cases,
    notifications: notifications.map(notificationItem),
  };
}

export async function inboxSources(rt: CaseRuntime, ctx: ServiceContext, scope: InboxScope, mode: 'keys' | 'queries' = 'keys'): Promise<InboxSources> {
  return (mode === 'keys' ? await fromKeys(rt, ctx, scope) : null) ?? fromQueries(rt, ctx, scope);
}
