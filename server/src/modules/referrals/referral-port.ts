import { Types, type Connection } from 'mongoose';
import type { ReferralDetails, ShareableGroup } from '../../contracts/referrals/referral.schemas';
import {
  consentRequired, consentCoverage, type CaseReferralPort, type PreparedReferrals, type CaseRecord,
  type TimelineEntry
} from '../cases';
import { organisationModel } from '../tenants';
import type { ReferralRequest } from '../workflows';
import { referralAlreadyPending, referralGroupsNotConsented } from './referral.errors';
import { referralModel, type ReferralRecord } from './referral.model';
import { resolveRecipient } from './referral-recipients';
import { possibleDuplicatesAt } from './possible-duplicates';
import type { ReferralNotifier } from './referral-notifier';
import { fileSentReferrals, inboxKeysUsable, storeNotifications } from './inbox-filing';
import { referralsOfCase } from './case-referrals-lookup';

/** The referrals module's side of the cases seam (cases/service/case-referral.port.ts). */
export function createReferralPort(db: Connection, notifier?: ReferralNotifier): CaseReferralPort {
  return {
    async prepare(record, requests, details, by, now) {
      const fromOrg = await organisationModel(db).findById(record.orgId).lean();
      if (!fromOrg) throw consentRequired(requests[0]!.recipient);
      const docs: ReferralRecord[] = [];
      const timeline: TimelineEntry[] = [];
      for (const request of requests) {
        const to = await resolveRecipient(db, request.recipient, fromOrg, details?.organisation);
        const doc = await draftReferral(db, record, request, { ...details, toOrgId: to._id }, by, now);
        docs.push(doc);
        timeline.push({ at: now, type: 'referral-sent', by, detail: request.recipient, organisation: to.name });
      }
      return {
        timeline,
        async store() {
          // A new database's inbox keys start here, ready (inbox-keys.ts); the referrals wait under their receivers'.
          await inboxKeysUsable(db);
          await fileSentReferrals(db, docs);
          await referralModel(db).insertMany(docs);
          for (const doc of docs) await notifier?.referralSent(doc);
        },
      } satisfies PreparedReferrals;
    },
    async accessEnded(caseId, orgIds, at) {
      await referralModel(db).updateMany(
        { caseId: new Types.ObjectId(caseId), toOrgId: { $in: orgIds.map((id) => new Types.ObjectId(id)) }, status: 'accepted', accessEndedAt: { $exists: false } },
        { $set: { accessEndedAt: at } },
      );
    },
    storeNotifications: (notifications) => storeNotifications(db, notifications),
  };
}

/**
 * A referral record checked against the case as it will be stored: the person's consent to the recipient is valid,
 * the shared groups are among those it covers (all of them when none are named), and no referral of this case to the
 * same organisation is still waiting.
 */
export async function draftReferral(
  db: Connection,
  record: CaseRecord,
  request: Pick<ReferralRequest, 'recipient' | 'purpose' | 'role' | 'taskKey' | 'acceptedEvent' | 'declinedEvent' | 'groups'>,
  details: Omit<ReferralDetails, 'organisation'> & { toOrgId: Types.ObjectId },
  by: string | null,
  now: Date,
): Promise<ReferralRecord> {
  const coverage = consentCoverage(record, request.recipient);
  if (coverage.length === 0) throw consentRequired(request.recipient);
  // The caseworker's own choice is checked against the consent; the workflow's default is narrowed to it.
  const groups: ShareableGroup[] = details.groups
    ? [...new Set(details.groups)]
    : request.groups
      ? coverage.filter((group) => request.groups!.includes(group))
      : coverage;
  if (groups.length === 0) throw consentRequired(request.recipient);
  const beyond = groups.filter((group) => !coverage.includes(group));
  if (beyond.length > 0) throw referralGroupsNotConsented(beyond);
  const waiting = (await referralsOfCase(db, record._id)).some((referral) => referral.toOrgId.equals(details.toOrgId) && referral.status === 'pending');
  if (waiting) throw referralAlreadyPending();
  return {
    _id: new Types.ObjectId(),
    caseId: record._id,
    caseReference: record.reference,
    fromOrgId: record.orgId,
    toOrgId: details.toOrgId,
    recipient: request.recipient,
    purpose: request.purpose,
    groups,
    message: details.message ?? '',
    status: 'pending',
    role: request.role,
    taskKey: request.taskKey,
    ...(request.acceptedEvent ? { acceptedEvent: request.acceptedEvent } : {}),
    ...(request.declinedEvent ? { declinedEvent: request.declinedEvent } : {}),
    possibleDuplicatesAt: await possibleDuplicatesAt(db, record),
    createdBy: by,
    createdAt: now,
  };
}
