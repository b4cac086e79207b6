import { Types, type Connection } from 'mongoose';
import type { AppAbility } from '../access';
import { withPermission } from '../access';
import { inboxKeysUsable } from './inbox-filing';
import { caseReferralsKey, readKey } from './inbox-keys';
import { referralModel, type ReferralRecord } from './referral.model';

/*
 * A case's referrals, newest first. From the case's `cx:` key and each referral by `_id` (the one lookup the embedded
 * database answers from an index), so the case page reads the case's few referrals and not every referral stored; a
 * query by `caseId` while the keys are still being built at the first start after the upgrade. With an ability, each
 * referral is read through the permission layer and only those the user may read are returned.
 */
export async function referralsOfCase(db: Connection, caseId: Types.ObjectId, ability?: AppAbility): Promise<ReferralRecord[]> {
  const Referrals = referralModel(db);
  const filter = (extra: Record<string, unknown>) => (ability ? withPermission(ability, 'read', 'Referral', extra) : extra);
  let found: ReferralRecord[];
  if (await inboxKeysUsable(db)) {
    const ids = await readKey<string>(db, caseReferralsKey(caseId));
    const read = await Promise.all(ids.map((id) => Referrals.findOne(filter({ _id: new Types.ObjectId(id) })).lean<ReferralRecord>()));
    // A key may name a referral not stored (its write failed after the key was filed): skipped.
    found = read.filter((referral): referral is ReferralRecord => referral !== null && referral.caseId.equals(caseId));
  } else {
    found = await Referrals.find(filter({ caseId })).lean<ReferralRecord[]>();
  }
  return found.sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());
}
