import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { DeclineReason, ReferralPurpose, ReferralStatus, ShareableGroup } from '../../contracts/referrals/referral.schemas';

/**
 * A referral of a case from one organisation to another: both see it (the permission layer lets a referral reach
 * the organisations it is from and to, nobody else). It holds no personal data beyond the referrer's message.
 */
export interface ReferralRecord {
  _id: Types.ObjectId;
  caseId: Types.ObjectId;
  caseReference: string;
  fromOrgId: Types.ObjectId;
  toOrgId: Types.ObjectId;
  /** The consent key the referral rests on. */
  recipient: string;
  purpose: ReferralPurpose;
  groups: ShareableGroup[];
  message: string;
  status: ReferralStatus;
  /** The receiver's workflow role, whose task it gets on acceptance, and that task's title key. */
  role: string;
  taskKey: string;
  /** The workflow events fired on the case when the receiver decides (from the `refer` action), if any. */
  acceptedEvent?: string;
  declinedEvent?: string;
  possibleDuplicatesAt: Types.ObjectId[];
  createdBy: string | null;
  createdAt: Date;
  decidedBy?: string;
  decidedAt?: Date;
  declineReason?: DeclineReason;
  declineNote?: string;
  /** When the receiver's access ended because the person withdrew the consent. */
  accessEndedAt?: Date;
}

const schema = new Schema<ReferralRecord>(
  {
    caseId: { type: Schema.Types.ObjectId, required: true },
    caseReference: { type: String, required: true },
    fromOrgId: { type: Schema.Types.ObjectId, required: true },
    toOrgId: { type: Schema.Types.ObjectId, required: true },
    recipient: { type: String, required: true },
    purpose: { type: String, required: true },
    groups: { type: [String], default: [] },
    message: { type: String, default: '' },
    status: { type: String, required: true },
    role: { type: String, required: true },
    taskKey: { type: String, required: true },
    acceptedEvent: { type: String },
    declinedEvent: { type: String },
    possibleDuplicatesAt: { type: [Schema.Types.ObjectId], default: [] },
    createdBy: { type: String, default: null },
    createdAt: { type: Date, required: true },
    decidedBy: { type: String },
    decidedAt: { type: Date },
    declineReason: { type: String },
    declineNote: { type: String },
    accessEndedAt: { type: Date },
  },
  { collection: 'referrals', versionKey: false },
);
schema.index({ toOrgId: 1, status: 1 });
schema.index({ fromOrgId: 1, createdAt: -1 });
schema.index({ caseId: 1 });

export function referralModel(db: Connection): Model<ReferralRecord> {
  return (db.models.Referral as Model<ReferralRecord>) ?? db.model<ReferralRecord>('Referral', schema);
}
