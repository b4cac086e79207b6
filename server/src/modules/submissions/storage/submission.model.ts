import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { AUDIT_OUTBOX_PATH, type AuditEntry } from '../../audit';

/**
 * One filled-in form, pinned to the revision it was validated against. `orgId`, `assignees` and `sharedWith`
 * are what the access rules test; for a submission linked to a case they are copied from the case (the cases
 * module keeps them in sync), so a list query needs no join.
 */
export interface Submission {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  formId: Types.ObjectId;
  formPath: string;
  revision: number;
  data: Record<string, unknown>;
  caseId: Types.ObjectId | null;
  assignees: Types.ObjectId[];
  sharedWith: Types.ObjectId[];
  createdBy: Types.ObjectId | null;
  modifiedBy: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** The audit entry of the submission's creation, stored with it (audit-outbox.ts); never read back but there. */
  auditOutbox?: AuditEntry[];
  /** Audit entries of an update or the deletion, stored in their own write until the log has them (submission-outbox.ts). */
  pendingAudit?: AuditEntry[];
  /** A deletion under way: no read finds the submission any more, and it is removed once settled (submission-outbox.ts). */
  deletedAt?: Date;
}

const submissionSchema = new Schema<Submission>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    formId: { type: Schema.Types.ObjectId, required: true },
    formPath: { type: String, required: true },
    revision: { type: Number, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    caseId: { type: Schema.Types.ObjectId, default: null },
    assignees: { type: [Schema.Types.ObjectId], default: [] },
    sharedWith: { type: [Schema.Types.ObjectId], default: [] },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    modifiedBy: { type: Schema.Types.ObjectId, default: null },
    version: { type: Number, default: 0 },
    ...AUDIT_OUTBOX_PATH,
    pendingAudit: { type: [Object], default: undefined },
    deletedAt: { type: Date, default: undefined },
  },
  { collection: 'submissions', timestamps: true, minimize: false, versionKey: false },
);
submissionSchema.index({ orgId: 1, formId: 1, createdAt: -1 });
submissionSchema.index({ caseId: 1 });

export function submissionModel(db: Connection): Model<Submission> {
  return (db.models.Submission as Model<Submission>) ?? db.model<Submission>('Submission', submissionSchema);
}
