import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { isValidObjectId, type Connection } from 'mongoose';
import { AppError } from '../../core/errors/app-error';
import { organisationModel } from '../tenants/organisation.model';
import { verifyPassword } from './password';
import { createSession } from './session.service';
import { userModel } from './user.model';

const MAX_FAILURES_PER_ACCOUNT = 5;
const ACCOUNT_LOCK_MS = 15 * 60 * 1000;

/** Per-address throttle (in this process); the per-account lock lives on the user document and so holds across processes. */
export function createAddressLimiter(points = 30, durationSeconds = 15 * 60) {
  return new RateLimiterMemory({ points, duration: durationSeconds, keyPrefix: 'login-address' });
}
export type AddressLimiter = ReturnType<typeof createAddressLimiter>;

// One answer for every failure (unknown user, wrong password, locked, disabled): nothing to learn by probing.
const invalidCredentials = () => new AppError(401, 'invalid-credentials');

export async function consumeAddressAttempt(limiter: AddressLimiter, address: string): Promise<void> {
  try {
    await limiter.consume(address);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new AppError(429, 'too-many-attempts', {
        params: { seconds: Math.ceil(rejection.msBeforeNext / 1000) },
        extensions: { retryAfter: Math.ceil(rejection.msBeforeNext / 1000) },
      });
    }
    throw rejection;
  }
}

export async function loginWithPassword(
  db: Connection,
  input: { email: string; password: string; org?: string },
) {
  const Users = userModel(db);
  const user = await Users.findOne({ email: input.email.toLowerCase() }).lean();
  const now = new Date();
  const locked = Boolean(user?.lockedUntil && user.lockedUntil > now);
  const passwordOk = await verifyPassword(user && !locked ? user.passwordHash : undefined, input.password);

  if (!user || locked || user.status !== 'active' || !passwordOk) {
    if (user && !locked && !passwordOk) {
      // Atomic counter on the account; the lock starts when the counter reaches the limit.
      const updated = await Users.findOneAndUpdate({ _id: user._id }, { $inc: { failedLogins: 1 } }, { returnDocument: 'after' }).lean();
      if ((updated?.failedLogins ?? 0) >= MAX_FAILURES_PER_ACCOUNT) {
        await Users.updateOne({ _id: user._id }, { $set: { lockedUntil: new Date(now.getTime() + ACCOUNT_LOCK_MS), failedLogins: 0 } });
      }
    }
    throw invalidCredentials();
  }

  if (user.failedLogins > 0 || user.lockedUntil) {
    await Users.updateOne({ _id: user._id }, { $set: { failedLogins: 0 }, $unset: { lockedUntil: 1 } });
  }

  let orgId = user.memberships[0]?.orgId;
  if (input.org) {
    const org = await organisationModel(db)
      .findOne(isValidObjectId(input.org) ? { _id: input.org } : { slug: input.org }, { _id: 1 })
      .lean();
    orgId = org && user.memberships.some((item) => item.orgId.equals(org._id)) ? org._id : undefined;
    if (!orgId) throw new AppError(400, 'organisation-not-available');
  }
  if (!orgId) throw invalidCredentials();
  return createSession(db, { userId: user._id, orgId, method: 'password' });
}
