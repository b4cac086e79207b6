import { isValidObjectId } from 'mongoose';
import { notFound } from '../../core/errors/app-error';
import { auditedWrite } from '../audit';
import type { LoginThrottle } from './login-throttle.service';
import { ensureCan, withPermission } from './permissions';
import { auditActor, type ServiceContext } from './service-context';
import { userModel } from './user.model';

/** Accounts whose sign-in is paused or locked now, among the users this person may change: id and until when. */
export async function listAccountLocks(ctx: ServiceContext, throttle: LoginThrottle): Promise<Array<{ userId: string; lockedUntil: Date }>> {
  const users = await userModel(ctx.db).find(withPermission(ctx.auth.ability, 'update', 'User'), { email: 1 }).lean();
  const locked = await throttle.lockedUntil(users.map((user) => user.email));
  return users.flatMap((user) => {
    const until = locked.get(user.email);
    return until ? [{ userId: String(user._id), lockedUntil: until }] : [];
  });
}

/**
 * An administrator ends every sign-in pause and lock of an account at once (the person called: it was them). Who may
 * change the user may unlock it; someone who may not even see the user gets 404. Audited.
 */
export async function unlockAccount(ctx: ServiceContext, throttle: LoginThrottle, userId: string): Promise<{ unlocked: boolean }> {
  if (!isValidObjectId(userId)) throw notFound();
  const user = await userModel(ctx.db).findOne(withPermission(ctx.auth.ability, 'read', 'User', { _id: userId })).lean();
  if (!user) throw notFound();
  ensureCan(ctx.auth.ability, 'update', 'User', user);
  const removed = await auditedWrite(ctx.db, auditActor(ctx), { action: 'unlock', subjectType: 'User', subjectId: String(user._id) }, () =>
    throttle.unlock(user.email),
  );
  return { unlocked: removed > 0 };
}
