// The public face of the audit module: the one audited-write path, the audit log's entries and outbox, and the
// reading of a page of it (who may read which entries is the permission layer's, in access).
export {
  AUDIT_OUTBOX_PATH, copyMissedEntries, copyToAuditLog, settleAuditCopies, storeCarriedEntries
} from './audit-outbox';
export { auditedWrite } from './audit-trail';
export type { AuditEntry } from './audit.model';
export { findAuditEntries } from './audit-query';
export { type AuditActor, type AuditEvent, recordAudit, recordAudits } from './audit.service';
