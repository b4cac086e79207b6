import { notFound } from '../../core/errors/app-error';
import { findAuditEntries, type AuditEntry } from '../audit';
import { withPermission } from './permissions';
import type { ServiceContext } from './service-context';

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
  return findAuditEntries(ctx.db, withPermission(ctx.auth.ability, 'read', 'AuditEntry', filter), query);
}
