import { Types } from 'mongoose';
import { notFound } from '../../core/errors/app-error';
import { unknownRole } from './access.errors';
import { auditedWrite } from '../audit';
import { ensureGrantable } from './grant.service';
import { createInvitation } from './invitation.service';
import { hashPassword } from './password';
import { can, ensureCan, withPermission } from './permissions';
import { recordMemberships } from './org-directory';
import { roleModel } from './role.model';
import { decodeRules } from './rule-storage';
import { auditActor, type ServiceContext } from './service-context';
import { revokeUserSessions } from './session.service';
import { userModel, type User } from './user.model';

/**
 * Adds a user to an organisation with one of that organisation's roles (the role names the organisation), or to the
 * active organisation with a platform role. The role must be one the acting user may read, the new membership one
 * they may create (the organisation boundary: an administrator of a subtree reaches the organisations below, a
 * platform administrator every one), and the role must not give more than the acting user holds (grant.service.ts),
 * so an administrator cannot make someone more powerful than themselves.
 */
export async function createUser(
  ctx: ServiceContext,
  input: { email: string; name: string; password?: string; roleId: string },
): Promise<User> {
  const found = await roleModel(ctx.db).findOne({ _id: input.roleId }).lean();
  const role = found && (found.orgId === null || found.orgId === undefined || can(ctx.auth.ability, 'read', 'Role', found)) ? found : null;
  if (!role) throw unknownRole();
  const orgId: Types.ObjectId = role.orgId ?? ctx.auth.org._id;
  const candidate = { email: input.email, name: input.name, memberships: [{ orgId, roleId: role._id }] };
  ensureCan(ctx.auth.ability, 'create', 'User', candidate);
  await ensureGrantable(ctx, { ...role, rules: decodeRules(role.rules) }, 'role.rules');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const _id = new Types.ObjectId();
  // Listed among the organisation's members first (org-directory.ts): a listed id whose user was never written is skipped.
  await recordMemberships(ctx.db, _id, [orgId]);
  const user = await auditedWrite(ctx.db, auditActor(ctx), { action: 'create', subjectType: 'User', subjectId: _id.toHexString() }, () =>
    userModel(ctx.db).create({ _id, ...candidate, ...(passwordHash ? { passwordHash } : {}) }),
  );
  return user.toObject();
}

/** Creates the user and, when no password was given (the usual case), the invitation link to set one. */
export async function createUserWithInvitation(
  ctx: ServiceContext,
  input: { email: string; name: string; password?: string; roleId: string },
  now: Date,
): Promise<{ user: User; invitation?: { token: string; expiresAt: Date } }> {
  const user = await createUser(ctx, input);
  return input.password ? { user } : { user, invitation: await createInvitation(ctx.db, user._id, now) };
}

export async function listUsers(ctx: ServiceContext): Promise<User[]> {
  return userModel(ctx.db).find(withPermission(ctx.auth.ability, 'read', 'User')).sort({ email: 1 }).lean();
}

/** Ends every session of a user at once (lost laptop, person leaving); returns how many were ended. */
export async function revokeSessionsOf(ctx: ServiceContext, userId: string): Promise<number> {
  const user = await userModel(ctx.db).findOne(withPermission(ctx.auth.ability, 'read', 'User', { _id: userId })).lean();
  if (!user) throw notFound();
  ensureCan(ctx.auth.ability, 'revoke', 'Session', { orgId: ctx.auth.org._id });
  return auditedWrite(ctx.db, auditActor(ctx), { action: 'revoke-sessions', subjectType: 'User', subjectId: String(user._id) }, () =>
    revokeUserSessions(ctx.db, user._id),
  );
}
