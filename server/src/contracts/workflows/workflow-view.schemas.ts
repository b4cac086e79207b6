import { z } from 'zod';
import { IsoDateTime } from '../api/wire.schemas';
import { WORKFLOW_PROBLEM_CODES } from './workflow-problem.types';

/*
 * The answers of the workflows API, shared by client and server (the OpenAPI document is generated from them;
 * openapi-responses.test.ts parses real answers with them).
 */

/**
 * A definition as JSON (workflow-definition.schemas.ts describes a valid one; a draft may be saved with problems,
 * which `POST /api/workflows/:id/validate` lists).
 */
export const WorkflowDefinitionJsonSchema = z.record(z.string(), z.unknown());

/** The template or shared workflow a workflow was cloned from, with the version it was cloned at. */
export const WorkflowUpstreamSchema = z.object({ source: z.enum(['template', 'workflow']), id: z.string(), version: z.number().int() });

/** An organisation's workflow with its draft. */
export const WorkflowViewSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  key: z.string(),
  /** The draft's revision, for optimistic concurrency. */
  revision: z.number().int(),
  /** The newest published version; 0 before the first. */
  latestVersion: z.number().int(),
  upstream: WorkflowUpstreamSchema.nullable(),
  shared: z.boolean(),
  definition: WorkflowDefinitionJsonSchema,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type WorkflowView = z.infer<typeof WorkflowViewSchema>;
export const WorkflowListSchema = z.object({ items: z.array(WorkflowViewSchema) });

/** A template of the platform library; with its definition when one template is asked for. */
export const WorkflowTemplateViewSchema = z.object({
  key: z.string(),
  version: z.number().int(),
  jurisdiction: z.string(),
  /** The jurisdictions a case may run under, the default first (the new-case page asks which where there are several). */
  jurisdictions: z.array(z.string()),
  /** False where the template has problems (no case can start on it). */
  usable: z.boolean(),
  definition: WorkflowDefinitionJsonSchema.optional(),
});
export const WorkflowTemplateListSchema = z.object({ items: z.array(WorkflowTemplateViewSchema) });

/** One thing wrong with a definition; `code` has a text at `workflows:problems.<code>`. */
export const WorkflowProblemViewSchema = z.object({
  /** JSON pointer into the definition. */
  path: z.string(),
  code: z.enum(WORKFLOW_PROBLEM_CODES),
  params: z.record(z.string(), z.unknown()).optional(),
});
export const WorkflowValidationSchema = z.object({ valid: z.boolean(), problems: z.array(WorkflowProblemViewSchema) });

/** `POST /api/workflows/:id/publish`. */
export const PublishedWorkflowSchema = z.object({ version: z.number().int(), workflow: WorkflowViewSchema });
/** `GET /api/workflows/:id/versions/:version`: an immutable published version. */
export const WorkflowVersionViewSchema = z.object({ version: z.number().int(), publishedAt: IsoDateTime, definition: WorkflowDefinitionJsonSchema });

/** What changed from one definition to another, by stage, transition, deadline, required form or property. */
export const WorkflowChangeSchema = z.object({
  subject: z.enum(['stage', 'transition', 'deadline', 'form', 'property']),
  change: z.enum(['added', 'removed', 'changed']),
  /** JSON pointer in the newer definition (or in the older one for removals). */
  path: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
/** `GET /api/workflows/:id/diff`: the draft against its upstream as cloned and as it is now, and what upstream changed. */
export const WorkflowUpstreamDiffSchema = z.object({
  upstream: WorkflowUpstreamSchema.extend({ newestVersion: z.number().int() }),
  asCloned: z.array(WorkflowChangeSchema),
  toNewest: z.array(WorkflowChangeSchema),
  upstreamChanges: z.array(WorkflowChangeSchema),
});
/** `POST /api/workflows/:id/merge`: the merged workflow and the conflicts resolved as asked. */
export const WorkflowMergedSchema = z.object({
  workflow: WorkflowViewSchema,
  resolved: z.array(z.object({ path: z.string(), base: z.unknown(), ours: z.unknown(), theirs: z.unknown() })),
});
