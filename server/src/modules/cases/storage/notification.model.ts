import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** A message to everyone with a role in the case's organisation (from `notify-role` and timers); keys, not text. */
export interface CaseNotification {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  caseId: Types.ObjectId;
  role: string;
  messageKey: string;
  createdAt: Date;
}

const schema = new Schema<CaseNotification>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true, index: true },
    caseId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, required: true },
    messageKey: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'case_notifications', versionKey: false },
);

export function caseNotificationModel(db: Connection): Model<CaseNotification> {
  return (db.models.CaseNotification as Model<CaseNotification>) ?? db.model<CaseNotification>('CaseNotification', schema);
}
