import { isValidObjectId, type Connection } from 'mongoose';
import { organisationModel } from '../tenants';
import { invalidCredentials, organisationNotAvailable } from './access.errors';
import type { LoginThrottle, SignInOrigin } from './login-throttle.service';
import { verifyPassword } from './password';
import { createSession } from './session.service';
import { userModel } from './user.model';

// One answer for every failure (unknown user, wrong password, disabled): nothing to learn by probing. The sign-in
// limits (login-throttle.service.ts) count unknown and known e-mail addresses alike, so their answers do not tell
// them apart either.

/**
 * Signs in with e-mail and password under the sign-in limits: an attempt they hold back throws SignInBlocked
 * before the password is checked. Returns the session and the browser's device id (for its cookie).
 */
export async function loginWithPassword(
  db: Connection,
  throttle: LoginThrottle,
  input: { email: string; password: string; org?: string },
  origin: SignInOrigin,
) {
  const Users = userModel(db);
  const user = await Users.findOne({ email: input.email.toLowerCase() }).lean();
  const attempt = await throttle.begin(input.email, origin, user ? String(user._id) : undefined);

  let deviceId: string;
  try {
    const passwordOk = await verifyPassword(user?.passwordHash, input.password);
    if (!user || user.status !== 'active' || !passwordOk) {
      await attempt.failed();
      throw invalidCredentials();
    }
    deviceId = await attempt.succeeded(String(user._id));
  } catch (error) {
    await attempt.abandon().catch(() => undefined);
    throw error;
  }

  let orgId = user.memberships[0]?.orgId;
  if (input.org) {
    const org = await organisationModel(db)
      .findOne(isValidObjectId(input.org) ? { _id: input.org } : { slug: input.org }, { _id: 1 })
      .lean();
    orgId = org && user.memberships.some((item) => item.orgId.equals(org._id)) ? org._id : undefined;
    if (!orgId) throw organisationNotAvailable();
  }
  if (!orgId) throw invalidCredentials();
  return { ...(await createSession(db, { userId: user._id, orgId, method: 'password' })), deviceId };
}
