import type { Connection, Types } from 'mongoose';
import { organisationModel, type Organisation } from '../tenants';
import { resolveRules, type AppRawRule } from './ability';
import { presetScope } from './role-presets';
import type { RoleRule } from './rule.schemas';
import { confineToOrganisations, type RoleScope } from './tenant-boundary';

/** What the placeholders and the boundary of a role need to know about the organisation it acts in. */
export interface OrganisationFrame {
  org: Pick<Organisation, '_id' | 'country' | 'ancestorIds'>;
  /** The organisation and every organisation below it. */
  treeIds: Types.ObjectId[];
}

/** A role as far as its rules go: a platform role has no organisation. */
export interface RoleGrant {
  orgId?: Types.ObjectId | null;
  scope?: RoleScope | null;
  preset?: string | null;
  rules: readonly RoleRule[];
}

/** The scope a role acts with: `platform` only for a role that belongs to no organisation. */
export function scopeOf(role: Pick<RoleGrant, 'orgId' | 'scope' | 'preset'>): RoleScope {
  if (!role.orgId) return 'platform';
  const scope = role.scope ?? presetScope(role.preset) ?? 'organisation';
  return scope === 'platform' ? 'organisation' : scope;
}

export async function organisationFrame(db: Connection, orgId: Types.ObjectId | string): Promise<OrganisationFrame | null> {
  const Organisations = organisationModel(db);
  const [org, subtree] = await Promise.all([
    Organisations.findById(orgId, { _id: 1, country: 1, ancestorIds: 1 }).lean(),
    Organisations.find({ ancestorIds: orgId }, { _id: 1 }).lean(),
  ]);
  return org ? { org, treeIds: [org._id, ...subtree.map((item) => item._id)] } : null;
}

/**
 * The rules a role gives a user acting in an organisation: placeholders filled in, then confined to the
 * organisation (or its subtree) by the permission layer. Only a platform role keeps its rules unconfined.
 */
export function effectiveRules(role: RoleGrant, frame: OrganisationFrame, userId: string): AppRawRule[] {
  const scope = scopeOf(role);
  const resolved = resolveRules(role.rules, {
    'user.id': userId,
    'org.id': frame.org._id.toHexString(),
    'org.descendantIds': frame.treeIds.map((id) => id.toHexString()),
    'org.ancestorIds': frame.org.ancestorIds.map((id) => id.toHexString()),
    'org.country': frame.org.country,
  });
  if (scope === 'platform') return resolved;
  const boundary = scope === 'subtree' ? frame.treeIds : [frame.org._id];
  return confineToOrganisations(resolved, boundary.map((id) => id.toHexString()));
}
