import { withWriteClaim } from '../../core/db/write-claim';
import { Types, type Connection } from 'mongoose';
import { notFound, orVersionConflict } from '../../core/errors/app-error';
import { roleRulesInvalid, roleScopeInvalid, unknownPreset } from './access.errors';
import { auditedWrite } from '../audit';
import { forgetCachedAuth } from './auth-context';
import { ensureGrantable } from './grant.service';
import { ensureCan, withPermission } from './permissions';
import { recordRole, rolesOf } from './org-directory';
import { roleModel, type Role } from './role.model';
import { organisationModel } from '../tenants';
import { rulesFingerprint } from './preset-fingerprint';
import { PLATFORM_ROLE_PRESETS, ROLE_PRESETS, type RolePreset } from './role-presets';
import { scopeOf, type RoleGrant } from './role-rules';
import { decodeRules, encodeRules, type StoredRule } from './rule-storage';
import { checkRules, type RoleRule, type RuleProblem } from './rule.schemas';
import { auditActor, type ServiceContext } from './service-context';
import { platformOnlyRules, type RoleScope } from './tenant-boundary';

/** Rules checked against the vocabulary: unknown subjects, actions, fields, operators and placeholders. */
function validRules(input: unknown): RoleRule[] {
  const { rules, problems } = checkRules(input);
  if (problems.length > 0) throw roleRulesInvalid(problems);
  return rules;
}

/**
 * What a role may give, in this order: rules within the vocabulary (400), nothing beyond what the acting user holds
 * (403), and in an organisation's role no power that only platform roles hold (400).
 */
async function grantableRules(ctx: ServiceContext, role: Omit<RoleGrant, 'rules'>, input: unknown): Promise<RoleRule[]> {
  const rules = validRules(input);
  await ensureGrantable(ctx, { ...role, rules });
  if (scopeOf(role) !== 'platform') {
    const problems = platformOnlyRules(rules).map((path): RuleProblem => ({ path, code: 'platform-only' }));
    if (problems.length > 0) throw roleRulesInvalid(problems);
  }
  return rules;
}

/** Copies an organisation preset into an organisation, where it is then edited as the organisation's own data. */
export async function clonePresetInto(db: Connection, orgId: Types.ObjectId, presetKey: string, name?: string): Promise<Role> {
  const preset = ROLE_PRESETS.find((item) => item.key === presetKey);
  if (!preset) throw unknownPreset(presetKey);
  const Roles = roleModel(db);
  // The organisation's roles by `_id` (org-directory.ts); the query by (orgId, key), which reads every role on the
  // embedded database, only when the role is not listed (it is then usually not there at all).
  const existing = (await rolesOf(db, orgId)).find((role) => role.key === preset.key) ?? (await Roles.findOne({ orgId, key: preset.key }).lean());
  if (existing) return existing;
  const rules = encodeRules(validRules(preset.rules));
  const presetFingerprint = rulesFingerprint(preset.rules);
  // Listed in its organisation's roles first (org-directory.ts): an id listed whose role was never written is skipped.
  const _id = new Types.ObjectId();
  await recordRole(db, orgId, _id);
  const created = await Roles.create({ _id, orgId, key: preset.key, name: name ?? preset.key, preset: preset.key, presetFingerprint, rules });
  return created.toObject();
}

export function listRolePresets() {
  return [...PLATFORM_ROLE_PRESETS.map((preset) => ({ ...preset, scope: 'platform' as const })), ...ROLE_PRESETS].map((preset) => ({
    key: preset.key,
    scope: preset.scope ?? 'organisation',
    rules: preset.rules,
  }));
}

export type RoleWithOrganisation = Role & { organisation: { id: string; slug: string; name: string } | null };

/**
 * The roles of the active organisation and the platform's roles for those who may read them; with `all`, every role
 * the user may read in any organisation (an administrator of a national body sees those of the bodies below it).
 * Each names its organisation when the user may read that organisation, so a list can be grouped by it.
 */
