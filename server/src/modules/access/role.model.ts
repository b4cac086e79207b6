import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { StoredRule } from './rule-storage';
import { ROLE_SCOPES, type RoleScope } from './tenant-boundary';

export interface Role {
  _id: Types.ObjectId;
  /** Absent only for platform roles, which belong to no organisation. */
  orgId?: Types.ObjectId | null;
  /** Where the role's rules reach (tenant-boundary.ts); absent: the preset's scope, else the organisation. */
  scope?: RoleScope;
  /** Stable key, e.g. "caseworker"; the preset it was cloned from keeps the same key unless renamed. */
  key: string;
  name: string;
  preset?: string;
  /**
   * The fingerprint (preset-fingerprint.ts) of the preset's rules the role was made from or last upgraded to. Rules
   * with another fingerprint were edited by an administrator, and upgrades of the preset leave them alone.
   */
  presetFingerprint?: string;
  /** The preset fingerprint an upgrade last found this edited role behind (reported once per preset version). */
  presetReported?: string;
  rules: StoredRule[];
  createdAt: Date;
  updatedAt: Date;
}

const roleSchema = new Schema<Role>(
  {
    orgId: { type: Schema.Types.ObjectId, default: null },
    scope: { type: String, enum: ROLE_SCOPES },
    key: { type: String, required: true },
    name: { type: String, required: true },
    preset: { type: String },
    presetFingerprint: { type: String },
    presetReported: { type: String },
    // Rules are validated against the permission vocabulary before they are stored (rule.schemas.ts).
    rules: {
      type: [
        new Schema<StoredRule>(
          { action: [String], subject: [String], fields: { type: [String], default: undefined }, conditions: String, inverted: Boolean, reason: String },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { collection: 'roles', timestamps: true, optimisticConcurrency: true },
);
roleSchema.index({ orgId: 1, key: 1 }, { unique: true });

export function roleModel(db: Connection): Model<Role> {
  return (db.models.Role as Model<Role>) ?? db.model<Role>('Role', roleSchema);
}
