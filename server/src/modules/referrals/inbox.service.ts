import { taskIsFor } from '../../contracts/cases/case-tasks';
import type { InboxItem, InboxView } from '../../contracts/referrals/inbox.types';
import { can, type ServiceContext } from '../access';
import type { CaseRuntime } from '../cases';
import { organisationModel } from '../tenants';
import { inboxStateId, inboxStates, READ_MARKS_KEPT } from './inbox-state.model';
import { inboxSources } from './inbox-sources';
import { partiesOf, presentReferral } from './referral-presenter';
import { workflowRolesOf } from './workflow-role-map';

const DAY_MS = 86_400_000;
/** Deadlines this close are in the inbox; decided referrals and notifications stay this long. */
const DEADLINE_HORIZON_DAYS = 14;
const RECENT_DAYS = 30;

/**
 * `GET /api/inbox`: what waits for this user in this organisation: referrals to decide (for those who may decide
 * them), the decisions on the organisation's own referrals, open tasks of the workflow roles the user acts in, deadlines
 * approaching on cases the user may move, and the workflows' `notify-role` messages to those roles. Workflow roles
 * come from the organisation's mapping (workflow-role-map.ts). Every case is read through the permission layer.
 * The inbox is read from keys kept where referrals, notifications and cases are written (inbox-sources.ts), so it
 * costs the same whatever the database holds besides; `mode: 'queries'` asks the database instead (tests compare).
 */
export async function inbox(rt: CaseRuntime, ctx: ServiceContext, mode: 'keys' | 'queries' = 'keys'): Promise<InboxView<Date>> {
  const now = rt.clock.now();
  const orgId = ctx.auth.org._id;
  const org = await organisationModel(rt.db).findById(orgId).lean();
  const roles = org ? workflowRolesOf(org, ctx.auth.role.key) : new Set<string>();
  const recent = new Date(now.getTime() - RECENT_DAYS * DAY_MS);
  const horizon = new Date(now.getTime() + DEADLINE_HORIZON_DAYS * DAY_MS);
  const { toDecide, decided, cases, notifications } = await inboxSources(rt, ctx, { orgId, roles, recent, horizon }, mode);
  const parties = await partiesOf(rt.db, [...toDecide, ...decided]);
  const items: Omit<InboxItem<Date>, 'unread'>[] = [
    ...toDecide.map((r) => ({ id: `referral:${r._id.toHexString()}`, kind: 'referral' as const, at: r.createdAt, caseReference: r.caseReference, referral: presentReferral(r, parties, orgId) })),
    ...decided.map((r) => ({ id: `decided:${r._id.toHexString()}`, kind: 'referralDecided' as const, at: r.decidedAt!, caseId: r.caseId.toHexString(), caseReference: r.caseReference, referral: presentReferral(r, parties, orgId) })),
  ];

  const own = orgId.toHexString();
  for (const record of cases) {
    if (!can(ctx.auth.ability, 'read', 'Case', record, 'workflow')) continue;
    const caseId = record._id.toHexString();
    const base = { caseId, caseReference: can(ctx.auth.ability, 'read', 'Case', record, 'reference') ? record.reference : undefined, workflowId: record.workflow.definitionId };
    for (const task of record.workflow.tasks) {
      if (task.status !== 'open' || !taskIsFor(task, record.orgId.toHexString(), own) || !roles.has(task.role)) continue;
      const dueAt = task.dueAt ? new Date(task.dueAt) : undefined;
      items.push({ id: `task:${caseId}:${task.id}`, kind: 'task', at: dueAt ?? new Date(task.createdAt), messageKey: task.titleKey, ...base, ...(dueAt ? { dueAt, overdue: dueAt <= now } : {}) });
    }
    if (record.orgId.equals(orgId) && can(ctx.auth.ability, 'update', 'Case', record, 'workflow')) {
      for (const deadline of record.workflow.deadlines) {
        const dueAt = new Date(deadline.dueAt);
        if (dueAt > horizon) continue;
        items.push({ id: `deadline:${caseId}:${deadline.deadlineId}:${dueAt.getTime()}`, kind: 'deadline', at: dueAt, messageKey: deadline.deadlineId, dueAt, overdue: dueAt <= now, ...base });
      }
    }
  }
  for (const n of notifications) {
    items.push({ id: `notification:${n.i}`, kind: 'notification', at: new Date(n.a), caseId: n.c, messageKey: n.m });
  }

  const state = await inboxStates(rt.db).findOne({ _id: inboxStateId(ctx.auth.user._id.toHexString(), own) });
  const read = new Set(state?.read ?? []);
  const all = items
    .map((item) => ({ ...item, unread: !read.has(item.id) }))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  return { items: all, unread: all.filter((item) => item.unread).length };
}

/** `POST /api/inbox/read`: marks items read for this user (ids as the inbox gave them; unknown ones are kept harmlessly). */
export async function markRead(rt: CaseRuntime, ctx: ServiceContext, ids: readonly string[]): Promise<void> {
  const _id = inboxStateId(ctx.auth.user._id.toHexString(), ctx.auth.org._id.toHexString());
  const States = inboxStates(rt.db);
  const current = await States.findOne({ _id });
  const read = [...new Set([...(current?.read ?? []), ...ids])].slice(-READ_MARKS_KEPT);
  await States.replaceOne({ _id }, { read }, { upsert: true });
}