export async function listRoles(ctx: ServiceContext, options: { all?: boolean } = {}): Promise<RoleWithOrganisation[]> {
  const here = options.all ? {} : { $or: [{ orgId: ctx.auth.org._id }, { orgId: null }] };
  const roles = await roleModel(ctx.db).find(withPermission(ctx.auth.ability, 'read', 'Role', here)).sort({ key: 1 }).lean();
  const orgIds = [...new Set(roles.flatMap((role) => (role.orgId ? [String(role.orgId)] : [])))];
  const organisations = new Map<string, { id: string; slug: string; name: string }>();
  // Organisations are few; each is looked up by _id, the one lookup the database answers from an index.
  await Promise.all(
    orgIds.map(async (id) => {
      const org = await organisationModel(ctx.db).findOne(withPermission(ctx.auth.ability, 'read', 'Organisation', { _id: id }), { slug: 1, name: 1 }).lean();
      if (org) organisations.set(id, { id, slug: org.slug, name: org.name });
    }),
  );
  return roles.map((role) => ({ ...role, organisation: role.orgId ? (organisations.get(String(role.orgId)) ?? null) : null }));
}

export async function getRole(ctx: ServiceContext, id: string): Promise<Role> {
  const role = await roleModel(ctx.db).findOne(withPermission(ctx.auth.ability, 'read', 'Role', { _id: id })).lean();
  if (!role) throw notFound();
  return role;
}

export async function createRole(
  ctx: ServiceContext,
  input: { key: string; name: string; preset?: string; rules?: unknown; scope?: RoleScope },
): Promise<Role> {
  const scope = input.scope ?? 'organisation';
  const orgId = scope === 'platform' ? null : ctx.auth.org._id;
  ensureCan(ctx.auth.ability, 'create', 'Role', { orgId });
  const presets: RolePreset[] = scope === 'platform' ? PLATFORM_ROLE_PRESETS : ROLE_PRESETS;
  const preset = input.preset ? presets.find((item) => item.key === input.preset) : undefined;
  if (input.preset && !preset) throw unknownPreset(input.preset);
  // The preset's rules it starts from: rules given beside them count as edited from the start (role-preset-upgrade.ts).
  const stored = {
    orgId, scope: input.scope ?? preset?.scope, key: input.key, name: input.name, preset: input.preset,
    ...(preset ? { presetFingerprint: rulesFingerprint(preset.rules) } : {}),
  };
  const rules = await grantableRules(ctx, stored, input.rules ?? preset?.rules ?? []);
  const _id = new Types.ObjectId();
  await recordRole(ctx.db, orgId, _id);
  const role = await auditedWrite(ctx.db, auditActor(ctx), { action: 'create', subjectType: 'Role', subjectId: _id.toHexString() }, () =>
    roleModel(ctx.db).create({ _id, ...stored, rules: encodeRules(rules) }),
  );
  return role.toObject();
}

export async function updateRole(
  ctx: ServiceContext,
  id: string,
  input: { name?: string; rules?: unknown; scope?: Exclude<RoleScope, 'platform'>; version: number },
): Promise<Role> {
  const Roles = roleModel(ctx.db);
  const role = await Roles.findOne(withPermission(ctx.auth.ability, 'read', 'Role', { _id: id })).lean();
  if (!role) throw notFound();
  ensureCan(ctx.auth.ability, 'update', 'Role', role);
  const current = scopeOf(role);
  if (input.scope && current === 'platform') throw roleScopeInvalid();
  const scope = input.scope ?? current;
  let rules: StoredRule[] | undefined;
  if (input.rules !== undefined || input.scope !== undefined) {
    rules = encodeRules(await grantableRules(ctx, { ...role, scope }, input.rules ?? decodeRules(role.rules)));
  }
  // Optimistic concurrency: the update applies only to the version the editor saw.
  // The claim makes the version check atomic on FerretDB too (see core/db/write-claim.ts).
  const updated = await auditedWrite(ctx.db, auditActor(ctx), { action: 'update', subjectType: 'Role', subjectId: id }, async () =>
    orVersionConflict(
      await withWriteClaim(ctx.db, `role:${id}`, () =>
        Roles.findOneAndUpdate(
          { _id: role._id, __v: input.version },
          { $set: { ...(input.name ? { name: input.name } : {}), ...(rules ? { rules } : {}), ...(input.scope ? { scope } : {}) }, $inc: { __v: 1 } },
          { returnDocument: 'after' },
        ).lean(),
      ),
    ),
  );
  forgetCachedAuth();
  return updated;
}
