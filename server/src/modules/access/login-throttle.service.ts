import { createHmac, randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { clientAddressGroup } from './client-address';
import {
  knownSignInOriginModel,
  loginAttemptSlotModel,
  loginThrottleKeyModel,
  type LoginAttemptSlot,
} from './login-throttle.model';

/**
 * Sign-in throttling after OWASP's "Login throttling" pattern (Credential Stuffing Prevention / Authentication
 * cheat sheets). Only failed sign-ins count; three counters each hold guessing back in their own way:
 *
 * - per (account, address) pair: a few consecutive failures, then a pause that doubles with every further
 *   failure. Applies to everyone, also the owner on their usual address; a success starts the pair again.
 * - per account: more failures, from addresses and browsers the account never signed in from; the account is then
 *   locked for those only. Whoever signed in successfully from here before (a keyed hash of the user with the
 *   address, or with the browser's device cookie, kept for a while) is neither counted nor held back by it:
 *   strangers cannot lock the owner out.
 * - per address: many failures across accounts (credential stuffing); the address is then blocked, again only
 *   for accounts that never signed in from it.
 *
 * A failure counts for its rule's window (a sliding window). An unknown e-mail address is counted exactly like a
 * known one, so the answers never tell them apart. The state lives in the database so that every server process
 * shares it, as numbered slots taken by insert (see login-throttle.model.ts for why not counters); the keys are
 * HMACs, never e-mail or client addresses.
 */

/** Time as the sign-in limits see it; tests pass a clock they can move forward. */
export interface LoginClock {
  now(): Date;
}

export interface ThrottleRule {
  /** Failures within the window before the first pause. */
  threshold: number;
  /** How long a failure counts. */
  windowMs: number;
  /** The pause after the threshold-th failure; each further failure doubles it, up to maxBlockMs. */
  firstBlockMs: number;
  maxBlockMs: number;
}

export interface LoginLimits {
  pair: ThrottleRule;
  account: ThrottleRule;
  address: ThrottleRule;
  /** How long an address or browser stays known after its last successful sign-in. */
  rememberMs: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  pair: { threshold: 5, windowMs: HOUR, firstBlockMs: 30 * SECOND, maxBlockMs: 15 * MINUTE },
  account: { threshold: 10, windowMs: DAY, firstBlockMs: 15 * MINUTE, maxBlockMs: DAY },
  address: { threshold: 50, windowMs: HOUR, firstBlockMs: 15 * MINUTE, maxBlockMs: DAY },
  rememberMs: 90 * DAY,
};

/**
 * An attempt past the threshold holds its counter while its password is checked, so that parallel guesses cannot
 * all slip through the same opening; a process that dies meanwhile frees it after this time.
 */
export const ATTEMPT_LEASE_MS = 30 * SECOND;
const SWEEP_EVERY_MS = 10 * MINUTE;

/** The pause after the `failures`-th failure in a window: none below the threshold, then doubling up to the cap. */
export function blockDuration(rule: ThrottleRule, failures: number): number {
  if (failures < rule.threshold) return 0;
  const doublings = Math.min(failures - rule.threshold, 40);
  return Math.min(rule.maxBlockMs, rule.firstBlockMs * 2 ** doublings);
}

export type SignInBlockReason = 'too-many-attempts' | 'account-locked';

/** The attempt is held back; it may be tried again after `retryAfterMs`. */
export class SignInBlocked extends Error {
  constructor(
    readonly reason: SignInBlockReason,
    readonly retryAfterMs: number,
  ) {
    super(reason);
    this.name = 'SignInBlocked';
  }
}

export interface SignInOrigin {
  /** The client address as Express reports it (req.ip). */
  address: string | undefined;
  /** The browser's device cookie, when it sent a well-formed one. */
  deviceId?: string;
}

type Kind = LoginAttemptSlot['kind'];

interface Counter {
  id: string;
  kind: Kind;
  account?: string;
}

interface Admission {
  counter: Counter;
  slotId: string;
  n: number;
}

/** One sign-in attempt that was let through: report its outcome exactly once. */
export interface SignInAttempt {
  /** A wrong password (or unknown, disabled account). Throws SignInBlocked when this failure starts a pause. */
  failed(): Promise<void>;
  /** The right password: the pair starts again, the address and browser become known. Returns the device id for the cookie. */
  succeeded(userId: string): Promise<string>;
  /** Neither (an unexpected error): give back what the attempt held. */
  abandon(): Promise<void>;
}

export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const newDeviceId = () => randomBytes(32).toString('base64url');

export interface LoginThrottleOptions {
  clock?: LoginClock;
  limits?: Partial<LoginLimits>;
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

const isDuplicateKey = (error: unknown) => (error as { code?: unknown }).code === 11000;
const reasonOf = (kind: Kind): SignInBlockReason => (kind === 'account' ? 'account-locked' : 'too-many-attempts');

/** A slot still counts: within its window, or its pause or its lease still holds. */
function isLive(slot: LoginAttemptSlot, rule: ThrottleRule, now: Date): boolean {
  return (
    slot.at.getTime() > now.getTime() - rule.windowMs ||
    (slot.pauseUntil !== undefined && slot.pauseUntil > now) ||
    (slot.outcome === 'pending' && slot.leaseUntil !== undefined && slot.leaseUntil > now)
  );
}

/** How long these slots hold every attempt back: a pause, or an attempt past the threshold still being checked. */
function holdOf(slots: LoginAttemptSlot[], now: Date): number {
  let until = 0;
  for (const slot of slots) {
    if (slot.pauseUntil) until = Math.max(until, slot.pauseUntil.getTime());
    if (slot.outcome === 'pending' && slot.leaseUntil) until = Math.max(until, slot.leaseUntil.getTime());
  }
  return Math.max(0, until - now.getTime());
}

export function createLoginThrottle(db: Connection, options: LoginThrottleOptions = {}) {
  const clock = options.clock ?? { now: () => new Date() };
  const limits: LoginLimits = { ...DEFAULT_LOGIN_LIMITS, ...options.limits };
  for (const kind of ['pair', 'account', 'address'] as const) {
    // The attempt that reaches the threshold takes a lease (see admit); with a threshold of 1 none would.
    if (!(limits[kind].threshold >= 2)) throw new Error(`login limits: ${kind}.threshold must be at least 2`);
  }
  const Slots = loginAttemptSlotModel(db);
  const Origins = knownSignInOriginModel(db);
  let keyPromise: Promise<string> | undefined;
  let lastSweep = 0;

  function hmacKey(): Promise<string> {
    keyPromise ??= (async () => {
      const Keys = loginThrottleKeyModel(db);
      const existing = await Keys.findById('hmac').lean();
      if (existing) return existing.key;
      try {
        await Keys.create({ _id: 'hmac', key: randomBytes(32).toString('base64url') });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // another process created it first
      }
      const stored = await Keys.findById('hmac').lean();
      if (!stored) throw new Error('login throttle key missing');
      return stored.key;
    })().catch((error: unknown) => {
      keyPromise = undefined;
      throw error;
    });
    return keyPromise;
  }

  async function hasher() {
    const key = await hmacKey();
    return (...parts: string[]) => createHmac('sha256', key).update(parts.join('\0')).digest('base64url');
  }

  const normaliseEmail = (email: string) => email.trim().toLowerCase();

  /** Deletes what has expired (no TTL indexes on FerretDB v1): at most every few minutes per process, in the background. */
  function maybeSweep(now: Date): void {
    if (now.getTime() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now.getTime();
    void Promise.all([Slots.deleteMany({ expiresAt: { $lte: now } }), Origins.deleteMany({ expiresAt: { $lte: now } })]).catch(() => undefined);
  }

  /**
   * Lets one attempt in under a counter by taking a free slot: any of 1 … threshold−1 freely; past those only when
   * no pause holds, and then the next number with a lease, so that parallel attempts wait for this one's outcome.
   * Returns how long the attempt is held back instead when it is.
   */
  async function admit(counter: Counter, now: Date): Promise<Admission | number> {
    const rule = limits[counter.kind];
    for (let round = 0; round < 3; round += 1) {
      const slots = await Slots.find({ counter: counter.id }).lean();
      const live = slots.filter((slot) => isLive(slot, rule, now));
      const hold = holdOf(live, now);
      if (hold > 0) return hold;
      const taken = new Set(live.map((slot) => slot.n));
      const candidates: number[] = [];
      for (let n = 1; n < rule.threshold; n += 1) if (!taken.has(n)) candidates.push(n);
      const pastThreshold = candidates.length === 0;
      if (pastThreshold) candidates.push(Math.max(...taken) + 1);
      for (const n of candidates) {
        const slotId = `${counter.id}#${n}`;
        const stale = slots.find((slot) => slot.n === n);
        if (stale) await Slots.deleteOne({ _id: stale._id, at: stale.at });
        const windowEnd = new Date(now.getTime() + rule.windowMs);
        try {
          await Slots.create({
            _id: slotId,
            counter: counter.id,
            kind: counter.kind,
            ...(counter.account ? { account: counter.account } : {}),
            n,
            at: now,
            outcome: 'pending',
            ...(pastThreshold ? { leaseUntil: new Date(now.getTime() + ATTEMPT_LEASE_MS) } : {}),
            expiresAt: windowEnd,
          });
          return { counter, slotId, n };
        } catch (error) {
          if (!isDuplicateKey(error)) throw error; // a parallel attempt took it: try the next, then look again
        }
      }
    }
    return SECOND; // many attempts at once: come back in a moment
  }

  /** Records a failure in its slot; returns the pause it starts, if any. */
  async function fail(admission: Admission, at: Date): Promise<number> {
    const rule = limits[admission.counter.kind];
    const pauseMs = blockDuration(rule, admission.n);
    const pauseUntil = new Date(at.getTime() + pauseMs);
    const windowEnd = new Date(at.getTime() + rule.windowMs);
    await Slots.updateOne(
      { _id: admission.slotId },
      {
        $set: { outcome: 'failed', at, expiresAt: pauseUntil > windowEnd ? pauseUntil : windowEnd, ...(pauseMs > 0 ? { pauseUntil } : {}) },
        $unset: { leaseUntil: 1 },
      },
    );
    return pauseMs;
  }

  return {
    limits,

    /**
     * Asks every limit whether this attempt may go ahead, before the password is checked; throws SignInBlocked
     * when one holds it back. `userId` is the account's id when the e-mail address belongs to one.
     */
    async begin(email: string, origin: SignInOrigin, userId: string | undefined): Promise<SignInAttempt> {
      const now = clock.now();
      const hash = await hasher();
      const account = hash('account', normaliseEmail(email));
      const group = clientAddressGroup(origin.address);
      const originIds = (user: string, deviceId: string | undefined) => [
        hash('origin-address', user, group),
        ...(deviceId ? [hash('origin-device', user, deviceId)] : []),
      ];
      // Asked for unknown accounts too (with an id no account has), so that both take the same time.
      const known = (await Origins.countDocuments({ _id: { $in: originIds(userId ?? 'none', origin.deviceId) }, expiresAt: { $gt: now } })) > 0;
      const pair: Counter = { id: `pair:${hash('pair', account, group)}`, kind: 'pair', account };
      const counters: Counter[] = [
        pair,
        ...(known ? [] : [{ id: `account:${account}`, kind: 'account' as const, account }, { id: `address:${hash('address', group)}`, kind: 'address' as const }]),
      ];

      const admitted: Admission[] = [];
      const giveBack = () => Slots.deleteMany({ _id: { $in: admitted.map((admission) => admission.slotId) } });
      for (const counter of counters) {
        const admission = await admit(counter, now);
        if (typeof admission === 'number') {
          await giveBack();
          throw new SignInBlocked(reasonOf(counter.kind), admission);
        }
        admitted.push(admission);
      }

      let settled = false;
      const settle = () => {
        if (settled) throw new Error('sign-in attempt settled twice');
        settled = true;
      };
      return {
        async failed() {
          settle();
          const at = clock.now();
          let longest: { kind: Kind; ms: number } | undefined;
          for (const admission of admitted) {
            const ms = await fail(admission, at);
            if (ms > 0 && (!longest || ms > longest.ms)) longest = { kind: admission.counter.kind, ms };
          }
          maybeSweep(at);
          if (longest) throw new SignInBlocked(reasonOf(longest.kind), longest.ms);
        },

        async succeeded(user: string) {
          settle();
          const at = clock.now();
          // The pair's failures end with a success; the account and the address only ever count failures.
          await Promise.all([Slots.deleteMany({ counter: pair.id }), giveBack()]);
          const deviceId = origin.deviceId ?? newDeviceId();
          const expiresAt = new Date(at.getTime() + limits.rememberMs);
          await Origins.bulkWrite(
            originIds(user, deviceId).map((id) => ({ updateOne: { filter: { _id: id }, update: { $set: { expiresAt } }, upsert: true } })),
            { ordered: false },
          ).catch((error: unknown) => {
            if (!isDuplicateKey(error)) throw error; // remembered by a parallel sign-in
          });
          maybeSweep(at);
          return deviceId;
        },

        async abandon() {
          if (settled) return;
          settled = true;
          await giveBack();
        },
      };
    },

    /** Ends every pause and lock of an account (an administrator's unlock). Returns how many slots were removed. */
    async unlock(email: string): Promise<number> {
      const hash = await hasher();
      const result = await Slots.deleteMany({ account: hash('account', normaliseEmail(email)) });
      return result.deletedCount;
    },

    /** For each of these e-mail addresses that is paused or locked now: until when (the latest of its pauses). */
    async lockedUntil(emails: string[]): Promise<Map<string, Date>> {
      const hash = await hasher();
      const now = clock.now();
      const byAccount = new Map(emails.map((email) => [hash('account', normaliseEmail(email)), email]));
      const slots = await Slots.find({ account: { $in: [...byAccount.keys()] }, pauseUntil: { $gt: now } }, { account: 1, pauseUntil: 1 }).lean();
      const result = new Map<string, Date>();
      for (const slot of slots) {
        const email = byAccount.get(slot.account!);
        if (!email || !slot.pauseUntil) continue;
        const current = result.get(email);
        if (!current || slot.pauseUntil > current) result.set(email, slot.pauseUntil);
      }
      return result;
    },
  };
}
