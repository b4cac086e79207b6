import type { TFunction } from 'i18next';
import type { Connection } from 'mongoose';
import { loadAuthContext, type ServiceContext, createSession, revokeSession, userModel } from '../access';
import { organisationModel } from '../tenants';

/**
 * Acts as a demo user inside the process, through the same session, rules and services as a request would, so the
 * demo content is made exactly as a caseworker would make it (and the audit log says who did it).
 */
export async function withDemoUser<T>(
  db: Connection,
  t: TFunction,
  email: string,
  orgSlug: string,
  work: (ctx: ServiceContext) => Promise<T>,
): Promise<T> {
  const user = await userModel(db).findOne({ email }).lean();
  const org = await organisationModel(db).findOne({ slug: orgSlug }).lean();
  if (!user || !org) throw new Error(`demo user ${email} in ${orgSlug} is missing`);
  const { session } = await createSession(db, { userId: user._id, orgId: org._id, method: 'password' });
  try {
    const auth = await loadAuthContext(db, session, 'token');
    if (!auth) throw new Error(`demo user ${email} cannot act in ${orgSlug}`);
    return await work({ db, auth, requestId: 'demo-content', t });
  } finally {
    await revokeSession(db, session._id);
  }
}
