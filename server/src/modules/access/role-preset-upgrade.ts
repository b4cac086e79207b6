import type { Connection } from 'mongoose';
import { withWriteClaim } from '../../core/db/write-claim';
import { auditedWrite } from '../audit';
import { forgetCachedAuth } from './auth-context';
import { rulesFingerprint } from './preset-fingerprint';
import { EARLIER_PRESET_FINGERPRINTS } from './role-preset-history';
import { ROLE_PRESETS, type RolePreset } from './role-presets';
import { roleModel, type Role } from './role.model';
import { decodeRules, encodeRules } from './rule-storage';
import { platformOnlyRules } from './tenant-boundary';

/*
 * Presets are copied into each organisation's roles when the organisation is made; a release that changes a preset's
 * rules would otherwise never reach the roles stored before it. At start, each organisation role made from a preset:
 *  - still holding the rules it was given (its fingerprint, or for roles stored before fingerprints, one of the
 *    preset's earlier versions) gets the preset's current rules;
 *  - edited by an administrator since is left alone, and reported once per preset version: in the log (ids and the
 *    preset's key only, never a name) and in the audit log of its organisation.
 * Only the rules change, never the role's organisation or scope, so the organisation boundary (tenant-boundary.ts)
 * confines the new rules exactly as it confined the old. Idempotent, and safe with several processes starting at
 * once: each write holds the role's write claim (the one role edits take) and applies only to the version read.
 */

interface Logger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface PresetUpgradeReport {
  /** Roles given their preset's current rules. */
  upgraded: number;
  /** Edited roles left alone and reported (now; each is reported once per preset version). */
  edited: number;
}

type StoredRole = Role & { __v?: number };

const SYSTEM = { userId: null };

/** The fingerprints the role's rules had when nobody had edited them. */
function untouchedFingerprints(role: StoredRole, preset: RolePreset): readonly string[] {
  return role.presetFingerprint ? [role.presetFingerprint] : (EARLIER_PRESET_FINGERPRINTS[preset.key] ?? []);
}

export async function upgradeRolePresets(db: Connection, options: { logger?: Logger } = {}): Promise<PresetUpgradeReport> {
  const report: PresetUpgradeReport = { upgraded: 0, edited: 0 };
  // Roles are few (a handful per organisation): read once, decided here.
  const roles = (await roleModel(db).find({}).lean()) as StoredRole[];
  for (const role of roles) {
    // Platform roles belong to no organisation; platform-roles.ts keeps them.
    const preset = role.orgId ? ROLE_PRESETS.find((item) => item.key === role.preset) : undefined;
    if (!preset) continue;
    const target = rulesFingerprint(preset.rules);
    const current = rulesFingerprint(decodeRules(role.rules));
    if (current === target) {
      if (role.presetFingerprint !== target) await mark(db, role, target);
    } else if (untouchedFingerprints(role, preset).includes(current)) {
      if (await upgrade(db, role, preset, target)) {
        report.upgraded += 1;
        options.logger?.info({ roleId: String(role._id), orgId: String(role.orgId), preset: preset.key }, 'role given its preset\'s new rules');
      }
    } else if (role.presetReported !== target && (await reportEdited(db, role, target))) {
      report.edited += 1;
      options.logger?.warn({ roleId: String(role._id), orgId: String(role.orgId), preset: preset.key }, 'role edited since it was made from its preset: the preset\'s new rules were not applied');
    }
  }
  if (report.upgraded > 0) forgetCachedAuth();
  return report;
}

/** A role that already holds the current rules (made by this release, or edited to them) records them as its own. */
async function mark(db: Connection, role: StoredRole, target: string): Promise<void> {
  await withWriteClaim(db, `role:${String(role._id)}`, () =>
    roleModel(db).updateOne({ _id: role._id, presetFingerprint: { $ne: target } }, { $set: { presetFingerprint: target } }),
  );
}

async function upgrade(db: Connection, role: StoredRole, preset: RolePreset, target: string): Promise<boolean> {
  // Presets are checked at start (platform-roles.ts); an organisation's role never receives a platform power.
  if (platformOnlyRules(preset.rules).length > 0) return false;
  const version = typeof role.__v === 'number' ? { __v: role.__v } : {};
  const updated = await auditedWrite(
    db,
    { ...SYSTEM, orgId: role.orgId ?? null },
    (result: unknown) => (result ? { action: 'preset-upgrade', subjectType: 'Role', subjectId: String(role._id) } : null),
    () =>
      withWriteClaim(db, `role:${String(role._id)}`, () =>
        // Another process or an administrator who changed the role since it was read leaves it unmatched: the next
        // start decides again on what it holds then. The version moves on, so an editor open on the old rules
        // gets a conflict instead of saving them back.
        roleModel(db)
          .findOneAndUpdate(
            { _id: role._id, ...version },
            { $set: { rules: encodeRules(preset.rules), presetFingerprint: target }, $inc: { __v: 1 } },
            { returnDocument: 'after' },
          )
          .lean(),
      ),
  );
  return Boolean(updated);
}

/** Marks the edited role as reported for this preset version; true for the one process that marked it. */
async function reportEdited(db: Connection, role: StoredRole, target: string): Promise<boolean> {
  const marked = await auditedWrite(
    db,
    { ...SYSTEM, orgId: role.orgId ?? null },
    (result: boolean) => (result ? { action: 'preset-upgrade-skipped', subjectType: 'Role', subjectId: String(role._id) } : null),
    async () => {
      const result = await withWriteClaim(db, `role:${String(role._id)}`, () =>
        roleModel(db).updateOne({ _id: role._id, presetReported: { $ne: target } }, { $set: { presetReported: target } }),
      );
      return (result?.modifiedCount ?? 0) > 0;
    },
  );
  return marked;
}
