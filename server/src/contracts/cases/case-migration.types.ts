import { z } from 'zod';

/** Why a case cannot move to the other version (or, in a real run, did not: another write came first). */
export const MigrationRefusalSchema = z.enum(['workflow-finished', 'stage-removed', 'stage-type-changed', 'changed-concurrently']);
export type MigrationRefusal = z.infer<typeof MigrationRefusalSchema>;

/** Where a stage the case stands in goes: the same stage of the new version (`to`), or nowhere (`null`). */
export const MigrationStageMappingSchema = z.object({ from: z.string(), to: z.string().nullable() });
export type MigrationStageMapping = z.infer<typeof MigrationStageMappingSchema>;

/** A case of `POST /api/workflows/:id/migrate`: whether it can move (dry run) or moved. */
export const MigrationRowSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  fromVersion: z.number().int(),
  /** True when the case runs on the template (or shared workflow) this workflow was cloned from, not on this one. */
  fromUpstream: z.boolean(),
  /** The stages the case stands in, each with where it goes in the new version. */
  stages: z.array(MigrationStageMappingSchema),
  ok: z.boolean(),
  reason: MigrationRefusalSchema.optional(),
  /** The stage the case stands in that the other version removed or changed in kind. */
  stagePath: z.string().optional(),
  /** Set by a real run (not a dry run): whether the case was moved. */
  migrated: z.boolean().optional(),
});
export type MigrationRow = z.infer<typeof MigrationRowSchema>;

/** `POST /api/workflows/:id/migrate {toVersion, dryRun}`. */
export const MigrationResultSchema = z.object({ dryRun: z.boolean(), toVersion: z.number().int(), cases: z.array(MigrationRowSchema) });
export type MigrationResult = z.infer<typeof MigrationResultSchema>;
