import type { Connection, Types } from 'mongoose';
import type { ReferralParty, ReferralView } from '../../contracts/referrals/referral-view.types';
import { organisationModel } from '../tenants';
import type { ReferralRecord } from './referral.model';

/** The organisations referrals name, by id, read once each for a batch of referrals. */
export async function partiesOf(db: Connection, referrals: readonly ReferralRecord[]): Promise<Map<string, ReferralParty>> {
  const ids = new Map<string, Types.ObjectId>();
  for (const referral of referrals) {
    for (const id of [referral.fromOrgId, referral.toOrgId, ...referral.possibleDuplicatesAt]) ids.set(id.toHexString(), id);
  }
  // One lookup by `_id` each: a `$in` makes the embedded database read every organisation (docs/case-queries.md).
  const found = await Promise.all([...ids.values()].map((id) => organisationModel(db).findById(id, { slug: 1, name: 1 }).lean()));
  const organisations = found.filter((org) => org !== null);
  return new Map(organisations.map((org) => [org._id.toHexString(), { id: org._id.toHexString(), slug: org.slug, name: org.name }]));
}

const party = (parties: Map<string, ReferralParty>, id: Types.ObjectId): ReferralParty =>
  parties.get(id.toHexString()) ?? { id: id.toHexString(), slug: '', name: '' };

/**
 * A referral as `viewerOrgId` sees it. Only the receiver is told of other organisations where a case of the person
 * may exist, by name only: the referrer has no need to learn where else the person has been assisted.
 */
export function presentReferral(referral: ReferralRecord, parties: Map<string, ReferralParty>, viewerOrgId: Types.ObjectId): ReferralView<Date> {
  return {
    id: referral._id.toHexString(),
    caseId: referral.caseId.toHexString(),
    caseReference: referral.caseReference,
    from: party(parties, referral.fromOrgId),
    to: party(parties, referral.toOrgId),
    recipient: referral.recipient,
    purpose: referral.purpose,
    groups: referral.groups,
    message: referral.message,
    status: referral.status,
    accessEnded: Boolean(referral.accessEndedAt),
    ...(referral.declineReason ? { declineReason: referral.declineReason } : {}),
    ...(referral.declineNote ? { declineNote: referral.declineNote } : {}),
    possibleDuplicatesAt: !referral.toOrgId.equals(viewerOrgId) ? [] : referral.possibleDuplicatesAt
      .filter((id) => !id.equals(referral.fromOrgId))
      .map((id) => party(parties, id).name)
      .filter(Boolean),
    createdAt: referral.createdAt,
    ...(referral.decidedAt ? { decidedAt: referral.decidedAt } : {}),
  };
}
