import { randomUUID } from 'node:crypto';
import { isValidObjectId } from 'mongoose';
import { claim, release } from '../../core/db/write-claim';
import { notFound, versionConflict } from '../../core/errors/app-error';
import type { DecideReferralInput } from '../../contracts/referrals/referral.schemas';
import { auditedWrite } from '../audit';
import { withPermission, auditActor, type ServiceContext } from '../access';
import {
  consentRequired, advanceCase, type CaseChange, consentCoverage, shareGroupsOf, sharesOf, type CaseRuntime,
  commitCase, caseModel, type CaseRecord, type TimelineEntry
} from '../cases';
import { organisationModel, type Organisation } from '../tenants';
import { fileDecision, unfilePending } from './inbox-filing';
import { referralAlreadyDecided } from './referral.errors';
import { referralModel, type ReferralRecord } from './referral.model';
import type { ReferralNotifier } from './referral-notifier';
import { partiesOf, presentReferral } from './referral-presenter';

const ATTEMPTS = 5;

/**
 * `POST /api/referrals/:id/decision`: the receiving organisation accepts or declines. Only the receiver decides
 * (`update` on the referral, which its rules give for referrals to it). Accepting shares the case with it within the
 * referral's groups (and only while the person's consent holds), or for a transfer makes it the case's owner; it gets
 * its task, and the workflow's event for the decision is fired where the case's stage takes it. The case is written
 * on the referral's behalf: before accepting, the receiver cannot read it.
 */
export async function decideReferral(rt: CaseRuntime, ctx: ServiceContext, id: string, input: DecideReferralInput, notifier?: ReferralNotifier) {
  if (!isValidObjectId(id)) throw notFound();
  const Referrals = referralModel(rt.db);
  const referral = await Referrals.findOne(withPermission(ctx.auth.ability, 'update', 'Referral', { _id: id })).lean();
  if (!referral || !referral.toOrgId.equals(ctx.auth.org._id)) throw notFound();
  if (referral.status !== 'pending') throw referralAlreadyDecided();
  const owner = randomUUID();
  const key = `referral:${id}`;
  if (!(await claim(rt.db, key, owner))) throw versionConflict();
  let decided: ReferralRecord | null;
  try {
    await fileDecision(rt.db, referral);
    decided = await auditedWrite(ctx.db, auditActor(ctx), { action: input.decision === 'accept' ? 'accept' : 'decline', subjectType: 'Referral', subjectId: id }, async () => {
      const now = rt.clock.now();
      const by = ctx.auth.user._id.toHexString();
      const toOrg = await organisationModel(rt.db).findById(referral.toOrgId).lean();
      if (!toOrg) throw notFound();
      await writeCase(rt, referral, (record) => (input.decision === 'accept' ? accepted(rt, record, referral, toOrg, by, now) : declined(rt, record, referral, toOrg, input.reason, by, now)));
      const set =
        input.decision === 'accept'
          ? { status: 'accepted' as const, decidedBy: by, decidedAt: now }
          : { status: 'declined' as const, decidedBy: by, decidedAt: now, declineReason: input.reason, ...(input.note ? { declineNote: input.note } : {}) };
      return Referrals.findOneAndUpdate({ _id: referral._id, status: 'pending' }, { $set: set }, { returnDocument: 'after' }).lean();
    });
  } finally {
    await release(rt.db, key, owner);
  }
  if (!decided) throw referralAlreadyDecided();
  await unfilePending(rt.db, decided);
  await notifier?.referralDecided(decided);
  return presentReferral(decided, await partiesOf(rt.db, [decided]), ctx.auth.org._id);
}

/** Writes the decision into the case as it is now, reading it again after a concurrent change. */
async function writeCase(rt: CaseRuntime, referral: ReferralRecord, change: (record: CaseRecord) => Promise<CaseChange>): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const record = await caseModel(rt.db).findById(referral.caseId).lean();
    if (!record) throw notFound();
    if (await commitCase(rt, record, await change(record))) return;
  }
  throw versionConflict();
}

/** The case after the decision's own changes, with the workflow's event for it applied where the stage takes it. */
async function withWorkflowEvent(rt: CaseRuntime, record: CaseRecord, event: string | undefined, by: string, own: Partial<CaseRecord>): Promise<CaseChange> {
  const next = { ...record, ...own } as CaseRecord;
  if (event && next.workflow.snapshot.status !== 'done') {
    const advanced = await advanceCase(rt, next, { type: event }, by);
    if (!('ok' in advanced)) return { ...advanced, set: { ...own, ...advanced.set } };
  }
  return { set: own, notifications: [] };
}

async function accepted(rt: CaseRuntime, record: CaseRecord, referral: ReferralRecord, toOrg: Organisation, by: string, now: Date): Promise<CaseChange> {
  const coverage = consentCoverage(record, referral.recipient);
  if (coverage.length === 0) throw consentRequired(referral.recipient);
  const to = toOrg._id.toHexString();
  const groups = referral.groups.filter((group) => coverage.includes(group));
  const others = sharesOf(record).filter((share) => share.orgId !== to);
  const transfer = referral.purpose === 'transfer';
  const shares = transfer ? others : [...others, { orgId: to, recipient: referral.recipient, groups, name: toOrg.name }];
  const entry: TimelineEntry = { at: now, type: 'referral-accepted', by, detail: referral.purpose, organisation: toOrg.name };
  const task = {
    id: `t${record.workflow.tasks.length + 1}`,
    titleKey: referral.taskKey,
    role: referral.role,
    dueAt: null,
    status: 'open' as const,
    createdAt: now,
    orgId: to,
  };
  const own: Partial<CaseRecord> = {
    ...(transfer ? { orgId: toOrg._id, assignees: [by] } : {}),
    sharedWith: transfer ? record.sharedWith.filter((orgId) => orgId !== to) : [...new Set([...record.sharedWith, to])],
    shareGroups: shareGroupsOf(record, shares),
    workflow: {
      ...record.workflow,
      fields: { ...record.workflow.fields, shares },
      tasks: [...record.workflow.tasks, task],
      timeline: [...record.workflow.timeline, entry],
    },
  };
  return withWorkflowEvent(rt, record, referral.acceptedEvent, by, own);
}

async function declined(rt: CaseRuntime, record: CaseRecord, referral: ReferralRecord, toOrg: Organisation, reason: string, by: string, now: Date): Promise<CaseChange> {
  const entry: TimelineEntry = { at: now, type: 'referral-declined', by, detail: reason, organisation: toOrg.name };
  return withWorkflowEvent(rt, record, referral.declinedEvent, by, { workflow: { ...record.workflow, timeline: [...record.workflow.timeline, entry] } });
}
