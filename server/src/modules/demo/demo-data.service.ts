import { randomBytes } from 'node:crypto';
import type { Connection, Types } from 'mongoose';
import {
  hashPassword, loadRolePresets, platformRole, PLATFORM_ROLE_PRESETS, PRESETS_BY_ORGANISATION_TYPE,
  clonePresetInto, recordMemberships, userModel
} from '../access';
import { organisationModel } from '../tenants';
import { cloneDemoFormTemplates } from '../forms';
import { DEMO_ORGANISATIONS, DEMO_USERS } from './demo-organisations';

export interface DemoResult {
  /** Set only when this call created demo users with a generated password: print it once. */
  generatedPassword?: string;
  createdUsers: number;
}

/**
 * Idempotent: organisations are created once by slug, the presets fitting their type are cloned into each (to be
 * edited there; demo users' roles are cloned where they need them),
 * users are created once. With DEMO_PASSWORD set, the demo users' password is (re)set to it on every start.
 */
export async function loadDemoData(db: Connection, demoPassword: string | undefined): Promise<DemoResult> {
  await loadRolePresets(db);
  const Organisations = organisationModel(db);
  const ids = new Map<string, Types.ObjectId>();
  for (const demo of DEMO_ORGANISATIONS) {
    const parentId = demo.parent ? ids.get(demo.parent)! : null;
    const parent = parentId ? await Organisations.findById(parentId).lean() : null;
    const org =
      (await Organisations.findOne({ slug: demo.slug }).lean()) ??
      (
        await Organisations.create({
          slug: demo.slug,
          name: demo.name,
          country: demo.country,
          type: demo.type,
          parentId,
          ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [],
          parameters: demo.parameters ?? {},
          ...(demo.consentKey ? { consentKey: demo.consentKey } : {}),
        })
      ).toObject();
    // Organisations made before referrals existed learn the consent key referrals to them rest on.
    if (demo.consentKey && org!.consentKey !== demo.consentKey) await Organisations.updateOne({ _id: org!._id }, { $set: { consentKey: demo.consentKey } });
    ids.set(demo.slug, org!._id);
    for (const preset of PRESETS_BY_ORGANISATION_TYPE[demo.type] ?? []) await clonePresetInto(db, org!._id, preset);
  }

  const Users = userModel(db);
  const generatedPassword = demoPassword ? undefined : randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(demoPassword ?? generatedPassword!);
  let createdUsers = 0;
  for (const demo of DEMO_USERS) {
    const memberships = [];
    for (const { org, role } of demo.memberships) {
      const orgId = ids.get(org)!;
      const isPlatformRole = PLATFORM_ROLE_PRESETS.some((preset) => preset.key === role);
      const roleDoc = isPlatformRole ? await platformRole(db, role) : await clonePresetInto(db, orgId, role);
      memberships.push({ orgId, roleId: roleDoc._id });
    }
    const result = await Users.updateOne(
      { email: demo.email },
      { $setOnInsert: { email: demo.email, name: demo.name, memberships, passwordHash, status: 'active' } },
      { upsert: true },
    );
    if (result.upsertedCount) {
      createdUsers += 1;
      await recordMemberships(db, String(result.upsertedId), memberships.map((item) => item.orgId));
    }
    else if (demoPassword) await Users.updateOne({ email: demo.email }, { $set: { passwordHash } });
  }
  // Each demo organisation gets the library forms that fit its work (idempotent).
  await cloneDemoFormTemplates(db, ids);
  return { createdUsers, ...(createdUsers > 0 && generatedPassword ? { generatedPassword } : {}) };
}
