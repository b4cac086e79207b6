// The public face of the referrals module: its routes, and the referral port and notifier that the case services use.
export { inboxRoutes } from './inbox.routes';
export type { ReferralNotifier } from './referral-notifier';
export { createReferralPort } from './referral-port';
export { referralApi } from './referral.openapi';
export { referralRoutes } from './referral.routes';
export { referralEmails } from './referral-mailer';
