import { notFound } from '../../core/errors/app-error';
import { withPermission, type ServiceContext } from '../access';
import { settleAuditCopies } from './audit-outbox';
import { auditModel, type AuditEntry } from './audit.model';

export interface AuditQuery {
  userId?: string;
  subjectType?: string;
  subjectId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  skip: number;
}

/** One page of the audit log this user may read, newest first, with the total of matching entries. */
export async function listAuditEntries(ctx: ServiceContext, query: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
  // Roles without any audit permission do not learn that the log exists.
  if (!ctx.auth.ability.can('read', 'AuditEntry')) throw notFound();
  const filter: Record<string, unknown> = {};
  if (query.userId) filter.userId = query.userId;
  if (query.subjectType) filter.subjectType = query.subjectType;
  if (query.subjectId) filter.subjectId = query.subjectId;
  if (query.action) filter.action = query.action;
  if (query.from || query.to) {
    filter.at = { ...(query.from ? { $gte: new Date(query.from) } : {}), ...(query.to ? { $lte: new Date(query.to) } : {}) };
  }
  const scoped = withPermission(ctx.auth.ability, 'read', 'AuditEntry', filter);
  // Entries stored with their records reach the log a moment later; what this process wrote is there first.
  await settleAuditCopies(ctx.db);
  const Audit = auditModel(ctx.db);
  const [items, total] = await Promise.all([
    Audit.find(scoped).sort({ at: -1, _id: -1 }).skip(query.skip).limit(query.limit).lean(),
    Audit.countDocuments(scoped),
  ]);
  return { items, total };
}
