import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One failed (or still being checked) sign-in attempt, counted under one counter: an (account, address) pair, an
 * account, or an address. Each attempt takes a numbered slot, `<counter>#<n>`, by inserting it: on FerretDB v1 an
 * update is not atomic between connections (50 parallel `$inc` of one document left it at 12), but an insert under
 * a unique `_id` is, there and on MongoDB alike, so two attempts can never take the same slot.
 *
 * Counters are keyed hashes (HMAC) of the e-mail address and the client address, never the values themselves.
 * FerretDB v1 has no TTL indexes, so slots carry `expiresAt` and the service sweeps them.
 */
export interface LoginAttemptSlot {
  /** `<counter>#<n>` */
  _id: string;
  /** `<kind>:<HMAC>` */
  counter: string;
  kind: 'pair' | 'account' | 'address';
  /** HMAC of the e-mail address, on pair and account slots: an unlock removes every slot of the account. */
  account?: string;
  /** The slot's number: the n-th failure within the window (gaps where attempts succeeded are taken again). */
  n: number;
  /** When the attempt began, and once it failed, when it failed. Slots older than the rule's window no longer count. */
  at: Date;
  outcome: 'pending' | 'failed';
  /** A pending attempt past the threshold holds its counter until its outcome is known, or until then at most. */
  leaseUntil?: Date;
  /** After this failure, the counter holds every attempt back until then. */
  pauseUntil?: Date;
  /** After this the slot means nothing any more and may be deleted. */
  expiresAt: Date;
}

const slotSchema = new Schema<LoginAttemptSlot>(
  {
    _id: { type: String, required: true },
    counter: { type: String, required: true, index: true },
    kind: { type: String, enum: ['pair', 'account', 'address'], required: true },
    account: { type: String, index: true },
    n: { type: Number, required: true },
    at: { type: Date, required: true },
    outcome: { type: String, enum: ['pending', 'failed'], required: true },
    leaseUntil: { type: Date },
    pauseUntil: { type: Date },
    expiresAt: { type: Date, required: true, index: true },
  },
  { collection: 'login_attempt_slots', versionKey: false },
);

export function loginAttemptSlotModel(db: Connection): Model<LoginAttemptSlot> {
  return (db.models.LoginAttemptSlot as Model<LoginAttemptSlot>) ?? db.model<LoginAttemptSlot>('LoginAttemptSlot', slotSchema);
}

/**
 * An address or a browser from which a user has signed in successfully: `_id` is the HMAC of the user id with the
 * address (or the browser's device cookie). Guesses from elsewhere cannot lock the owner out of these.
 */
export interface KnownSignInOrigin {
  _id: string;
  expiresAt: Date;
}

const knownOriginSchema = new Schema<KnownSignInOrigin>(
  {
    _id: { type: String, required: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { collection: 'login_known_origins', versionKey: false },
);

export function knownSignInOriginModel(db: Connection): Model<KnownSignInOrigin> {
  return (db.models.KnownSignInOrigin as Model<KnownSignInOrigin>) ?? db.model<KnownSignInOrigin>('KnownSignInOrigin', knownOriginSchema);
}

/** The random key of the HMACs above, created once per database so that every server process uses the same. */
export interface LoginThrottleKey {
  _id: string;
  key: string;
}

const keySchema = new Schema<LoginThrottleKey>(
  { _id: { type: String, required: true }, key: { type: String, required: true } },
  { collection: 'login_throttle_keys', versionKey: false },
);

export function loginThrottleKeyModel(db: Connection): Model<LoginThrottleKey> {
  return (db.models.LoginThrottleKey as Model<LoginThrottleKey>) ?? db.model<LoginThrottleKey>('LoginThrottleKey', keySchema);
}
