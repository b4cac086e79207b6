import { Schema, type Connection, type Model, type Types } from 'mongoose';

export const ORGANISATION_TYPES = ['international', 'national', 'regional', 'municipality', 'ngo', 'shelter'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** Claim holding the e-mail address used to find the platform user. */
  emailClaim: string;
}

export interface Organisation {
  _id: Types.ObjectId;
  slug: string;
  name: string;
  country: string;
  type: OrganisationType;
  parentId: Types.ObjectId | null;
  /** The chain from the root down to the parent: a subtree is one indexed query, no recursion. */
  ancestorIds: Types.ObjectId[];
  /** Jurisdiction parameters (e.g. reflectionPeriod: "P30D"), referenced by name by workflows. */
  parameters: Record<string, unknown>;
  oidc?: OidcSettings;
  /**
   * The consent recipient key that referrals to this organisation rest on (`nas`, `cmm`, `iom`): the person's consent
   * to that recipient is checked before a case is referred here. Absent: a consent recorded under the slug itself.
   */
  consentKey?: string;
  /**
   * Which of this organisation's access roles (role keys) act in a workflow role (`nasCoordinator`, `caseOwner`) on
   * the cases it owns or that are shared with it: their inbox gets that role's tasks and notifications. Merged over
   * the defaults of its organisation type (referrals/workflow-role-map.ts).
   */
  workflowRoles?: Record<string, string[]>;
  createdAt: Date;
  updatedAt: Date;
}

const organisationSchema = new Schema<Organisation>(
  {
    slug: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    country: { type: String, required: true },
    type: { type: String, required: true, enum: ORGANISATION_TYPES },
    parentId: { type: Schema.Types.ObjectId, default: null },
    ancestorIds: { type: [Schema.Types.ObjectId], default: [], index: true },
    parameters: { type: Schema.Types.Mixed, default: {} },
    consentKey: { type: String },
    workflowRoles: { type: Schema.Types.Mixed },
    oidc: {
      type: new Schema<OidcSettings>(
        { issuer: String, clientId: String, clientSecret: String, emailClaim: { type: String, default: 'email' } },
        { _id: false },
      ),
      required: false,
    },
  },
  { collection: 'organisations', timestamps: true, minimize: false },
);

export function organisationModel(db: Connection): Model<Organisation> {
  return (db.models.Organisation as Model<Organisation>) ?? db.model<Organisation>('Organisation', organisationSchema);
}
