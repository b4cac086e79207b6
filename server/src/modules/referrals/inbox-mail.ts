import type { Connection, Types } from 'mongoose';
import type { TFunction } from 'i18next';
import type { Mailer } from '../../core/mail/mailer';
import type { ServerI18n } from '../../core/i18n/i18n';
import { membersOf, rolesOf } from '../access';
import type { Organisation } from '../tenants';
import { accessRolesFor } from './workflow-role-map';

/** The staff language of an organisation's country; English where the platform has none. */
const LANGUAGE_OF_COUNTRY: Record<string, string> = {
  FI: 'fi', SE: 'sv', DK: 'da', BG: 'bg', CZ: 'cs', HU: 'hu', MK: 'mk', RO: 'ro', AL: 'sq', RS: 'sr',
};

/** The e-mails there are: each says only that something waits in the inbox (`common:mail.<key>`). */
export type InboxMailKey = 'referralSent' | 'referralDecided' | 'newTask' | 'newNotification' | 'newInboxItems';

export interface InboxMessage { subject: string; text: string }

/**
 * Composes and sends the platform's e-mails, which all point to the inbox: no case reference, no name, no message
 * (the inbox shows them to those who may read them, after sign-in). Written in the organisation's language, with
 * English below it (the platform keeps no language per user: each picks one in the browser).
 */
export function inboxMail(mailer: Mailer, i18n: ServerI18n, publicUrl: string) {
  const inboxLink = `${publicUrl}/inbox`;
  return {
    compose(org: Pick<Organisation, 'country'>, key: InboxMailKey): InboxMessage {
      const language = LANGUAGE_OF_COUNTRY[org.country] ?? 'en';
      const texts = [...new Set([language, 'en'])].map((lng) => i18n.instance.getFixedT(lng, 'common'));
      const part = (t: TFunction, field: 'subject' | 'body') => t(`mail.${key}.${field}`, { link: inboxLink });
      return {
        subject: texts.map((t) => part(t, 'subject')).join(' / '),
        text: `${texts.map((t) => `${part(t, 'body')}\n\n${t('mail.footer')}`).join('\n\n---\n\n')}\n`,
      };
    },
    async send(users: readonly { email: string }[], message: InboxMessage): Promise<void> {
      for (const user of users) await mailer.send({ to: user.email, ...message });
    },
  };
}

/**
 * The active members of `org` whose role there acts in `workflowRole` (the organisation's mapping): its roles and
 * members from the organisation directory, each read by `_id` (a query by `orgId` or `memberships.orgId` would read
 * every role or user of the platform).
 */
export async function membersActingAs(
  db: Connection,
  org: Pick<Organisation, '_id' | 'type' | 'workflowRoles'>,
  workflowRole: string,
): Promise<{ _id: Types.ObjectId; email: string }[]> {
  const keys = accessRolesFor(org, workflowRole);
  if (keys.length === 0) return [];
  const roleIds = (await rolesOf(db, org._id)).filter((role) => keys.includes(role.key)).map((role) => role._id);
  if (roleIds.length === 0) return [];
  const users = await membersOf(db, org._id);
  return users
    .filter((user) => user.status === 'active' && user.memberships.some((m) => m.orgId.equals(org._id) && roleIds.some((id) => id.equals(m.roleId))))
    .map((user) => ({ _id: user._id, email: user.email }));
}
