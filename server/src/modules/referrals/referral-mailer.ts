import type { Connection, Types } from 'mongoose';
import type { TFunction } from 'i18next';
import type { Logger } from 'pino';
import type { MailConfig } from '../../config/env';
import { createMailer, type Mailer } from '../../core/mail/mailer';
import type { ServerI18n } from '../../core/i18n/i18n';
import { roleModel, userModel } from '../access';
import { organisationModel, type Organisation } from '../tenants';
import type { ReferralNotifier } from './referral-notifier';
import type { ReferralRecord } from './referral.model';
import { accessRolesFor } from './workflow-role-map';

/** The staff language of an organisation's country; English where the platform has none. */
const LANGUAGE_OF_COUNTRY: Record<string, string> = {
  FI: 'fi', SE: 'sv', DK: 'da', BG: 'bg', CZ: 'cs', HU: 'hu', MK: 'mk', RO: 'ro', AL: 'sq', RS: 'sr',
};

/**
 * E-mails about referrals: the receiving organisation's staff who act in the referral's workflow role learn that a
 * referral waits, the person who referred learns that it was decided. An e-mail says only that, with a link to the
 * inbox: no case reference, no name, no message (the inbox shows them to those who may read them, after sign-in).
 * Written in the organisation's language, with English below it.
 */
export function referralMailer(db: Connection, mailer: Mailer, i18n: ServerI18n, publicUrl: string): ReferralNotifier {
  const inboxLink = `${publicUrl}/inbox`;
  const compose = (org: Pick<Organisation, 'country'>, key: 'referralSent' | 'referralDecided') => {
    const language = LANGUAGE_OF_COUNTRY[org.country] ?? 'en';
    const texts = [...new Set([language, 'en'])].map((lng) => i18n.instance.getFixedT(lng, 'common'));
    const part = (t: TFunction, field: 'subject' | 'body') => t(`mail.${key}.${field}`, { link: inboxLink });
    return {
      subject: texts.map((t) => part(t, 'subject')).join(' / '),
      text: `${texts.map((t) => `${part(t, 'body')}\n\n${t('mail.footer')}`).join('\n\n---\n\n')}\n`,
    };
  };
  const send = async (users: { email: string }[], message: { subject: string; text: string }) => {
    for (const user of users) await mailer.send({ to: user.email, ...message });
  };

  return {
    async referralSent(referral) {
      const org = await organisationModel(db).findById(referral.toOrgId).lean();
      if (!org) return;
      const keys = accessRolesFor(org, referral.role);
      // The organisation's roles by `orgId` (equality on a top-level field), then its members holding one of them.
      const roleIds = (await roleModel(db).find({ orgId: org._id }, { key: 1 }).lean()).filter((role) => keys.includes(role.key)).map((role) => role._id);
      await send(await membersHolding(db, org._id, roleIds), compose(org, 'referralSent'));
    },
    async referralDecided(referral: ReferralRecord) {
      if (!referral.createdBy) return;
      const [org, user] = await Promise.all([
        organisationModel(db).findById(referral.fromOrgId).lean(),
        userModel(db).findById(referral.createdBy, { email: 1, status: 1, memberships: 1 }).lean(),
      ]);
      // Only while the referrer still works at the referring organisation.
      if (!org || !user || user.status !== 'active' || !user.memberships.some((m) => m.orgId.equals(referral.fromOrgId))) return;
      await send([user], compose(org, 'referralDecided'));
    },
  };
}

async function membersHolding(db: Connection, orgId: Types.ObjectId, roleIds: Types.ObjectId[]): Promise<{ email: string }[]> {
  if (roleIds.length === 0) return [];
  const users = await userModel(db).find({ 'memberships.orgId': orgId, status: 'active' }, { email: 1, memberships: 1 }).lean();
  return users.filter((user) => user.memberships.some((m) => m.orgId.equals(orgId) && roleIds.some((id) => id.equals(m.roleId))));
}

/**
 * The notifier's work done after the answer: a slow or failing mail server never delays or fails a referral or a
 * decision (the inbox holds everything the e-mail points to).
 */
export function inBackground(notifier: ReferralNotifier, onError: (error: unknown) => void): ReferralNotifier {
  return {
    referralSent: (referral) => {
      notifier.referralSent(referral).catch(onError);
      return Promise.resolve();
    },
    referralDecided: (referral) => {
      notifier.referralDecided(referral).catch(onError);
      return Promise.resolve();
    },
  };
}

/** E-mails about referrals as the server sends them when SMTP is configured (main.ts and the tests build it alike). */
export function referralEmails(db: Connection, mail: MailConfig, i18n: ServerI18n, logger: Logger): ReferralNotifier {
  return inBackground(referralMailer(db, createMailer(mail, logger), i18n, mail.publicUrl), (error) =>
    logger.warn({ err: { message: (error as Error).message } }, 'referral e-mails could not be prepared'),
  );
}
