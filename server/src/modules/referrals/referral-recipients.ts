import type { Connection, Types } from 'mongoose';
import type { ReferralRecipientView } from '../../contracts/referrals/referral-view.types';
import { organisationModel, type Organisation } from '../tenants';
import { referralRecipientAmbiguous, referralRecipientUnknown, referralToOwnOrganisation } from './referral.errors';

/** The consent key a referral to this organisation rests on: its own, or its slug. */
export const consentKeyOf = (org: Pick<Organisation, 'slug' | 'consentKey'>) => org.consentKey ?? org.slug;

/** Every organisation but `exceptOrgId`, as a referrer picks one: names and consent keys only. */
export async function referralRecipients(db: Connection, exceptOrgId: Types.ObjectId): Promise<ReferralRecipientView[]> {
  const organisations = await organisationModel(db).find({}, { slug: 1, name: 1, type: 1, country: 1, consentKey: 1 }).lean();
  return organisations
    .filter((org) => !org._id.equals(exceptOrgId))
    .map((org) => ({ slug: org.slug, name: org.name, type: org.type, country: org.country, consentKey: consentKeyOf(org) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The organisation a workflow's referral to consent key `recipient` goes to, for a case of `fromOrg`: the one named
 * (`slug`, which must rest on that key), else the only one resting on it, else the only one in the case's country.
 */
export async function resolveRecipient(
  db: Connection,
  recipient: string,
  fromOrg: Pick<Organisation, '_id' | 'country'>,
  slug?: string,
): Promise<Organisation> {
  const Organisations = organisationModel(db);
  const candidates = (await Organisations.find({ $or: [{ consentKey: recipient }, { slug: recipient }] }).lean()).filter(
    (org) => consentKeyOf(org) === recipient && !org._id.equals(fromOrg._id),
  );
  if (slug) {
    const named = candidates.find((org) => org.slug === slug);
    if (!named) throw referralRecipientUnknown(recipient);
    return named;
  }
  if (candidates.length === 1) return candidates[0]!;
  const sameCountry = candidates.filter((org) => org.country === fromOrg.country);
  if (sameCountry.length === 1) return sameCountry[0]!;
  if (candidates.length === 0) throw referralRecipientUnknown(recipient);
  throw referralRecipientAmbiguous(recipient, candidates.map((org) => org.slug));
}

/** The organisation a person names for a direct referral, by slug. */
export async function organisationBySlug(db: Connection, slug: string, fromOrgId: Types.ObjectId): Promise<Organisation> {
  const org = await organisationModel(db).findOne({ slug }).lean();
  if (!org) throw referralRecipientUnknown(slug);
  if (org._id.equals(fromOrgId)) throw referralToOwnOrganisation();
  return org;
}
