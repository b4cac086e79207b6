/** XState's state value: the active stage's id, or per compound or parallel stage the value inside it. */
export type StageValue = string | { [stageId: string]: StageValue | undefined };

/**
 * Where a case's workflow stands, as the case stores it. Stage ids are document-key safe and entry times are keyed
 * by stage path joined with `/`, so the snapshot has no `.` keys and no `$` keys (MongoDB and FerretDB store it as is).
 */
export interface WorkflowSnapshot {
  status: 'active' | 'done';
  value: StageValue;
  /** ISO time each active stage was entered, by stage path (`assistance/plan/approved`). */
  stageEntries: Record<string, string>;
}
