import type { Connection } from 'mongoose';

/** Which inbox items a user has read in an organisation: one document per user and organisation, read by `_id`. */
export interface InboxState {
  _id: string;
  read: string[];
}

/** The newest marks kept; an item older than its mark's eviction shows as read anyway (it left the inbox by then). */
export const READ_MARKS_KEPT = 1000;

export const inboxStates = (db: Connection) => db.collection<InboxState>('inbox_states');
export const inboxStateId = (userId: string, orgId: string) => `${userId}:${orgId}`;
