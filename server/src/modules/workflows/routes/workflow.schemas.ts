import { z } from 'zod';

/** Definitions are checked by the workflow validator (all problems with paths), so here they are any JSON object. */
const definition = z.record(z.string(), z.unknown());

export const CreateWorkflowSchema = z.strictObject({ definition, shared: z.boolean().optional() });
export const UpdateWorkflowSchema = z.strictObject({ definition: definition.optional(), shared: z.boolean().optional(), revision: z.number().int().min(0) });
export const ValidateWorkflowSchema = z.strictObject({ definition });
export const PublishWorkflowSchema = z.strictObject({ revision: z.number().int().min(0) });
export const CloneWorkflowSchema = z.strictObject({
  source: z.enum(['template', 'workflow']),
  id: z.string().min(1).max(60),
  version: z.number().int().positive().optional(),
});
export const MergeWorkflowSchema = z.strictObject({
  revision: z.number().int().min(0),
  /** Per conflicting JSON pointer: keep the local value or take the upstream one. */
  resolutions: z.record(z.string(), z.enum(['ours', 'theirs'])).optional(),
});
export const ListWorkflowsQuerySchema = z.strictObject({ shared: z.enum(['true', 'false']).optional() });
/** `GET /api/workflows/templates/:key`: a version (the one a case runs on), or else the newest. */
export const TemplateQuerySchema = z.strictObject({ version: z.coerce.number().int().positive().max(1_000_000).optional() });
