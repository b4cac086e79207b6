// The public face of the referrals module: its routes, the referral port, and the e-mails (the notifier and the news port) that the case services use.
export { inboxRoutes } from './inbox.routes';
export type { ReferralNotifier } from './referral-notifier';
export { createReferralPort } from './referral-port';
export { referralApi } from './referral.openapi';
export { referralRoutes } from './referral.routes';
export { platformEmails, type PlatformEmails } from './platform-emails';
export { ensureInboxKeys } from './inbox-keys-migration';
