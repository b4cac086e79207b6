import { apiRoutes, json } from '../../core/openapi/api-route';
import { InboxViewSchema } from '../../contracts/referrals/inbox.types';
import { ReferralListSchema, ReferralRecipientListSchema, ReferralViewSchema } from '../../contracts/referrals/referral-view.types';
import { CreateReferralSchema, DecideReferralSchema, MarkInboxReadSchema } from '../../contracts/referrals/referral.schemas';

/** Referrals between organisations: made on a case, decided by the receiving organisation. */
export const referralApi = apiRoutes('referrals', [
  { method: 'get', path: '/api/cases/:id/referrals', summary: "The case's referrals this user's organisation sent or received", responses: { 200: json('Referrals, newest first', ReferralListSchema, 'ReferralList') } },
  {
    method: 'post', path: '/api/cases/:id/referrals', body: CreateReferralSchema, bodyName: 'CreateReferral',
    summary: "Refer the case to another organisation (purpose, groups to share within the person's consent to that recipient, message); fires the workflow's own referral event to that recipient where the case offers one",
    responses: {
      201: json('The referral', ReferralViewSchema, 'ReferralView'),
      400: 'Invalid input, or a referral to the own organisation (`referral-to-own-organisation`)',
      409: 'No valid consent (`consent-required`), groups beyond it (`referral-groups-not-consented`), a referral still waiting (`referral-already-pending`), or stale version',
    },
  },
  { method: 'get', path: '/api/referral-recipients', summary: 'The organisations a case can be referred to, with the consent key a referral to each rests on', responses: { 200: json('Organisations', ReferralRecipientListSchema, 'ReferralRecipientList') } },
  { method: 'get', path: '/api/referrals/:id', summary: 'A referral, to the organisation that sent it or the one it is for (no personal data but the message)', responses: { 200: json('The referral', ReferralViewSchema, 'ReferralView') } },
  {
    method: 'post', path: '/api/referrals/:id/decision', body: DecideReferralSchema, bodyName: 'DecideReferral',
    summary: 'Accept or decline (with a reason) a referral to your organisation: accepting shares the case within the referred groups, or for a transfer moves it',
    responses: { 200: json('The referral', ReferralViewSchema, 'ReferralView'), 409: 'Already decided (`referral-already-decided`), or the consent was withdrawn meanwhile (`consent-required`)' },
  },
  {
    method: 'get', path: '/api/inbox',
    summary: "The user's inbox: referrals to decide, decisions on the organisation's referrals, open tasks and approaching deadlines of the workflow roles the user acts in, and the workflows' notifications to them; with the unread count",
    responses: { 200: json('Inbox items, newest first, and how many are unread', InboxViewSchema, 'InboxView') },
  },
  { method: 'post', path: '/api/inbox/read', body: MarkInboxReadSchema, bodyName: 'MarkInboxRead', summary: 'Mark inbox items read', responses: { 204: 'Marked' } },
]);
