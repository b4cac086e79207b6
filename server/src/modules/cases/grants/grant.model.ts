import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { GrantIncreaseStatus } from '../../../contracts/cases/grant.schemas';

/*
 * A case's reintegration grant, one document per case under the case's own `_id` (so it is found by `_id` alone,
 * the one lookup the embedded database answers from an index). It belongs to the organisation that runs the return
 * programme (`orgId`), which need not own the case: IOM opens it on a case referred to it. Money is kept in cents,
 * whole numbers, so that sums are exact.
 */
export interface GrantIncreaseRecord {
  id: string;
  cents: number;
  reason: string;
  status: GrantIncreaseStatus;
  requestedBy: string;
  requestedAt: Date;
  decidedBy?: string;
  decidedAt?: Date;
}

export interface DisbursementRecord {
  id: string;
  cents: number;
  currency: string;
  date: string;
  purpose: string;
  planGoal?: string;
  recordedBy: string;
  recordedAt: Date;
}

export interface GrantRecord {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  country: string;
  currency: string;
  grantedCents: number;
  increases: GrantIncreaseRecord[];
  disbursements: DisbursementRecord[];
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const increase = new Schema<GrantIncreaseRecord>(
  {
    id: { type: String, required: true },
    cents: { type: Number, required: true },
    reason: { type: String, required: true },
    status: { type: String, required: true },
    requestedBy: { type: String, required: true },
    requestedAt: { type: Date, required: true },
    decidedBy: { type: String },
    decidedAt: { type: Date },
  },
  { _id: false },
);

const disbursement = new Schema<DisbursementRecord>(
  {
    id: { type: String, required: true },
    cents: { type: Number, required: true },
    currency: { type: String, required: true },
    date: { type: String, required: true },
    purpose: { type: String, required: true },
    planGoal: { type: String },
    recordedBy: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { _id: false },
);

const schema = new Schema<GrantRecord>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    country: { type: String, required: true },
    currency: { type: String, required: true },
    grantedCents: { type: Number, required: true },
    increases: { type: [increase], default: [] },
    disbursements: { type: [disbursement], default: [] },
    version: { type: Number, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'reintegration_grants', versionKey: false },
);

export function grantModel(db: Connection): Model<GrantRecord> {
  return (db.models.ReintegrationGrant as Model<GrantRecord>) ?? db.model<GrantRecord>('ReintegrationGrant', schema);
}
