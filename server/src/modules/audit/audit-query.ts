import type { Connection } from 'mongoose';
import { settleAuditCopies } from './audit-outbox';
import { auditModel, type AuditEntry } from './audit.model';

/**
 * One page of the entries a filter selects, newest first, with the total it matches. The filter comes already
 * narrowed by the permission layer (access/audit-log.service.ts): this module stores the log, access decides who reads it.
 */
export async function findAuditEntries(
  db: Connection,
  filter: Record<string, unknown>,
  page: { skip: number; limit: number },
): Promise<{ items: AuditEntry[]; total: number }> {
  // Entries stored with their records reach the log a moment later; what this process wrote is there first.
  await settleAuditCopies(db);
  const Audit = auditModel(db);
  const [items, total] = await Promise.all([
    Audit.find(filter).sort({ at: -1, _id: -1 }).skip(page.skip).limit(page.limit).lean(),
    Audit.countDocuments(filter),
  ]);
  return { items, total };
}
