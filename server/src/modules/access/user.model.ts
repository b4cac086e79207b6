import { Schema, type Connection, type Model, type Types } from 'mongoose';

export interface Membership {
  orgId: Types.ObjectId;
  roleId: Types.ObjectId;
}

export interface User {
  _id: Types.ObjectId;
  email: string;
  name: string;
  /** argon2id; absent for users who sign in only through their organisation's OIDC provider. */
  passwordHash?: string;
  memberships: Membership[];
  status: 'active' | 'disabled';
  oidcSubject?: string;
  createdAt: Date;
  updatedAt: Date;
}

const userSchema = new Schema<User>(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true },
    passwordHash: { type: String },
    memberships: {
      type: [new Schema<Membership>({ orgId: { type: Schema.Types.ObjectId, required: true }, roleId: { type: Schema.Types.ObjectId, required: true } }, { _id: false })],
      default: [],
    },
    status: { type: String, enum: ['active', 'disabled'], default: 'active' },
    oidcSubject: { type: String },
  },
  { collection: 'users', timestamps: true },
);
userSchema.index({ 'memberships.orgId': 1 });

export function userModel(db: Connection): Model<User> {
  return (db.models.User as Model<User>) ?? db.model<User>('User', userSchema);
}
