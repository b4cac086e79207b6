import { isValidObjectId, type Types } from 'mongoose';
import { idempotent, newId, type IdempotencyKey } from '../../../core/db/idempotency';
import { forbidden, notFound, orVersionConflict, versionConflict } from '../../../core/errors/app-error';
import { jurisdictionNotOffered, workflowNotPublished } from '../case.errors';
import { offeredJurisdictions } from '../../../contracts/workflows/jurisdiction-choices';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { recordAudit, auditedWrite } from '../../audit';
import { can, ensureCan, fieldFilter, withPermission, auditActor, type ServiceContext } from '../../access';
import { organisationModel } from '../../tenants';
import { workflowModel, workflowTemplateModel, findTemplateVersion, type DefinitionRef } from '../../workflows';
import type { CaseListQuery, CreateCaseInput, UpdateCaseInput } from '../../../contracts/cases/case.schemas';
import { caseModel, type CaseRecord, type CaseWorkflow } from '../storage/case.model';
import { nextCaseReference } from '../storage/case-reference';
import { plannedTimers, syncTimerJobs, withDeadlines } from '../timers/case-deadlines';
import { advanceCase, type CaseChange } from './case-advance';
import { availableEvents } from './case-available-events';
import { caseContextOf } from './case-context';
import { ensureCaseAction, readableCase } from './case-access';
import { presentCase, presentCaseSummary, SENSITIVE_GROUPS } from './case-presenter';
import type { CaseRuntime } from './case-runtime';
import { startCase, trackStatuses } from './case-step';
import { sharesAfterConsentChange } from './case-sharing.service';
import { commitCase, syncSubmissionAccess, tellNews } from './case-writer';
import { storeNotifications } from './case-notifications';
import { listFromLists } from '../lists/case-list-query';
import { caseListWrite } from '../lists/case-list-sync';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function listCases(rt: CaseRuntime, ctx: ServiceContext, query: CaseListQuery) {
  // The precomputed lists answer when the user's rules map onto them (lists/case-list-plan.ts); the database query
  // gives the same answer for any rules, by reading every case document.
  return (await listFromLists(ctx, query, rt.clock.now())) ?? listCasesFromDatabase(rt, ctx, query);
}

export async function listCasesFromDatabase(rt: CaseRuntime, ctx: ServiceContext, query: CaseListQuery) {
  // A filter on a field group applies only where the user may read that group: otherwise the list would reveal
  // its values (which cases are in a stage, who is assigned, an alias) to someone not allowed to see them.
  const readable = (field: string) => fieldFilter(ctx.auth.ability, 'read', 'Case', field);
  const conditions: Record<string, unknown>[] = [];
  if (query.stage) conditions.push({ 'workflow.activeStages': query.stage }, readable('workflow'));
  if (query.overdue === 'true') conditions.push({ 'workflow.nextDueAt': { $lte: rt.clock.now() } }, readable('workflow'));
  if (query.assignedToMe === 'true') conditions.push({ assignees: ctx.auth.user._id.toHexString() }, readable('assignees'));
  if (query.unassigned === 'true') conditions.push({ assignees: { $size: 0 } }, readable('assignees'));
  if (query.q) {
    const text = { $regex: escapeRegex(query.q), $options: 'i' };
    conditions.push({ $or: [{ $and: [{ reference: text }, readable('reference')] }, { $and: [{ alias: text }, readable('alias')] }] });
  }
  const where = withPermission(ctx.auth.ability, 'read', 'Case', conditions.length ? { $and: conditions } : {});
  const sortField = query.sort.replace(/^-/, '');
  const sortKey = sortField === 'nextDueAt' ? 'workflow.nextDueAt' : sortField;
  const direction = query.sort.startsWith('-') ? -1 : 1;
  const Cases = caseModel(rt.db);
  const [items, total] = await Promise.all([
    Cases.find(where)
      .sort({ [sortKey]: direction, _id: direction })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean(),
    Cases.countDocuments(where),
  ]);
  const now = rt.clock.now();
  return { items: items.map((item) => presentCaseSummary(ctx, item, now)), total, page: query.page, pageSize: query.pageSize };
}

export async function getCase(rt: CaseRuntime, ctx: ServiceContext, id: string) {
  const record = await readableCase(ctx, id);
  const { body, sensitive } = presentCase(ctx, record, rt.clock.now());
  // The read's audit entry is stored while the events on offer are worked out (one wait instead of two); the answer
  // still leaves only once it is stored.
  const [events] = await Promise.all([
    availableEvents(rt, ctx, record),
    sensitive.length > 0 ? recordAudit(ctx.db, auditActor(ctx), { action: 'read', subjectType: 'Case', subjectId: id, sensitiveFields: sensitive }) : undefined,
  ]);
  return { ...body, ...events };
}

