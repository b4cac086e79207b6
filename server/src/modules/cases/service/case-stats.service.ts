import { topStageOf } from '../../../contracts/workflows/stage-name.util';
import { permittedFields, withPermission, type ServiceContext } from '../../access';
import { caseModel, type CaseRecord } from '../storage/case.model';
import type { CaseRuntime } from './case-runtime';
import { statsFromLists } from '../lists/case-list-query';

export interface CaseStats {
  /** Cases the user may see. */
  total: number;
  /** Of those, assigned to the user. */
  mine: number;
  /** Cases whose position the user may see and that have an open deadline in the past. */
  overdue: number;
  /** Top-level stage → number of cases in it (a case in parallel tracks counts once per top-level stage). */
  perStage: Record<string, number>;
  overdueByStage: Record<string, number>;
}

const BATCH = 200;

/**
 * The dashboard's figures over every case the user may read, not only a first page. Each case is counted through
 * the same rules as the case list: the workflow position and assignees count only where the user may read those
 * field groups on that case, so the figures reveal nothing the list would not. Cases are streamed in batches.
 */
export async function caseStats(rt: CaseRuntime, ctx: ServiceContext): Promise<CaseStats> {
  // The precomputed lists' counts, where the user's rules map onto them (lists/case-list-query.ts); otherwise every case.
  return (await statsFromLists(ctx, rt.clock.now())) ?? caseStatsFromDatabase(rt, ctx);
}

export async function caseStatsFromDatabase(rt: CaseRuntime, ctx: ServiceContext): Promise<CaseStats> {
  const stats: CaseStats = { total: 0, mine: 0, overdue: 0, perStage: {}, overdueByStage: {} };
  const me = ctx.auth.user._id.toHexString();
  const now = rt.clock.now();
  const cursor = caseModel(ctx.db).find(withPermission(ctx.auth.ability, 'read', 'Case', {})).lean().batchSize(BATCH).cursor();
  for await (const record of cursor as AsyncIterable<CaseRecord>) {
    stats.total += 1;
    const fields = new Set(permittedFields(ctx.auth.ability, 'read', 'Case', record));
    if (fields.has('assignees') && record.assignees.includes(me)) stats.mine += 1;
    if (!fields.has('workflow')) continue;
    const stages = [...new Set(record.workflow.activeStages.map(topStageOf))];
    const overdue = record.workflow.nextDueAt !== null && new Date(record.workflow.nextDueAt) <= now;
    if (overdue) stats.overdue += 1;
    for (const stage of stages) {
      stats.perStage[stage] = (stats.perStage[stage] ?? 0) + 1;
      if (overdue) stats.overdueByStage[stage] = (stats.overdueByStage[stage] ?? 0) + 1;
    }
  }
  return stats;
}
