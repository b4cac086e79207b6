import type { Connection, Types } from 'mongoose';
import type { Mailer } from '../../core/mail/mailer';
import type { ServerI18n } from '../../core/i18n/i18n';
import { can, memberAbility } from '../access';
import type { CaseNews } from '../cases';
import { organisationModel, type Organisation } from '../tenants';
import { inboxMail, membersActingAs, type InboxMailKey } from './inbox-mail';
import { accessRolesFor } from './workflow-role-map';

type Kind = 'task' | 'notification';

/**
 * E-mails about what a case write brought: its `notify-role` notifications (and the timers' notices) reach the staff
 * acting in that workflow role at the case's organisation, or, for a role no one there acts in, at the organisations
 * the case is shared with (a referral's receivers, whose inbox shows them); a new task reaches its role at the
 * organisation it is for. Only members who may read the case's workflow get one, one e-mail per person and write,
 * saying only that a task or notification waits (inbox-mail.ts).
 */
export function caseNewsMailer(db: Connection, mailer: Mailer, i18n: ServerI18n, publicUrl: string): (news: CaseNews) => Promise<void> {
  const mail = inboxMail(mailer, i18n, publicUrl);
  return async ({ record, notifications, tasks }) => {
    const caseOrg = record.orgId.toHexString();
    // Per organisation (hex id), the workflow roles to tell, by what waits for them.
    const wanted = new Map<string, Map<string, Set<Kind>>>();
    const want = (orgId: string, role: string, kind: Kind) => {
      const roles = wanted.get(orgId) ?? new Map<string, Set<Kind>>();
      wanted.set(orgId, roles.set(role, (roles.get(role) ?? new Set<Kind>()).add(kind)));
    };
    const orgs = new Map<string, Organisation>();
    for (const orgId of new Set([caseOrg, ...record.sharedWith, ...tasks.flatMap((task) => task.orgId ?? [])])) {
      const org = /^[0-9a-f]{24}$/i.test(orgId) ? await organisationModel(db).findById(orgId).lean() : null;
      if (org) orgs.set(orgId, org);
    }
    const own = orgs.get(caseOrg);
    for (const n of notifications) {
      // A role someone at the case's organisation acts in is theirs (`caseOwner` is Helsinki's, even where the NAS
      // maps it too); another (`nasCoordinator`) is held at the organisations the case is shared with.
      const holders = own && accessRolesFor(own, n.role).length > 0 ? [caseOrg] : record.sharedWith;
      for (const orgId of holders) want(orgId, n.role, 'notification');
    }
    for (const task of tasks) want(task.orgId ?? caseOrg, task.role, 'task');

    for (const [orgId, roles] of wanted) {
      const org = orgs.get(orgId);
      if (!org) continue;
      const kindsOf = new Map<string, { user: { _id: Types.ObjectId; email: string }; kinds: Set<Kind> }>();
      for (const [role, kinds] of roles) {
        for (const user of await membersActingAs(db, org, role)) {
          const entry = kindsOf.get(user.email) ?? { user, kinds: new Set<Kind>() };
          for (const kind of kinds) entry.kinds.add(kind);
          kindsOf.set(user.email, entry);
        }
      }
      for (const { user, kinds } of kindsOf.values()) {
        // Asked as a request of theirs in this organisation would be: whoever may not read the case hears nothing of it.
        const ability = await memberAbility(db, user._id, org._id);
        if (!ability || !can(ability, 'read', 'Case', record, 'workflow')) continue;
        await mail.send([user], mail.compose(org, keyOf(kinds)));
      }
    }
  };
}

function keyOf(kinds: ReadonlySet<Kind>): InboxMailKey {
  if (kinds.size > 1) return 'newInboxItems';
  return kinds.has('task') ? 'newTask' : 'newNotification';
}
