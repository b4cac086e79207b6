import { orVersionConflict } from '../../../core/errors/app-error';
import { workflowMergeConflicts, workflowNoUpstream, workflowUpstreamUnavailable } from '../workflow.errors';
import { auditedWrite } from '../../audit';
import { ensureCan, auditActor, type ServiceContext } from '../../access';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { diffWorkflows } from '../versioning/workflow-diff';
import { mergeWorkflows, type MergeConflict } from '../versioning/workflow-merge';
import { definitionFromText, definitionToText } from '../storage/definition-text';
import { workflowModel, type WorkflowRecord } from '../storage/workflow.model';
import { loadWorkflow } from './workflow-access';
import { upstreamDefinition, type WorkflowDeps } from './workflow.service';
import { assertValid } from './workflow-validation.service';

async function upstreamPair(ctx: ServiceContext, current: WorkflowRecord) {
  if (!current.upstream) throw workflowNoUpstream();
  const base = await upstreamDefinition(ctx, current.upstream);
  const newest = await upstreamDefinition(ctx, { source: current.upstream.source, id: current.upstream.id });
  if (!base || !newest) throw workflowUpstreamUnavailable();
  return { base, newest };
}

/** Differences of the draft to its upstream as cloned, to the upstream's newest version, and what upstream changed. */
export async function diffToUpstream(ctx: ServiceContext, id: string) {
  const current = await loadWorkflow(ctx, id);
  const { base, newest } = await upstreamPair(ctx, current);
  const draft = definitionFromText(current.draftText);
  return {
    upstream: { ...current.upstream, newestVersion: newest.version },
    asCloned: diffWorkflows(base.definition, draft),
    toNewest: diffWorkflows(newest.definition, draft),
    upstreamChanges: diffWorkflows(base.definition, newest.definition),
  };
}

/** Sets the value at a JSON pointer inside a plain JSON value (creating nothing: the path exists in `theirs`). */
function setAtPointer(root: unknown, pointer: string, value: unknown): void {
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = segments.pop();
  if (last === undefined) return;
  let node = root as Record<string, unknown>;
  for (const segment of segments) node = node[segment] as Record<string, unknown>;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/**
 * Three-way merge of the upstream's newest version into the draft. Conflicts are never resolved silently: unless the
 * caller says for each conflicting path whether to keep ours or take theirs, nothing is saved and the conflicts are
 * returned (409). The merged draft is validated before it is saved, and the clone then records the newer upstream.
 */
export async function mergeUpstream(
  deps: WorkflowDeps,
  ctx: ServiceContext,
  id: string,
  input: { revision: number; resolutions?: Record<string, 'ours' | 'theirs'> },
) {
  const current = await loadWorkflow(ctx, id);
  ensureCan(ctx.auth.ability, 'update', 'Workflow', current);
  const { base, newest } = await upstreamPair(ctx, current);
  const { merged, conflicts } = mergeWorkflows(base.definition, definitionFromText(current.draftText), newest.definition);
  const unresolved: MergeConflict[] = conflicts.filter((c) => !input.resolutions?.[c.path]);
  if (unresolved.length > 0) {
    throw workflowMergeConflicts(unresolved, newest.version);
  }
  for (const conflict of conflicts) {
    if (input.resolutions?.[conflict.path] === 'theirs') setAtPointer(merged, conflict.path, structuredClone(conflict.theirs));
  }
  const upstream = { ...current.upstream!, version: newest.version };
  const definition: WorkflowDefinition = { ...merged, upstream: { id: upstream.id, version: upstream.version } };
  await assertValid(deps.catalog, current.orgId, { ...definition, version: Math.max(1, current.latestVersion + 1) });
  const updated = await auditedWrite(ctx.db, auditActor(ctx), { action: 'merge', subjectType: 'Workflow', subjectId: id }, async () =>
    orVersionConflict(
      await workflowModel(ctx.db)
        .findOneAndUpdate(
          { _id: current._id, revision: input.revision },
          { $set: { draftText: definitionToText(definition), upstream }, $inc: { revision: 1 } },
          { returnDocument: 'after' },
        )
        .lean(),
    ),
  );
  return { workflow: updated, resolved: conflicts };
}
