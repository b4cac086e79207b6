import { isValidObjectId, Types } from 'mongoose';
import { notFound, orVersionConflict, versionConflict } from '../../../core/errors/app-error';
import { workflowInvalid } from '../workflow.errors';
import { auditedWrite } from '../../audit';
import { can, ensureCan, withPermission, auditActor, type ServiceContext } from '../../access';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import type { WorkflowProblem } from '../../../contracts/workflows/workflow-problem.types';
import { workflowSchemaProblems } from '../../../contracts/workflows/workflow-schema-problems';
import { definitionFromText, definitionToText } from '../storage/definition-text';
import type { WorkflowCatalog } from '../storage/workflow-catalog';
import { workflowModel, type WorkflowRecord, type WorkflowUpstream } from '../storage/workflow.model';
import { workflowTemplateModel, type WorkflowTemplateRecord } from '../storage/workflow-template.model';
import { workflowVersionModel } from '../storage/workflow-version.model';
import { findPublishedVersion, findTemplateVersion, rememberWorkflowVersion } from '../storage/definition-keys';
import { loadWorkflow } from './workflow-access';
import { assertValid, problemsFor } from './workflow-validation.service';

export interface WorkflowDeps {
  catalog: WorkflowCatalog;
  now: () => Date;
}

export async function listWorkflows(ctx: ServiceContext, filter: { shared?: boolean }): Promise<WorkflowRecord[]> {
  if (filter.shared) {
    // Shared workflows of other organisations are offered for cloning only, so the right to clone is what counts.
    if (!can(ctx.auth.ability, 'clone', 'WorkflowTemplate', {})) return [];
    return workflowModel(ctx.db).find({ shared: true, latestVersion: { $gt: 0 } }).sort({ key: 1 }).lean();
  }
  return workflowModel(ctx.db).find(withPermission(ctx.auth.ability, 'read', 'Workflow')).sort({ key: 1, _id: 1 }).lean();
}

export async function listTemplates(ctx: ServiceContext): Promise<WorkflowTemplateRecord[]> {
  if (!can(ctx.auth.ability, 'read', 'WorkflowTemplate', {})) return [];
  return workflowTemplateModel(ctx.db).find({}).sort({ key: 1, version: 1 }).lean();
}

export async function getTemplate(ctx: ServiceContext, key: string, version?: number): Promise<WorkflowTemplateRecord> {
  if (!can(ctx.auth.ability, 'read', 'WorkflowTemplate', {})) throw notFound();
  const found = await findTemplateVersion(ctx.db, key, version || undefined);
  if (!found) throw notFound();
  return found;
}

/**
 * A draft may be incomplete but never wrong: a value that breaks the format (a duration such as `30 days`, a stage id
 * with a space) is refused when it is saved, each at its field; what is still missing is reported only at publishing.
 */
function refuseWrongValues(definition: unknown): void {
  const wrong = workflowSchemaProblems(definition).filter((problem) => problem.code !== 'required');
  if (wrong.length > 0) throw workflowInvalid(wrong);
}

function definitionKey(definition: unknown): string {
  const id = (definition as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(id)) {
    throw workflowInvalid([{ path: '/id', code: 'schema' }]);
  }
  return id;
}

export async function createWorkflow(ctx: ServiceContext, input: { definition: Record<string, unknown>; shared?: boolean }) {
  const orgId = ctx.auth.org._id;
  ensureCan(ctx.auth.ability, 'create', 'Workflow', { orgId });
  const key = definitionKey(input.definition);
  refuseWrongValues(input.definition);
  const _id = new Types.ObjectId();
  const created = await auditedWrite(ctx.db, auditActor(ctx), { action: 'create', subjectType: 'Workflow', subjectId: _id.toHexString() }, () =>
    workflowModel(ctx.db).create({
      _id,
      orgId,
      key,
      draftText: definitionToText(input.definition),
      shared: input.shared ?? false,
      upstream: null,
    }),
  );
  return created.toObject();
}

/** Saves the draft when the editor saw the current revision; a stale revision is 409, never a lost edit. */
export async function updateDraft(
  ctx: ServiceContext,
  id: string,
  input: { definition?: Record<string, unknown>; shared?: boolean; revision: number },
): Promise<WorkflowRecord> {
  const current = await loadWorkflow(ctx, id);
  ensureCan(ctx.auth.ability, 'update', 'Workflow', current);
  const set: Record<string, unknown> = {};
  if (input.definition) {
    if (definitionKey(input.definition) !== current.key) {
      throw workflowInvalid([{ path: '/id', code: 'schema', params: { message: 'id cannot change' } }]);
    }
    refuseWrongValues(input.definition);
    set.draftText = definitionToText(input.definition);
  }
  if (input.shared !== undefined) set.shared = input.shared;
  return auditedWrite(ctx.db, auditActor(ctx), { action: 'update', subjectType: 'Workflow', subjectId: id }, async () =>
    orVersionConflict(
      await workflowModel(ctx.db)
        .findOneAndUpdate({ _id: current._id, revision: input.revision }, { $set: set, $inc: { revision: 1 } }, { returnDocument: 'after' })
        .lean(),
    ),
  );
}

export async function validateDraft(deps: WorkflowDeps, ctx: ServiceContext, id: string): Promise<WorkflowProblem[]> {
  const current = await loadWorkflow(ctx, id);
  return problemsFor(deps.catalog, current.orgId, definitionFromText(current.draftText));
}

