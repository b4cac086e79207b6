import type { Connection } from 'mongoose';
import type { Mailer } from '../../core/mail/mailer';
import type { ServerI18n } from '../../core/i18n/i18n';
import { userModel } from '../access';
import { organisationModel } from '../tenants';
import { inboxMail, membersActingAs } from './inbox-mail';
import type { ReferralNotifier } from './referral-notifier';
import type { ReferralRecord } from './referral.model';

/**
 * E-mails about referrals: the receiving organisation's staff who act in the referral's workflow role learn that a
 * referral waits, the person who referred learns that it was decided. An e-mail says only that, with a link to the
 * inbox (inbox-mail.ts).
 */
export function referralMailer(db: Connection, mailer: Mailer, i18n: ServerI18n, publicUrl: string): ReferralNotifier {
  const mail = inboxMail(mailer, i18n, publicUrl);
  return {
    async referralSent(referral) {
      const org = await organisationModel(db).findById(referral.toOrgId).lean();
      if (!org) return;
      await mail.send(await membersActingAs(db, org, referral.role), mail.compose(org, 'referralSent'));
    },
    async referralDecided(referral: ReferralRecord) {
      if (!referral.createdBy) return;
      const [org, user] = await Promise.all([
        organisationModel(db).findById(referral.fromOrgId).lean(),
        userModel(db).findById(referral.createdBy, { email: 1, status: 1, memberships: 1 }).lean(),
      ]);
      // Only while the referrer still works at the referring organisation.
      if (!org || !user || user.status !== 'active' || !user.memberships.some((m) => m.orgId.equals(referral.fromOrgId))) return;
      await mail.send([user], mail.compose(org, 'referralDecided'));
    },
  };
}
