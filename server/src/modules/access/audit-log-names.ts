import type { ServiceContext } from './service-context';
import type { AuditEntryView, AuditName } from '../../contracts/audit/audit-entry-view.types';
import type { AuditEntry } from '../audit';

/**
 * Names the records of one subject type among `ids` that this reader may read (through the permission layer), in the
 * reader's language (`ctx.t`); those it leaves out are withheld. Each module that owns records names its own; app.ts hands them to the log.
 */
export type SubjectNamer = (ctx: ServiceContext, ids: string[]) => Promise<Map<string, { text: string; detail?: string }>>;

/** Namers by the subject type the entries record; `User` also names who acted. */
export type AuditNamers = Partial<Record<string, SubjectNamer>> & { User: SubjectNamer };

const WITHHELD: AuditName = { withheld: true };

/**
 * A page of entries with the people and records named as this reader may see them: each type's ids are named
 * together, each distinct id once. An id is given only with its name, or where the reader asked for it.
 */
export async function nameEntries(
  ctx: ServiceContext,
  entries: AuditEntry[],
  namers: AuditNamers,
  askedSubjectId?: string,
): Promise<AuditEntryView[]> {
  const idsByType = new Map<string, Set<string>>();
  const want = (type: string, id: string | null) => {
    if (!id || !namers[type]) return;
    if (!idsByType.has(type)) idsByType.set(type, new Set());
    idsByType.get(type)!.add(id);
  };
  for (const entry of entries) {
    want('User', entry.userId ? String(entry.userId) : null);
    want(entry.subjectType, entry.subjectId);
  }
  const named = new Map(
    await Promise.all(
      [...idsByType].map(async ([type, ids]) => [type, await namers[type]!(ctx, [...ids])] as const),
    ),
  );
  const nameOf = (type: string, id: string) => named.get(type)?.get(id);
  return entries.map((entry) => {
    const userId = entry.userId ? String(entry.userId) : null;
    const who = userId ? nameOf('User', userId) : undefined;
    const hasNamer = Boolean(namers[entry.subjectType]) && entry.subjectId !== null;
    const subject = hasNamer ? nameOf(entry.subjectType, entry.subjectId!) : undefined;
    // A record the log cannot name for this reader (no namer for its type) is withheld just the same.
    const subjectShown = subject !== undefined || (entry.subjectId !== null && entry.subjectId === askedSubjectId);
    return {
      _id: String(entry._id),
      at: entry.at.toISOString(),
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: subjectShown ? entry.subjectId : null,
      userId: who ? userId : null,
      orgId: entry.orgId ? String(entry.orgId) : null,
      sensitiveFields: entry.sensitiveFields ?? [],
      requestId: entry.requestId ?? null,
      who: userId ? (who ?? WITHHELD) : null,
      subject: entry.subjectId === null ? null : (subject ?? WITHHELD),
    };
  });
}
