import { SHAREABLE_GROUPS, type ShareableGroup } from '../referrals/referral.schemas';
import type { CaseConsent } from './case.schemas';

/** A consent as stored or as the API answers it (one recorded without that detail has no `withdrawn`). */
type WithConsents = { consents?: Record<string, Pick<CaseConsent, 'given' | 'groups'> & { withdrawn?: boolean }> | undefined };

/** Whether the person's consent to `recipient` holds: given and not withdrawn. */
export function consentValid(record: WithConsents, recipient: string): boolean {
  const consent = record.consents?.[recipient];
  return Boolean(consent?.given && !consent.withdrawn);
}

/**
 * The field groups the person's consent to `recipient` covers: none without a valid consent; those it names (the
 * consent form's "what may be shared" answers, mapped by the workflow's binding); every shareable group where it
 * names none (a consent recorded without that detail). The server checks referrals against it, the referral form
 * offers only these, and a referral that names no groups of its own shares them (narrowed to the workflow's).
 */
export function consentCoverage(record: WithConsents, recipient: string): ShareableGroup[] {
  if (!consentValid(record, recipient)) return [];
  return [...(record.consents![recipient]!.groups ?? SHAREABLE_GROUPS)];
}

/**
 * The field groups the person's consent to `recipient` names itself (the consent form's answers): what a referral to
 * that recipient starts with ticked. None for a consent recorded without that detail, which covers every group but
 * says nothing of what the person meant to share: the caseworker then chooses.
 */
export function consentNamedGroups(record: WithConsents, recipient: string): ShareableGroup[] {
  if (!consentValid(record, recipient)) return [];
  const named = record.consents![recipient]!.groups ?? [];
  return SHAREABLE_GROUPS.filter((group) => named.includes(group));
}
