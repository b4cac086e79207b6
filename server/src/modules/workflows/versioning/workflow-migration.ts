import { stageIndex } from '../../../contracts/workflows/stage-tree.util';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import { activeLeafPaths, type PersistedWorkflowSnapshot } from '../engine/persisted-snapshot';

export type MigrationCheck =
  | { ok: true }
  | { ok: false; reason: 'workflow-finished' | 'stage-removed' | 'stage-type-changed'; stagePath?: string };

/**
 * Whether a running case can move from one version to another without guessing where it is: every active stage
 * must exist in the new version with the same kind (a leaf must still be a leaf). Regions added to a parallel stage
 * are entered at their initial stage when the case moves.
 */
export function canMigrate(
  snapshot: PersistedWorkflowSnapshot,
  _fromDef: WorkflowDefinition,
  toDef: WorkflowDefinition,
): MigrationCheck {
  if (snapshot.status === 'done') return { ok: false, reason: 'workflow-finished' };
  const index = stageIndex(toDef);
  const leaves = new Set(activeLeafPaths(snapshot.value));
  for (const path of new Set([...Object.keys(snapshot.stageEntries), ...leaves])) {
    const entry = index.get(path);
    if (!entry) return { ok: false, reason: 'stage-removed', stagePath: path };
    const isLeaf = entry.stage.type === 'atomic' || entry.stage.type === 'final';
    if (leaves.has(path) !== isLeaf) return { ok: false, reason: 'stage-type-changed', stagePath: path };
  }
  return { ok: true };
}
