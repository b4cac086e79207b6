import type { MigrationResult, MigrationRow } from '../../../contracts/cases/case-migration.types';
import { offeredJurisdictions } from '../../../contracts/workflows/jurisdiction-choices';
import { stageIndex } from '../../../contracts/workflows/stage-tree.util';
import { notFound } from '../../../core/errors/app-error';
import { auditedWrite } from '../../audit';
import { ensureCan, withPermission, auditActor, type ServiceContext } from '../../access';
import { canMigrate, loadWorkflow, activeLeafPaths, type PersistedWorkflowSnapshot } from '../../workflows';
import { caseModel, type CaseRecord } from '../storage/case.model';
import { advanceCase, definitionOf } from './case-advance';
import type { CaseRuntime } from './case-runtime';
import { commitCase } from './case-writer';

/**
 * Moves running cases to a published version of an organisation's workflow, explicitly: the cases on its other
 * versions, and the organisation's cases still running on the template (or shared workflow) it was cloned from, so a
 * municipality's clone takes over from the national template. A dry run lists per case where each of its stages goes
 * and why a case cannot move (finished, or standing in a stage the new version removed or changed in kind). Only the
 * organisation's cases that the user may migrate are considered (the permission layer's `migrate` on Case, which an
 * administrator holds without reading case files). Each move is one conditional write, re-checked on the stored state.
 */
export async function migrateCases(rt: CaseRuntime, ctx: ServiceContext, workflowId: string, input: { toVersion: number; dryRun: boolean }): Promise<MigrationResult> {
  const wf = await loadWorkflow(ctx, workflowId);
  ensureCan(ctx.auth.ability, 'update', 'Workflow', wf);
  const ref = { source: 'workflow' as const, id: String(wf._id), version: input.toVersion };
  const toDef = await rt.catalog.definition(ref);
  if (!toDef) throw notFound();
  const sources: Record<string, unknown>[] = [{ 'workflow.source': 'workflow', 'workflow.definitionId': ref.id, 'workflow.version': { $ne: input.toVersion } }];
  if (wf.upstream) sources.push({ 'workflow.source': wf.upstream.source, 'workflow.definitionId': wf.upstream.id });
  // A workflow runs only the cases of the organisation it belongs to, whatever else the user may migrate.
  const filter = { orgId: wf.orgId, $or: sources };
  const cases = await caseModel(rt.db).find(withPermission(ctx.auth.ability, 'migrate', 'Case', filter)).sort({ reference: 1 }).lean();
  const toIndex = stageIndex(toDef);
  const isUpstream = (record: CaseRecord) => record.workflow.source !== 'workflow' || record.workflow.definitionId !== ref.id;
  // One entry for the whole move; a dry run writes nothing and leaves none.
  const event = input.dryRun ? null : { action: 'migrate', subjectType: 'Workflow', subjectId: workflowId };
  const rows = await auditedWrite(ctx.db, auditActor(ctx), () => event, async () => {
    const result: MigrationRow[] = [];
    for (const record of cases) {
      const fromDef = await definitionOf(rt, record);
      const snapshot = record.workflow.snapshot as PersistedWorkflowSnapshot;
      const check = canMigrate(snapshot, fromDef, toDef);
      const fromUpstream = isUpstream(record);
      const stages = snapshot.status === 'done' ? [] : activeLeafPaths(snapshot.value).map((from) => ({ from, to: toIndex.has(from) ? from : null }));
      const row: MigrationRow = { caseId: String(record._id), reference: record.reference, fromVersion: record.workflow.version, fromUpstream, stages, ok: check.ok };
      if (!check.ok) Object.assign(row, { reason: check.reason, ...(check.stagePath ? { stagePath: check.stagePath } : {}) });
      if (check.ok && !input.dryRun) {
        const moved = {
          ...record,
          workflow: { ...record.workflow, source: 'workflow' as const, definitionId: ref.id, version: input.toVersion,
            // A case keeps its country of return where the new version still offers it.
            jurisdiction: offeredJurisdictions(toDef).includes(record.workflow.jurisdiction) ? record.workflow.jurisdiction : toDef.jurisdiction },
        };
        const change = await advanceCase(rt, moved, { type: 'caseUpdated' }, ctx.auth.user._id.toHexString(), {
          type: 'migrated', detail: `${fromUpstream ? 'upstream:' : ''}${record.workflow.version}->${input.toVersion}`,
        });
        const committed = 'ok' in change ? null : await commitCase(rt, record, change);
        row.migrated = committed !== null;
        if (!committed) row.reason = 'changed-concurrently';
      }
      result.push(row);
    }
    return result;
  });
  return { dryRun: input.dryRun, toVersion: input.toVersion, cases: rows };
}