export async function validateDefinition(deps: WorkflowDeps, ctx: ServiceContext, definition: unknown): Promise<WorkflowProblem[]> {
  return problemsFor(deps.catalog, ctx.auth.org._id, definition);
}

/**
 * Publishes the draft as the next immutable version. The version record is inserted first under a unique
 * (workflow, version) index, so of two publishers of the same revision exactly one gets that number.
 */
export async function publishWorkflow(deps: WorkflowDeps, ctx: ServiceContext, id: string, revision: number) {
  const current = await loadWorkflow(ctx, id);
  ensureCan(ctx.auth.ability, 'publish', 'Workflow', current);
  if (current.revision !== revision) throw versionConflict();
  const version = current.latestVersion + 1;
  const definition: WorkflowDefinition = { ...definitionFromText(current.draftText), version };
  if (current.upstream) definition.upstream = { id: current.upstream.id, version: current.upstream.version };
  await assertValid(deps.catalog, current.orgId, definition);
  const Versions = workflowVersionModel(ctx.db);
  // The unique (workflow, version) index must exist before the first insert; init() builds the model's indexes
  // once per connection and afterwards returns at once (createIndexes() asked the database again on every publish).
  await Versions.init();
  // The version and the workflow are written as one audited change: a version withdrawn again leaves no entry.
  return auditedWrite(ctx.db, auditActor(ctx), { action: 'publish', subjectType: 'Workflow', subjectId: id }, async () => {
    let inserted;
    try {
      inserted = await Versions.create({
        workflowId: current._id,
        orgId: current.orgId,
        version,
        definitionText: definitionToText(definition),
        upstream: current.upstream,
        publishedAt: deps.now(),
        publishedBy: ctx.auth.user._id,
      });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) throw versionConflict();
      throw error;
    }
    const updated = await workflowModel(ctx.db)
      .findOneAndUpdate(
        { _id: current._id, revision, latestVersion: current.latestVersion },
        { $set: { latestVersion: version, draftText: definitionToText(definition) }, $inc: { revision: 1 } },
        { returnDocument: 'after' },
      )
      .lean();
    if (!updated) {
      // The draft changed while publishing: the version was never visible, so withdrawing it loses nothing.
      await Versions.deleteOne({ _id: inserted._id });
      throw versionConflict();
    }
    await rememberWorkflowVersion(ctx.db, inserted);
    return { workflow: updated, version };
  });
}

export async function getVersion(ctx: ServiceContext, id: string, version: number) {
  // The permission check on the workflow, without its draft (tens of kilobytes the answer does not use).
  const current = await loadWorkflow(ctx, id, 'read', { draftText: 0 });
  // Only published versions: a number above the latest may be one being published (and withdrawn again).
  if (version < 1 || version > current.latestVersion) throw notFound();
  const found = await findPublishedVersion(ctx.db, current._id, version);
  if (!found) throw notFound();
  return { version: found.version, publishedAt: found.publishedAt, definition: definitionFromText(found.definitionText) };
}

/** The definition of an upstream at a version: a template, or a shared workflow's published version. */
export async function upstreamDefinition(ctx: ServiceContext, upstream: Omit<WorkflowUpstream, 'version'> & { version?: number }) {
  if (upstream.source === 'template') {
    const found = await findTemplateVersion(ctx.db, upstream.id, upstream.version || undefined);
    return found && found.problemCount === 0 ? { version: found.version, definition: definitionFromText(found.definitionText) } : null;
  }
  if (!isValidObjectId(upstream.id)) return null;
  // Without its draft (tens of kilobytes nobody reads here).
  const source = await workflowModel(ctx.db).findById(upstream.id, { draftText: 0 }).lean();
  // An owner may stop sharing; the own organisation's workflows may always be cloned within it.
  if (!source || (!source.shared && !source.orgId.equals(ctx.auth.org._id))) return null;
  // Only published versions, found by their key (`_id`) or kept in memory: a find by (workflow, version) would make
  // the embedded database read every stored version (docs/case-queries.md).
  const version = upstream.version || source.latestVersion;
  if (!version || version > source.latestVersion) return null;
  const found = await findPublishedVersion(ctx.db, source._id, version);
  return found ? { version: found.version, definition: definitionFromText(found.definitionText) } : null;
}

/** Clones a template, or a workflow another organisation shares, into the user's organisation as a new draft. */
export async function cloneWorkflow(
  ctx: ServiceContext,
  input: { source: 'template' | 'workflow'; id: string; version?: number },
): Promise<WorkflowRecord> {
  const orgId = ctx.auth.org._id;
  ensureCan(ctx.auth.ability, 'clone', 'WorkflowTemplate', {});
  ensureCan(ctx.auth.ability, 'create', 'Workflow', { orgId });
  const found = await upstreamDefinition(ctx, input);
  if (!found) throw notFound();
  const upstream: WorkflowUpstream = { source: input.source, id: input.id, version: found.version };
  const draft: WorkflowDefinition = { ...found.definition, version: 1, upstream: { id: upstream.id, version: upstream.version } };
  const _id = new Types.ObjectId();
  const created = await auditedWrite(ctx.db, auditActor(ctx), { action: 'clone', subjectType: 'Workflow', subjectId: _id.toHexString() }, () =>
    workflowModel(ctx.db).create({ _id, orgId, key: draft.id, draftText: definitionToText(draft), upstream, shared: false }),
  );
  return created.toObject();
}
