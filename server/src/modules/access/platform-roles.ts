import type { Connection, Types } from 'mongoose';
import { roleModel, type Role } from './role.model';
import { PLATFORM_ROLE_PRESETS, PRESETS_BY_ORGANISATION_TYPE, ROLE_PRESETS, type RolePreset } from './role-presets';
import { encodeRules } from './rule-storage';
import { checkRules } from './rule.schemas';
import { platformOnlyRules } from './tenant-boundary';
import { userModel } from './user.model';

/**
 * The presets are held to the rules that stored roles are held to: valid against the vocabulary, and no
 * organisation preset with a power that only platform roles may hold. Returns every problem with its path.
 */
export function rolePresetProblems(
  organisationPresets: readonly RolePreset[] = ROLE_PRESETS,
  platformPresets: readonly RolePreset[] = PLATFORM_ROLE_PRESETS,
  byType: Record<string, readonly string[]> = PRESETS_BY_ORGANISATION_TYPE,
): string[] {
  const problems: string[] = [];
  for (const preset of [...organisationPresets, ...platformPresets]) {
    for (const problem of checkRules(preset.rules).problems) problems.push(`presets.${preset.key}.${problem.path}: ${problem.code}`);
  }
  for (const preset of organisationPresets) {
    for (const path of platformOnlyRules(preset.rules)) problems.push(`presets.${preset.key}.${path}: platform-only`);
  }
  for (const [type, keys] of Object.entries(byType)) {
    for (const key of keys) {
      if (!organisationPresets.some((preset) => preset.key === key)) problems.push(`presetsByOrganisationType.${type}: ${key} is not an organisation preset`);
    }
  }
  return problems;
}

/** The platform role made from a platform preset (created once). */
export async function platformRole(db: Connection, key: string): Promise<Role> {
  const preset = PLATFORM_ROLE_PRESETS.find((item) => item.key === key);
  if (!preset) throw new Error(`unknown platform role preset ${key}`);
  const Roles = roleModel(db);
  await Roles.updateOne(
    { orgId: null, key },
    { $setOnInsert: { name: key, preset: key, scope: 'platform', rules: encodeRules(preset.rules) } },
    { upsert: true },
  );
  return (await Roles.findOne({ orgId: null, key }).lean())!;
}

/**
 * Checks the presets and makes sure the platform roles exist. Earlier versions cloned the platform administrator's
 * preset into organisations' role lists; its holders move to the platform role and the copies are removed, so no
 * organisation's role list holds platform powers (the boundary would confine those copies anyway).
 */
export async function loadRolePresets(db: Connection): Promise<void> {
  const problems = rolePresetProblems();
  if (problems.length > 0) throw new Error(`role presets break the permission rules:\n${problems.join('\n')}`);
  const Roles = roleModel(db);
  for (const preset of PLATFORM_ROLE_PRESETS) {
    const role = await platformRole(db, preset.key);
    const copies = (await Roles.find({ preset: preset.key }).lean()).filter((copy) => copy.orgId);
    for (const copy of copies) await moveHolders(db, copy._id, role._id);
    if (copies.length > 0) await Roles.deleteMany({ _id: { $in: copies.map((copy) => copy._id) } });
  }
}

async function moveHolders(db: Connection, from: Types.ObjectId, to: Types.ObjectId): Promise<void> {
  const Users = userModel(db);
  for (const user of await Users.find({ 'memberships.roleId': from }).lean()) {
    const memberships = user.memberships.map((item) => (item.roleId.equals(from) ? { orgId: item.orgId, roleId: to } : item));
    await Users.updateOne({ _id: user._id }, { $set: { memberships } });
  }
}
