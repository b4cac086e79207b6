import { badRequest, conflict } from '../../core/errors/app-error';

/** The errors of the referrals module, one factory per code. */
export const referralRecipientUnknown = (recipient: string) => conflict('referral-recipient-unknown', { params: { recipient } });
export const referralRecipientAmbiguous = (recipient: string, organisations: string[]) =>
  badRequest('referral-recipient-ambiguous', { params: { recipient }, extensions: { organisations } });
export const referralToOwnOrganisation = () => badRequest('referral-to-own-organisation');
/** Groups the person's consent to the recipient does not cover; `groups` names them. */
export const referralGroupsNotConsented = (groups: string[]) => conflict('referral-groups-not-consented', { params: { groups: groups.join(', ') }, extensions: { groups } });
export const referralAlreadyPending = () => conflict('referral-already-pending');
export const referralAlreadyDecided = () => conflict('referral-already-decided');
