import { planNotReadable } from '../case.errors';
import { permittedFields, auditActor, type ServiceContext } from '../../access';
import { recordAudit } from '../../audit';
import { type ExportLanguage, renderPdf } from '../../export';
import { organisationModel } from '../../tenants';
import { grantSummaryFor } from '../grants/grant.service';
import { ensureCaseAction, readableCase } from './case-access';
import { planDocument, type PlanView } from './case-plan-document';
import { SENSITIVE_GROUPS } from './case-presenter';
import type { CaseRuntime } from './case-runtime';

/** Field groups the plan document shows besides the plan itself. */
const DOCUMENT_GROUPS = ['reference', 'alias', 'orgId', 'workflow', 'consents', 'integration'] as const;

export interface PlanPdf {
  filename: string;
  body: Buffer;
}

/** `plan-HELS-2025-00001.pdf`; only characters every file system and header accepts. */
const fileNameOf = (label: string) => `plan-${label.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;

/**
 * The case's plan of assistance as a PDF in the reader's language. The case is found exactly as `GET /cases/:id`
 * finds it (`readableCase`: a case this user may not read is the same 404 as a missing one), and the document is
 * built from the field groups the rules let this user read, nothing else.
 *
 * A reader who may see the case but not its `plan` group gets a 403 problem rather than a PDF: a "plan of
 * assistance" holding only a reference and dates would look like an empty plan, and a caseworker printing it for a
 * meeting would take it for one. The 403 says plainly that the plan exists but is not theirs to read (the case's
 * existence is no secret to someone who may open it). Other groups (position and deadlines, consents, alias) are
 * simply left out, with a note that parts were withheld.
 */
export async function casePlanPdf(rt: CaseRuntime, ctx: ServiceContext, id: string, lang: ExportLanguage): Promise<PlanPdf> {
  const record = await readableCase(ctx, id);
  // A file leaves the system's access control once downloaded, so reading the case is not enough: the role needs
  // the `export` action on it (deny by default; the caseworker, national coordinator and IOM presets have it).
  ensureCaseAction(ctx, record, 'export');
  const fields = new Set(permittedFields(ctx.auth.ability, 'read', 'Case', record));
  if (!fields.has('plan')) throw planNotReadable();
  const now = rt.clock.now();

  let workflow: PlanView['workflow'];
  if (fields.has('workflow')) {
    const { source, definitionId, version } = record.workflow;
    // Translation keys hang on the definition's own id (kept by clones), not on an organisation workflow's record id.
    const definition = await rt.catalog.definition({ source, id: definitionId, version });
    // The stage names an administrator gave come from that same pinned version, as the case page reads them.
    workflow = {
      workflowId: definition?.id ?? null,
      ...(definition?.stageNames ? { stageNames: definition.stageNames } : {}),
      activeStages: record.workflow.activeStages,
      deadlines: record.workflow.deadlines,
    };
  }
  // The reintegration grant's totals, for readers whose rules reach the grant (the programme's own staff).
  const grant = await grantSummaryFor(ctx, record);
  const organisation = fields.has('orgId') ? await organisationModel(ctx.db).findById(record.orgId, { name: 1 }).lean() : null;

  const view: PlanView = {
    plan: record.plan ?? {},
    createdAt: record.createdAt,
    ...(fields.has('reference') ? { reference: record.reference } : {}),
    ...(fields.has('alias') && record.alias ? { alias: record.alias } : {}),
    ...(organisation ? { organisation: organisation.name } : {}),
    ...(workflow ? { workflow } : {}),
    ...(fields.has('consents') ? { consents: record.consents ?? {} } : {}),
    ...(fields.has('integration') ? { integration: (record.integration ?? {}) as PlanView['integration'] } : {}),
    ...(grant ? { grant } : {}),
    omitted: DOCUMENT_GROUPS.some((group) => !fields.has(group)),
  };
  const body = await renderPdf(planDocument(view, lang, now), now);

  const included = ['plan', ...DOCUMENT_GROUPS.filter((group) => fields.has(group))];
  await recordAudit(ctx.db, auditActor(ctx), {
    action: 'export',
    subjectType: 'Case',
    subjectId: id,
    sensitiveFields: SENSITIVE_GROUPS.filter((group) => included.includes(group)),
  });
  return { filename: fileNameOf(view.reference ?? String(record._id)), body };
}
