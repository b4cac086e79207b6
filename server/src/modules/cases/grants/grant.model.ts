import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { GrantIncreaseStatus } from '../../../contracts/cases/grant.schemas';

/*
 * A case's reintegration grant, one document per case under the case's own `_id` (so it is found by `_id` alone,
 * the one lookup the embedded database answers from an index). It belongs to the organisation that runs the return
 * programme (`orgId`), which need not own the case: IOM opens it on a case referred to it. Money is kept in minor
 * units (cents), whole numbers, so that sums are exact. A disbursement keeps what was paid in the country of return's
 * currency, the rate used and its worth in the grant's currency, so a later rate never changes what was recorded.
 */
export interface GrantIncreaseRecord {
  id: string;
  /** In the grant's currency. */
  minor: number;
  reason: string;
  status: GrantIncreaseStatus;
  requestedBy: string;
  requestedAt: Date;
  decidedBy?: string;
  decidedAt?: Date;
}

export interface DisbursementRecord {
  id: string;
  /** What was paid, in the currency it was paid in. */
  paidMinor: number;
  paidCurrency: string;
  /** Its worth in the grant's currency at `rate` (the same as paidMinor when paid in the grant's currency). */
  grantMinor: number;
  /** The programme's rate used: local units per grant unit, and the day it applied from. */
  rate?: { rate: string; from: string };
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
  /** The country of return's currency when the grant was opened (the programme's `localCurrency`). */
  localCurrency?: string;
  grantedMinor: number;
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
    minor: { type: Number, required: true },
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
    paidMinor: { type: Number, required: true },
    paidCurrency: { type: String, required: true },
    grantMinor: { type: Number, required: true },
    rate: { type: new Schema({ rate: { type: String, required: true }, from: { type: String, required: true } }, { _id: false }) },
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
    localCurrency: { type: String },
    grantedMinor: { type: Number, required: true },
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
