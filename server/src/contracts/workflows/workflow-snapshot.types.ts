import { z } from 'zod';

/** XState's state value: the active stage's id, or per compound or parallel stage the value inside it. */
export type StageValue = string | { [stageId: string]: StageValue | undefined };
export const StageValueSchema: z.ZodType<StageValue> = z.union([z.string(), z.record(z.string(), z.lazy(() => StageValueSchema))]);

/**
 * Where a case's workflow stands, as the case stores it. Stage ids are document-key safe and entry times are keyed
 * by stage path joined with `/`, so the snapshot has no `.` keys and no `$` keys (MongoDB and FerretDB store it as is).
 */
export const WorkflowSnapshotSchema = z.object({
  status: z.enum(['active', 'done']),
  value: StageValueSchema,
  /** ISO time each active stage was entered, by stage path (`assistance/plan/approved`). */
  stageEntries: z.record(z.string(), z.string()),
});
export type WorkflowSnapshot = z.infer<typeof WorkflowSnapshotSchema>;
