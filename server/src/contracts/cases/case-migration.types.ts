/** Why a case cannot move to the other version (or, in a real run, did not: another write came first). */
export type MigrationRefusal = 'workflow-finished' | 'stage-removed' | 'stage-type-changed' | 'changed-concurrently';

/** A case of `POST /api/workflows/:id/migrate`: whether it can move (dry run) or moved. */
export interface MigrationRow {
  caseId: string;
  reference: string;
  fromVersion: number;
  ok: boolean;
  reason?: MigrationRefusal;
  /** The stage the case stands in that the other version removed or changed in kind. */
  stagePath?: string;
  /** Set by a real run (not a dry run): whether the case was moved. */
  migrated?: boolean;
}

/** `POST /api/workflows/:id/migrate {toVersion, dryRun}`. */
export interface MigrationResult {
  dryRun: boolean;
  toVersion: number;
  cases: MigrationRow[];
}
