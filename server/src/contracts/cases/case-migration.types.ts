/** Why a case cannot move to the other version (or, in a real run, did not: another write came first). */
export type MigrationRefusal = 'workflow-finished' | 'stage-removed' | 'stage-type-changed' | 'changed-concurrently';

/** Where a stage the case stands in goes: the same stage of the new version (`to`), or nowhere (`null`). */
export interface MigrationStageMapping {
  from: string;
  to: string | null;
}

/** A case of `POST /api/workflows/:id/migrate`: whether it can move (dry run) or moved. */
export interface MigrationRow {
  caseId: string;
  reference: string;
  fromVersion: number;
  /** True when the case runs on the template (or shared workflow) this workflow was cloned from, not on this one. */
  fromUpstream: boolean;
  /** The stages the case stands in, each with where it goes in the new version. */
  stages: MigrationStageMapping[];
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
