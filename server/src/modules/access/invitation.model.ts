import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * An invitation to set one's own password. `_id` is the SHA-256 of the token (the token itself is never stored, so a
 * copy of the database opens no account), and is what the link is looked up by (FerretDB answers `_id` from its index).
 */
export interface Invitation {
  _id: string;
  userId: Types.ObjectId;
  expiresAt: Date;
  createdAt: Date;
}

const invitationSchema = new Schema<Invitation>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'invitations', versionKey: false },
);

export const invitationModel = (db: Connection): Model<Invitation> => (db.models.Invitation as Model<Invitation>) ?? db.model<Invitation>('Invitation', invitationSchema);
