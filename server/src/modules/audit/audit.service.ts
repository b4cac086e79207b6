import type { Connection, Types } from 'mongoose';
import { appendAuditEntry } from './audit-batcher';

export interface AuditActor {
  userId?: Types.ObjectId | null;
  orgId?: Types.ObjectId | null;
  requestId?: string | null;
}

export interface AuditEvent {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  sensitiveFields?: string[];
}

/**
 * Appends one entry and resolves once it is stored. Only names of fields go in, never values: an audit log must not
 * become a second case file.
 */
export async function recordAudit(db: Connection, actor: AuditActor, event: AuditEvent): Promise<void> {
  await appendAuditEntry(db, {
    at: new Date(),
    userId: actor.userId ?? null,
    orgId: actor.orgId ?? null,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId ?? null,
    sensitiveFields: [...new Set(event.sensitiveFields ?? [])].sort(),
    requestId: actor.requestId ?? null,
  });
}
