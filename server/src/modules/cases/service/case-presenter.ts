import type { CaseSummary, CaseView } from '../../../contracts/cases/case-view.types';
import { permittedFields, type ServiceContext } from '../../access';
import type { CaseRecord } from '../storage/case.model';

/** Field groups whose reading is audited (by name, never by value). */
export const SENSITIVE_GROUPS = ['identity', 'safeAccommodation', 'narrative', 'criminalProceedings'] as const;

/**
 * A case as this user may see it: only the field groups the rules permit for reading, plus the bookkeeping every
 * reader needs (id, version, dates). Overdue deadlines are marked so the case page can show them.
 */
export function presentCase(ctx: ServiceContext, record: CaseRecord, now: Date): { body: CaseView<Date>; sensitive: string[] } {
  const fields = permittedFields(ctx.auth.ability, 'read', 'Case', record);
  const body: CaseView<Date> = { id: String(record._id), version: record.version, createdAt: record.createdAt, updatedAt: record.updatedAt };
  // The permitted groups as stored (CASE_FIELDS are the case's top-level keys); the contract types each of them.
  const groups = body as unknown as Record<string, unknown>;
  for (const field of fields) {
    const value = (record as unknown as Record<string, unknown>)[field];
    groups[field] = field === 'orgId' ? String(value) : value;
  }
  if (fields.includes('workflow')) {
    const { firedTimers: _fired, timerKeys: _planned, ...workflow } = record.workflow;
    body.workflow = { ...workflow, overdue: record.workflow.deadlines.filter((d) => new Date(d.dueAt) <= now) };
  }
  return { body, sensitive: SENSITIVE_GROUPS.filter((g) => fields.includes(g) && record[g] !== null && record[g] !== undefined) };
}

/** A row of a case list: no sensitive groups, so listing never needs an audit entry per case. */
export function presentCaseSummary(ctx: ServiceContext, record: CaseRecord, now: Date): CaseSummary<Date> {
  const fields = new Set(permittedFields(ctx.auth.ability, 'read', 'Case', record));
  const nextDueAt = record.workflow.nextDueAt;
  return {
    id: String(record._id),
    version: record.version,
    reference: fields.has('reference') ? record.reference : undefined,
    alias: fields.has('alias') ? record.alias : undefined,
    assignees: fields.has('assignees') ? record.assignees : undefined,
    ...(fields.has('workflow')
      ? {
          status: record.workflow.snapshot.status,
          stages: record.workflow.activeStages,
          nextDueAt,
          overdue: nextDueAt !== null && new Date(nextDueAt) <= now,
        }
      : {}),
    updatedAt: record.updatedAt,
  };
}
