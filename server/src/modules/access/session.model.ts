import { Schema, type Connection, type Model, type Types } from 'mongoose';

export interface Session {
  /** SHA-256 of the opaque token: a database leak does not hand out working tokens. */
  _id: string;
  userId: Types.ObjectId;
  orgId: Types.ObjectId;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Absolute expiry; idle expiry is checked against lastSeenAt. */
  expiresAt: Date;
  revokedAt?: Date;
  method: 'password' | 'oidc';
}

const sessionSchema = new Schema<Session>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    csrfToken: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date },
    method: { type: String, enum: ['password', 'oidc'], required: true },
  },
  { collection: 'sessions', versionKey: false },
);

export function sessionModel(db: Connection): Model<Session> {
  return (db.models.Session as Model<Session>) ?? db.model<Session>('Session', sessionSchema);
}
