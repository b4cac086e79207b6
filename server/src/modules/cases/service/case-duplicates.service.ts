import { z } from 'zod';
import { permittedFields, withPermission, type ServiceContext } from '../../access';
import { caseModel, type CaseRecord } from '../storage/case.model';
import { presentCaseSummary } from './case-presenter';
import type { CaseRuntime } from './case-runtime';

export const DuplicateQuerySchema = z
  .strictObject({
    alias: z.string().trim().max(100).optional(),
    birthDate: z.iso.date().optional(),
    estimatedAge: z.coerce.number().int().min(0).max(120).optional(),
    nationality: z.string().regex(/^[A-Z]{2}$/).optional(),
  })
  .refine((query) => query.alias || query.birthDate || query.estimatedAge !== undefined, { path: ['alias'] });

export type DuplicateQuery = z.infer<typeof DuplicateQuerySchema>;
export type DuplicateCriterion = 'alias' | 'birthDate' | 'age' | 'nationality';

const MAX_RESULTS = 20;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ageOf = (record: CaseRecord, today: Date): number | undefined => {
  const identity = record.identity as { birthDate?: string; estimatedAge?: number } | undefined;
  if (typeof identity?.estimatedAge === 'number') return identity.estimatedAge;
  if (!identity?.birthDate) return undefined;
  const born = new Date(identity.birthDate);
  return Math.floor((today.getTime() - born.getTime()) / (365.25 * 86_400_000));
};

/**
 * `GET /api/cases/duplicates`: before a case is opened, the organisation's cases this user may read that may be the
 * same person: the same alias (whole or in part, any case), the same date of birth, or an age within two years, each
 * narrowed to the nationality when one is given. A case only counts as a match on field groups the user may read,
 * so the search reveals nothing the case page would not.
 */
export async function findDuplicates(rt: CaseRuntime, ctx: ServiceContext, query: DuplicateQuery) {
  const now = rt.clock.now();
  const or: Record<string, unknown>[] = [];
  if (query.alias) or.push({ alias: { $regex: escape(query.alias), $options: 'i' } });
  if (query.birthDate) or.push({ 'identity.birthDate': query.birthDate });
  if (query.estimatedAge !== undefined) or.push({ 'identity.estimatedAge': { $gte: query.estimatedAge - 2, $lte: query.estimatedAge + 2 } }, { 'identity.birthDate': { $exists: true } });
  const records = await caseModel(rt.db)
    .find(withPermission(ctx.auth.ability, 'read', 'Case', { orgId: ctx.auth.org._id, $or: or }))
    .sort({ updatedAt: -1 })
    .limit(500)
    .lean();
  const items = [];
  for (const record of records) {
    const fields = new Set(permittedFields(ctx.auth.ability, 'read', 'Case', record));
    const identity = fields.has('identity') ? (record.identity as { birthDate?: string; nationality?: string } | undefined) : undefined;
    const matched: DuplicateCriterion[] = [];
    if (query.alias && fields.has('alias') && record.alias?.toLowerCase().includes(query.alias.toLowerCase())) matched.push('alias');
    if (query.birthDate && identity?.birthDate === query.birthDate) matched.push('birthDate');
    const age = identity ? ageOf(record, now) : undefined;
    if (query.estimatedAge !== undefined && age !== undefined && Math.abs(age - query.estimatedAge) <= 2) matched.push('age');
    if (matched.length === 0) continue;
    if (query.nationality && identity?.nationality && identity.nationality !== query.nationality) continue;
    if (query.nationality && identity?.nationality === query.nationality) matched.push('nationality');
    items.push({ ...presentCaseSummary(ctx, record, now), matched });
    if (items.length === MAX_RESULTS) break;
  }
  return { items };
}
