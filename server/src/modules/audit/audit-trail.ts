import type { Connection } from 'mongoose';
import { appendAuditEntry } from './audit-batcher';
import type { AuditEntry } from './audit.model';
import { auditEntry, type AuditActor, type AuditEvent } from './audit.service';

export interface AuditedWriteOptions {
  /**
   * The write stores the entry it is given in its own document (an outbox, audit-outbox.ts), so that no crash can
   * part the record from its entry, and delivers it to the log itself (`copyToAuditLog` in the background, or
   * `storeCarriedEntries` before the record forgets it); the record's recovery delivers what a crash left behind.
   */
  carried?: boolean;
}

/**
 * The one path by which every write is audited; reads and sign-ins, which write no record, use `recordAudit`.
 *  1. The entry is made before the write, with its id fixed, so that storing it again (a retried copy, a recovery)
 *     stores it once. An `event` that depends on the write's result is made from it afterwards; null means that
 *     nothing was written.
 *  2. The write runs. A write that throws leaves no entry.
 *  3. A carried entry is the write's to deliver; any other is stored in the log (by group commit, audit-batcher.ts)
 *     before the caller goes on, so that no action is reported done before its entry is durable.
 * Only names of fields go in, never values: an audit log must not become a second case file.
 */
export async function auditedWrite<T>(
  db: Connection,
  actor: AuditActor,
  event: AuditEvent,
  write: (entry: AuditEntry) => Promise<T>,
  options?: AuditedWriteOptions,
): Promise<T>;
export async function auditedWrite<T>(db: Connection, actor: AuditActor, event: (result: T) => AuditEvent | null, write: () => Promise<T>): Promise<T>;
export async function auditedWrite<T>(
  db: Connection,
  actor: AuditActor,
  event: AuditEvent | ((result: T) => AuditEvent | null),
  write: (entry: AuditEntry) => Promise<T>,
  options: AuditedWriteOptions = {},
): Promise<T> {
  if (typeof event === 'function') {
    const result = await (write as () => Promise<T>)();
    const late = event(result);
    if (late) await appendAuditEntry(db, auditEntry(actor, late));
    return result;
  }
  const entry = auditEntry(actor, event);
  const result = await write(entry);
  if (!options.carried) await appendAuditEntry(db, entry);
  return result;
}
