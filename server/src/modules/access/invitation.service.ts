import { createHash, randomBytes } from 'node:crypto';
import type { Connection, Types } from 'mongoose';
import { recordAudit } from '../audit';
import { invitationInvalid } from './access.errors';
import { invitationModel } from './invitation.model';
import { hashPassword } from './password';
import { userModel } from './user.model';

/** How long an invitation link works: long enough to reach a colleague on leave, short enough to go stale. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * A single-use link for a new user to set their own password: nobody chooses or sends a password for them. The token
 * (32 random bytes) goes only into the answer to the administrator who created the user; the database keeps its hash.
 */
export async function createInvitation(db: Connection, userId: Types.ObjectId, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  await invitationModel(db).create({ _id: digest(token), userId, expiresAt, createdAt: now });
  return { token, expiresAt };
}

/**
 * Sets the password of the invited user and uses the invitation up. Unknown, used and expired links get the same
 * answer. Deleting the invitation is the claim: of two uses of one link at once only the one whose delete removed it
 * sets a password (FerretDB makes the delete of one `_id` count once).
 */
export async function acceptInvitation(db: Connection, token: string, password: string, now: Date, requestId?: string): Promise<void> {
  const Invitations = invitationModel(db);
  const id = digest(token);
  const invitation = await Invitations.findOne({ _id: id }).lean();
  if (!invitation) throw invitationInvalid();
  const claimed = await Invitations.deleteOne({ _id: id });
  if (claimed.deletedCount !== 1 || invitation.expiresAt.getTime() <= now.getTime()) throw invitationInvalid();
  const passwordHash = await hashPassword(password);
  const updated = await userModel(db).updateOne({ _id: invitation.userId, status: 'active' }, { $set: { passwordHash } });
  if (updated.matchedCount !== 1) throw invitationInvalid();
  await recordAudit(db, { userId: invitation.userId, orgId: null, requestId: requestId ?? null }, { action: 'set-password', subjectType: 'User', subjectId: invitation.userId.toHexString() });
}
