import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** One pending OIDC sign-in: the PKCE verifier and nonce wait here between the redirect and the callback. */
export interface OidcState {
  _id: string; // the `state` parameter
  orgId: Types.ObjectId;
  codeVerifier: string;
  nonce: string;
  createdAt: Date;
}

const oidcStateSchema = new Schema<OidcState>(
  {
    _id: { type: String, required: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    codeVerifier: { type: String, required: true },
    nonce: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'oidcStates', versionKey: false },
);

export function oidcStateModel(db: Connection): Model<OidcState> {
  return (db.models.OidcState as Model<OidcState>) ?? db.model<OidcState>('OidcState', oidcStateSchema);
}
