import type { Connection, Types } from 'mongoose';
import { organisationModel, type Organisation } from '../tenants';
import { createAbility, type AppAbility, type AppRawRule } from './ability';
import { SELF } from './grant-check';
import { roleModel } from './role.model';
import { effectiveRules, scopeOf, type OrganisationFrame } from './role-rules';
import { decodeRules } from './rule-storage';
import type { Session } from './session.model';
import { userModel, type User } from './user.model';

export interface AuthContext {
  user: Pick<User, '_id' | 'email' | 'name'>;
  org: Pick<Organisation, '_id' | 'slug' | 'name' | 'country' | 'type'>;
  /** Every organisation the user belongs to, for the organisation switcher. */
  memberships: Array<{ orgId: Types.ObjectId; slug: string; name: string; roleKey: string; roleName: string }>;
  role: { _id: Types.ObjectId; key: string; name: string };
  /** The active organisation and all below it (regions, municipalities, shelters under a national body). */
  orgTreeIds: Types.ObjectId[];
  /** The active organisation as the placeholders and the boundary of a role see it. */
  frame: OrganisationFrame;
  ability: AppAbility;
  /**
   * The same rules with `${user.id}` as the grant check's stand-in: what this user holds and so may give to a role
   * or a user (grant-check.ts).
   */
  grantRules: AppRawRule[];
  session: Pick<Session, '_id' | 'csrfToken' | 'method' | 'personView'>;
  /** Cookie-authenticated requests need the CSRF header on unsafe methods; token requests do not. */
  via: 'cookie' | 'token';
}

declare module '../../core/http/request-context' {
  interface RequestContext {
    auth?: AuthContext;
  }
}

/**
 * Identity, memberships and rules change rarely but are needed on every request: they are kept for a few seconds
 * per user and organisation, so a busy caseworker's requests cost one session lookup instead of five queries.
 * The session itself is looked up on every request, so logout and revocation still end access at once; a changed
 * role or a disabled account takes effect within AUTH_CACHE_MS.
 */
export const AUTH_CACHE_MS = 5_000;
const AUTH_CACHE_LIMIT = 2_000;
type CachedAuth = Omit<AuthContext, 'session' | 'via'>;
const authCache = new Map<string, { expires: number; value: CachedAuth | null }>();

/** Builds the request's identity and CASL ability from a live session; null when the account can no longer act. */
export async function loadAuthContext(db: Connection, session: Session, via: AuthContext['via']): Promise<AuthContext | null> {
  const value = await memberIdentity(db, session.userId, session.orgId);
  return value && { ...value, session: { _id: session._id, csrfToken: session.csrfToken, method: session.method, ...(session.personView ? { personView: session.personView } : {}) }, via };
}

/**
 * The rules `userId` acts under in `orgId`, exactly as a request of theirs there would: for work done for someone
 * outside a request (may this e-mail about a case reach them?). Null when they cannot act there (disabled, no
 * longer a member, a role of another organisation).
 */
export async function memberAbility(db: Connection, userId: Types.ObjectId, orgId: Types.ObjectId): Promise<AppAbility | null> {
  return (await memberIdentity(db, userId, orgId))?.ability ?? null;
}

async function memberIdentity(db: Connection, userId: Types.ObjectId, orgId: Types.ObjectId): Promise<CachedAuth | null> {
  const key = `${db.name}:${String(userId)}:${String(orgId)}`;
  const now = Date.now();
  const cached = authCache.get(key);
  if (cached && cached.expires > now) return cached.value;
  const value = await buildIdentity(db, userId, orgId);
  if (authCache.size >= AUTH_CACHE_LIMIT) authCache.clear();
  authCache.set(key, { expires: now + AUTH_CACHE_MS, value });
  return value;
}

/** Drops cached identities, e.g. after an administrator changed a role or a user (this process at once). */
export function forgetCachedAuth(): void {
  authCache.clear();
}

async function buildIdentity(db: Connection, userId: Types.ObjectId, orgId: Types.ObjectId): Promise<CachedAuth | null> {
  const user = await userModel(db).findById(userId).lean();
  if (!user || user.status !== 'active') return null;
  const membership = user.memberships.find((item) => item.orgId.equals(orgId));
  if (!membership) return null;

  const Organisations = organisationModel(db);
  const orgIds = user.memberships.map((item) => item.orgId);
  const [organisations, roles, subtree] = await Promise.all([
    Organisations.find({ _id: { $in: orgIds } }).lean(),
    roleModel(db).find({ _id: { $in: user.memberships.map((item) => item.roleId) } }).lean(),
    Organisations.find({ ancestorIds: orgId }, { _id: 1 }).lean(),
  ]);
  const org = organisations.find((item) => item._id.equals(orgId));
  const role = roles.find((item) => item._id.equals(membership.roleId));
  if (!org || !role) return null;

  // A role acts only in its own organisation; a platform role (no organisation) wherever its holder is a member.
  const scope = scopeOf(role);
  if (scope !== 'platform' && !role.orgId?.equals(org._id)) return null;

  const orgTreeIds = [org._id, ...subtree.map((item) => item._id)];
  const frame: OrganisationFrame = { org, treeIds: orgTreeIds };
  const grant = { ...role, rules: decodeRules(role.rules) };
  return {
    user: { _id: user._id, email: user.email, name: user.name },
    org: { _id: org._id, slug: org.slug, name: org.name, country: org.country, type: org.type },
    memberships: user.memberships.flatMap((item) => {
      const memberOrg = organisations.find((candidate) => candidate._id.equals(item.orgId));
      const memberRole = roles.find((candidate) => candidate._id.equals(item.roleId));
      return memberOrg && memberRole
        ? [{ orgId: memberOrg._id, slug: memberOrg.slug, name: memberOrg.name, roleKey: memberRole.key, roleName: memberRole.name }]
        : [];
    }),
    role: { _id: role._id, key: role.key, name: role.name },
    orgTreeIds,
    frame,
    ability: createAbility(effectiveRules(grant, frame, user._id.toHexString())),
    grantRules: effectiveRules(grant, frame, SELF),
  };
}
