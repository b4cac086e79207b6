import { withWriteClaim } from '../../core/db/write-claim';
import type { Connection, Types } from 'mongoose';
import { AppError, notFound } from '../../core/errors/app-error';
import { recordAudit } from '../audit/audit.service';
import { forgetCachedAuth } from './auth-context';
import { ensureCan, withPermission } from './permissions';
import { roleModel, type Role } from './role.model';
import { ROLE_PRESETS } from './role-presets';
import { encodeRules, type StoredRule } from './rule-storage';
import { checkRules } from './rule.schemas';
import { auditActor, type ServiceContext } from './service-context';

function validRules(input: unknown): StoredRule[] {
  const { rules, problems } = checkRules(input);
  if (problems.length > 0) throw new AppError(400, 'role-rules-invalid', { extensions: { problems } });
  return encodeRules(rules);
}

/** Copies a platform preset into an organisation, where it is then edited as the organisation's own data. */
export async function clonePresetInto(db: Connection, orgId: Types.ObjectId, presetKey: string, name?: string): Promise<Role> {
  const preset = ROLE_PRESETS.find((item) => item.key === presetKey);
  if (!preset) throw new AppError(400, 'unknown-preset', { params: { preset: presetKey } });
  const Roles = roleModel(db);
  const existing = await Roles.findOne({ orgId, key: preset.key }).lean();
  if (existing) return existing;
  const created = await Roles.create({ orgId, key: preset.key, name: name ?? preset.key, preset: preset.key, rules: validRules(preset.rules) });
  return created.toObject();
}

export function listRolePresets() {
  return ROLE_PRESETS.map((preset) => ({ key: preset.key, rules: preset.rules }));
}

export async function listRoles(ctx: ServiceContext): Promise<Role[]> {
  return roleModel(ctx.db).find(withPermission(ctx.auth.ability, 'read', 'Role')).sort({ key: 1 }).lean();
}

export async function getRole(ctx: ServiceContext, id: string): Promise<Role> {
  const role = await roleModel(ctx.db).findOne(withPermission(ctx.auth.ability, 'read', 'Role', { _id: id })).lean();
  if (!role) throw notFound();
  return role;
}

export async function createRole(
  ctx: ServiceContext,
  input: { key: string; name: string; preset?: string; rules?: unknown },
): Promise<Role> {
  const orgId = ctx.auth.org._id;
  ensureCan(ctx.auth.ability, 'create', 'Role', { orgId });
  const preset = input.preset ? ROLE_PRESETS.find((item) => item.key === input.preset) : undefined;
  if (input.preset && !preset) throw new AppError(400, 'unknown-preset', { params: { preset: input.preset } });
  const rules = validRules(input.rules ?? preset?.rules ?? []);
  const role = await roleModel(ctx.db).create({ orgId, key: input.key, name: input.name, preset: input.preset, rules });
  await recordAudit(ctx.db, auditActor(ctx), { action: 'create', subjectType: 'Role', subjectId: role.id });
  return role.toObject();
}

export async function updateRole(
  ctx: ServiceContext,
  id: string,
  input: { name?: string; rules?: unknown; version: number },
): Promise<Role> {
  const Roles = roleModel(ctx.db);
  const role = await Roles.findOne(withPermission(ctx.auth.ability, 'read', 'Role', { _id: id }));
  if (!role) throw notFound();
  ensureCan(ctx.auth.ability, 'update', 'Role', role.toObject());
  const rules = input.rules === undefined ? undefined : validRules(input.rules);
  // Optimistic concurrency: the update applies only to the version the editor saw.
  // The claim makes the version check atomic on FerretDB too (see core/db/write-claim.ts).
  const updated = await withWriteClaim(ctx.db, `role:${id}`, () =>
    Roles.findOneAndUpdate(
      { _id: role._id, __v: input.version },
      { $set: { ...(input.name ? { name: input.name } : {}), ...(rules ? { rules } : {}) }, $inc: { __v: 1 } },
      { returnDocument: 'after' },
    ).lean(),
  );
  if (!updated) throw new AppError(409, 'version-conflict');
  forgetCachedAuth();
  await recordAudit(ctx.db, auditActor(ctx), { action: 'update', subjectType: 'Role', subjectId: id });
  return updated;
}
