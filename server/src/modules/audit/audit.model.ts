import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** Who did what to which record, and which sensitive fields were read or written — never the values. */
export interface AuditEntry {
  _id: Types.ObjectId;
  at: Date;
  userId: Types.ObjectId | null;
  orgId: Types.ObjectId | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** Names of restricted/confidential fields read or written (field names and component keys only). */
  sensitiveFields: string[];
  requestId: string | null;
}

const auditSchema = new Schema<AuditEntry>(
  {
    at: { type: Date, required: true, index: true },
    userId: { type: Schema.Types.ObjectId, default: null },
    orgId: { type: Schema.Types.ObjectId, default: null, index: true },
    action: { type: String, required: true },
    subjectType: { type: String, required: true },
    subjectId: { type: String, default: null },
    sensitiveFields: { type: [String], default: [] },
    requestId: { type: String, default: null },
  },
  { collection: 'audit', versionKey: false },
);

export function auditModel(db: Connection): Model<AuditEntry> {
  return (db.models.AuditEntry as Model<AuditEntry>) ?? db.model<AuditEntry>('AuditEntry', auditSchema);
}
