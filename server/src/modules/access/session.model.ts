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
  /**
   * Set while the session is handed over to the person of one case (issue 18): the API answers only what the person
   * view needs until the caseworker's password ends it (person-view-lock.ts).
   */
  personView?: { caseId: string; since: Date };
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
    personView: { type: new Schema({ caseId: { type: String, required: true }, since: { type: Date, required: true } }, { _id: false }), required: false },
  },
  { collection: 'sessions', versionKey: false },
);

export function sessionModel(db: Connection): Model<Session> {
  return (db.models.Session as Model<Session>) ?? db.model<Session>('Session', sessionSchema);
}
