import type { MigrationResult, MigrationRow } from '../../../contracts/cases/case-migration.types';
import { notFound } from '../../../core/errors/app-error';
import { auditedWrite } from '../../audit/audit-trail';
import { ensureCan, withPermission } from '../../access/permissions';
import { auditActor, type ServiceContext } from '../../access/service-context';
import { canMigrate } from '../../workflows/versioning/workflow-migration';
import { loadWorkflow } from '../../workflows/service/workflow-access';
import type { PersistedWorkflowSnapshot } from '../../workflows/engine/persisted-snapshot';
import { caseModel } from '../storage/case.model';
import { advanceCase, definitionOf } from './case-advance';
import type { CaseRuntime } from './case-runtime';
import { commitCase } from './case-writer';

/**
 * Moves running cases of a workflow to another published version, explicitly. A dry run lists which cases can move
 * and why the others cannot (finished, or standing in a stage the new version removed or changed in kind); only
 * cases the user may update are considered. Each move is one conditional write, re-checked on the stored state.
 */
export async function migrateCases(rt: CaseRuntime, ctx: ServiceContext, workflowId: string, input: { toVersion: number; dryRun: boolean }): Promise<MigrationResult> {
  const wf = await loadWorkflow(ctx, workflowId);
  ensureCan(ctx.auth.ability, 'update', 'Workflow', wf);
  const ref = { source: 'workflow' as const, id: String(wf._id), version: input.toVersion };
  const toDef = await rt.catalog.definition(ref);
  if (!toDef) throw notFound();
  const filter = { 'workflow.source': 'workflow', 'workflow.definitionId': ref.id, 'workflow.version': { $ne: input.toVersion } };
  const cases = await caseModel(rt.db).find(withPermission(ctx.auth.ability, 'update', 'Case', filter)).sort({ reference: 1 }).lean();
  // One entry for the whole move; a dry run writes nothing and leaves none.
  const event = input.dryRun ? null : { action: 'migrate', subjectType: 'Workflow', subjectId: workflowId };
  const rows = await auditedWrite(ctx.db, auditActor(ctx), () => event, async () => {
    const result: MigrationRow[] = [];
    for (const record of cases) {
      const fromDef = await definitionOf(rt, record);
      const check = canMigrate(record.workflow.snapshot as PersistedWorkflowSnapshot, fromDef, toDef);
      const row: MigrationRow = { caseId: String(record._id), reference: record.reference, fromVersion: record.workflow.version, ok: check.ok };
      if (!check.ok) Object.assign(row, { reason: check.reason, ...(check.stagePath ? { stagePath: check.stagePath } : {}) });
      if (check.ok && !input.dryRun) {
        const moved = { ...record, workflow: { ...record.workflow, version: input.toVersion } };
        const change = await advanceCase(rt, moved, { type: 'caseUpdated' }, ctx.auth.user._id.toHexString(), {
          type: 'migrated', detail: `${record.workflow.version}->${input.toVersion}`,
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