async function workflowRefFor(ctx: ServiceContext, workflowId: string): Promise<DefinitionRef> {
  if (isValidObjectId(workflowId)) {
    const wf = await workflowModel(ctx.db).findOne(withPermission(ctx.auth.ability, 'read', 'Workflow', { _id: workflowId })).lean();
    if (!wf || wf.latestVersion === 0) throw workflowNotPublished();
    return { source: 'workflow', id: String(wf._id), version: wf.latestVersion };
  }
  if (!can(ctx.auth.ability, 'read', 'WorkflowTemplate', {})) throw workflowNotPublished();
  // The newest version by `_id` (definition-keys.ts); only if it has problems are older ones searched.
  const newest = await findTemplateVersion(ctx.db, workflowId);
  const template =
    newest && newest.problemCount === 0 ? newest : await workflowTemplateModel(ctx.db).findOne({ key: workflowId, problemCount: 0 }).sort({ version: -1 }).lean();
  if (!template) throw workflowNotPublished();
  return { source: 'template', id: template.key, version: template.version };
}

/** Input keys stored in the workflow group rather than as groups of their own. */
const IN_WORKFLOW_GROUP = new Set(['dates', 'jurisdiction', 'contactPerson']);

/** Groups an input touches, in the permission vocabulary (`dates` and the contact person live in the workflow group). */
function touchedGroups(input: Partial<UpdateCaseInput>): string[] {
  const groups = Object.keys(input)
    .filter((key) => key !== 'version' && key !== 'workflowId' && (input as Record<string, unknown>)[key] !== undefined)
    .map((key) => (IN_WORKFLOW_GROUP.has(key) ? 'workflow' : key));
  return [...new Set(groups)];
}

function groupValues(input: Partial<UpdateCaseInput>): Partial<CaseRecord> {
  const { version: _v, dates: _d, contactPerson: _c, workflowId: _w, jurisdiction: _j, ...groups } = input as Partial<UpdateCaseInput> & { workflowId?: string; jurisdiction?: string };
  return Object.fromEntries(Object.entries(groups).filter(([, v]) => v !== undefined)) as Partial<CaseRecord>;
}

/** The workflow's recorded fields with the contact person the input sets (null removes it; absent leaves it). */
function withContactPerson(fields: Record<string, unknown>, contactPerson: UpdateCaseInput['contactPerson']): Record<string, unknown> {
  if (contactPerson === undefined) return fields;
  const { contactPerson: _old, ...rest } = fields;
  return contactPerson === null ? rest : { ...rest, contactPerson };
}

/**
 * The jurisdiction a new case runs under: the one asked for where the workflow offers it (a country of return, each
 * with its own parameters), else the workflow's default.
 */
function chosenJurisdiction(def: WorkflowDefinition, asked: string | undefined): string {
  if (asked === undefined || asked === def.jurisdiction) return def.jurisdiction;
  if (!(def.jurisdictions ?? []).includes(asked)) throw jurisdictionNotOffered(asked, offeredJurisdictions(def));
  return asked;
}

/**
 * Creates a case and starts its workflow. With an idempotency key the case is inserted under the id the key
 * reserved (core/db/idempotency.ts), so a retry answers with that case and never stores a second one.
 */
export async function createCase(rt: CaseRuntime, ctx: ServiceContext, input: CreateCaseInput, key?: IdempotencyKey) {
  return idempotent(ctx.db, key, {
    target: newId,
    replay: async (id) => {
      const record = await caseModel(rt.db).findOne({ _id: id, createdBy: ctx.auth.user._id.toHexString() }).lean();
      return record ? presentCase(ctx, record, rt.clock.now()).body : null;
    },
    run: (id, writing) => insertCase(rt, ctx, input, id, writing),
  });
}

