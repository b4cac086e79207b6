// The public face of the audit module: the one audited-write path, the audit log's entries and outbox, and its
// routes.
export {
  AUDIT_OUTBOX_PATH, copyMissedEntries, copyToAuditLog, settleAuditCopies, storeCarriedEntries
} from './audit-outbox';
export { auditedWrite } from './audit-trail';
export type { AuditEntry } from './audit.model';
export { auditApi } from './audit.openapi';
export { auditRoutes } from './audit.routes';
export { type AuditActor, type AuditEvent, recordAudit, recordAudits } from './audit.service';
