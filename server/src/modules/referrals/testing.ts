// The referrals module's test-support face: what only tests use. The inbox is read from keys filed where referrals
// and notifications are written (inbox-keys.ts); its tests file records stored in bulk as those writes do, and compare
// the inbox from the keys with the one from the database queries. Lint lets only tests import this file.
export { fileDecision, fileNotifications, fileSentReferrals } from './inbox-filing';
export { inbox } from './inbox.service';
export { referralModel, type ReferralRecord } from './referral.model';