async function insertCase(rt: CaseRuntime, ctx: ServiceContext, input: CreateCaseInput, id: Types.ObjectId, writing: () => void) {
  const orgId = ctx.auth.org._id;
  ensureCan(ctx.auth.ability, 'create', 'Case', { orgId });
  const groups = touchedGroups(input);
  const refused = groups.filter((field) => !can(ctx.auth.ability, 'create', 'Case', { orgId }, field));
  if (refused.length > 0) throw forbidden(refused);
  const ref = await workflowRefFor(ctx, input.workflowId);
  const now = rt.clock.now();
  const org = await organisationModel(rt.db).findById(orgId).lean();
  if (!org) throw notFound();
  const userId = ctx.auth.user._id.toHexString();
  const def = await rt.catalog.definition(ref);
  if (!def) throw workflowNotPublished();
  const jurisdiction = chosenJurisdiction(def, input.jurisdiction);
  const empty: CaseWorkflow = {
    source: ref.source, definitionId: ref.id, version: ref.version, jurisdiction,
    snapshot: { status: 'active', value: def.initial, stageEntries: {} }, activeStages: [], deadlines: [], nextDueAt: null,
    firedTimers: [], dates: { ...(input.dates ?? {}) }, fields: withContactPerson({}, input.contactPerson), tasks: [], requiredForms: [], consentRequests: [],
    childBranch: null, submissions: [], timeline: [{ at: now, type: 'created', by: userId, fields: groups }],
  };
  const draft = {
    _id: id,
    orgId,
    identity: input.identity ?? { ageUncertain: false, languages: [] },
    consents: input.consents ?? {},
    workflow: empty,
  };
  const params = await rt.catalog.parameters(orgId, jurisdiction);
  const ctxEval = { case: caseContextOf(draft, params, now), submissions: {}, params };
  const started = startCase(def, empty, ctxEval, now, userId);
  const timers = plannedTimers(def, started.workflow, ctxEval, now);
  const workflow = withDeadlines(started.workflow, timers);
  const { services, checkpoints } = trackStatuses(workflow.snapshot as never);
  const reference = await nextCaseReference(rt.db, org, now);
  const sensitiveFields = groups.filter((g) => (SENSITIVE_GROUPS as readonly string[]).includes(g));
  const record = await auditedWrite(ctx.db, auditActor(ctx), { action: 'create', subjectType: 'Case', subjectId: String(draft._id), sensitiveFields }, async () => {
    writing();
    const listing = await caseListWrite(rt.db, draft._id);
    const created = await caseModel(rt.db).create({
      ...groupValues(input),
      _id: draft._id,
      reference,
      orgId,
      assignees: input.assignees ?? [userId],
      identity: draft.identity,
      consents: draft.consents,
      plan: { goals: [], reviewDates: [], obstacles: [], riskFlags: [], ...(input.plan ?? {}), services, checkpoints },
      workflow,
      sharedWith: [],
      version: 0,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
    });
    const stored = created.toObject() as CaseRecord;
    await listing.done();
    await syncTimerJobs(rt.db, stored, timers, now);
    await storeNotifications(rt, stored, started.notifications, now);
    return stored;
  });
  tellNews(rt, record, started.notifications, []);
  return presentCase(ctx, record, now).body;
}

/**
 * Updates field groups of the case the editor saw (`version`). Every group written must be permitted for update;
 * guards are re-checked with the new values (a consent or an age can open a path), all in one conditional write.
 */
export async function updateCase(rt: CaseRuntime, ctx: ServiceContext, id: string, input: UpdateCaseInput) {
  const record = await readableCase(ctx, id);
  const groups = touchedGroups(input);
  ensureCaseAction(ctx, record, 'update');
  ensureCaseAction(ctx, record, 'update', groups);
  if (record.version !== input.version) throw versionConflict();
  const userId = ctx.auth.user._id.toHexString();
  const next: CaseRecord = {
    ...record,
    ...groupValues(input),
    workflow: { ...record.workflow, dates: { ...record.workflow.dates, ...(input.dates ?? {}) }, fields: withContactPerson(record.workflow.fields, input.contactPerson) },
  };
  let ended: string[] = [];
  if (input.consents) {
    const after = sharesAfterConsentChange(next, rt.clock.now(), userId);
    next.sharedWith = after.sharedWith;
    next.shareGroups = after.shareGroups;
    next.workflow = { ...next.workflow, fields: { ...next.workflow.fields, shares: after.shares }, timeline: [...next.workflow.timeline, ...after.timeline] };
    ended = after.ended;
  }
  if (input.plan) next.plan = { ...input.plan, services: record.plan.services, checkpoints: record.plan.checkpoints, needs: record.plan.needs };
  const extra = { type: 'updated', fields: groups };
  const advanced = record.workflow.snapshot.status === 'done' ? null : await advanceCase(rt, next, { type: 'caseUpdated' }, userId, extra);
  // A finished workflow accepts no events; the update is still recorded on the timeline.
  const change: CaseChange =
    advanced && !('ok' in advanced)
      ? advanced
      : { set: { plan: next.plan, workflow: { ...next.workflow, timeline: [...next.workflow.timeline, { at: rt.clock.now(), by: userId, ...extra }] } }, timers: [], notifications: [] };
  const sensitiveFields = groups.filter((g) => (SENSITIVE_GROUPS as readonly string[]).includes(g));
  const committed = await auditedWrite(ctx.db, auditActor(ctx), { action: 'update', subjectType: 'Case', subjectId: id, sensitiveFields }, async () =>
    orVersionConflict(
      await commitCase(rt, record, { ...change, set: { ...groupValues(input), ...(input.consents ? { sharedWith: next.sharedWith, shareGroups: next.shareGroups ?? [] } : {}), ...change.set } }),
    ),
  );
  // The referrals that gave those organisations access are ended (the referrals module keeps their records).
  if (ended.length > 0) await rt.referrals?.accessEnded(id, ended, rt.clock.now());
  return presentCase(ctx, committed, rt.clock.now()).body;
}

export async function caseTimeline(ctx: ServiceContext, id: string) {
  const record = await readableCase(ctx, id);
  ensureCaseAction(ctx, record, 'read', ['workflow']);
  return record.workflow.timeline;
}

export { syncSubmissionAccess };
