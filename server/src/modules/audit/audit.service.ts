import { Types, type Connection } from 'mongoose';
import { appendAuditEntries, appendAuditEntry } from './audit-batcher';
import type { AuditEntry } from './audit.model';

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
 * Appends one entry for something that writes no record of its own (a read of sensitive fields, an export, a sign-in
 * or sign-out) and resolves once it is stored; writes are audited through `auditedWrite` (audit-trail.ts). Only
 * names of fields go in, never values: an audit log must not become a second case file.
 */
export async function recordAudit(db: Connection, actor: AuditActor, event: AuditEvent): Promise<void> {
  await appendAuditEntry(db, auditEntry(actor, event));
}

/** Several events of one request (e.g. the sensitive fields read in each of a case's submissions), stored together. */
export async function recordAudits(db: Connection, actor: AuditActor, events: readonly AuditEvent[]): Promise<void> {
  await appendAuditEntries(db, events.map((event) => auditEntry(actor, event)));
}

/** The entry for an event, with its id fixed here (so that writing it twice stores it once). */
export function auditEntry(actor: AuditActor, event: AuditEvent): AuditEntry {
  return {
    _id: new Types.ObjectId(),
    at: new Date(),
    userId: actor.userId ?? null,
    orgId: actor.orgId ?? null,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId ?? null,
    sensitiveFields: [...new Set(event.sensitiveFields ?? [])].sort(),
    requestId: actor.requestId ?? null,
  };
}
