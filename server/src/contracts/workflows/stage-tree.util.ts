import { checkWalkDepth } from '../json/json-depth';
import type { Stage, Transition, WorkflowDefinition } from './workflow-definition.schemas';

/** A stage with where it sits: `path` is its ids joined by `/` (document-key safe), `pointer` its JSON pointer. */
export interface StageEntry {
  id: string;
  path: string;
  pointer: string;
  stage: Stage;
  parentPath: string | null;
}

export function childStages(stage: Stage): Record<string, Stage> {
  if (stage.type === 'compound') return stage.stages;
  if (stage.type === 'parallel') return stage.regions;
  return {};
}

export function childKey(stage: Stage): 'stages' | 'regions' | null {
  if (stage.type === 'compound') return 'stages';
  if (stage.type === 'parallel') return 'regions';
  return null;
}

/** Every stage, depth first, parents before children. */
export function listStages(def: Pick<WorkflowDefinition, 'stages'>): StageEntry[] {
  const out: StageEntry[] = [];
  const visit = (stages: Record<string, Stage>, parentPath: string | null, parentPointer: string, depth: number) => {
    checkWalkDepth(depth);
    for (const [id, stage] of Object.entries(stages)) {
      const path = parentPath === null ? id : `${parentPath}/${id}`;
      const pointer = `${parentPointer}/${id}`;
      out.push({ id, path, pointer, stage, parentPath });
      const key = childKey(stage);
      if (key) visit(childStages(stage), path, `${pointer}/${key}`, depth + 1);
    }
  };
  visit(def.stages, null, '/stages', 0);
  return out;
}

export function stageIndex(def: Pick<WorkflowDefinition, 'stages'>): Map<string, StageEntry> {
  return new Map(listStages(def).map((e) => [e.path, e]));
}

/**
 * Resolves a transition target written in the definition. Like lexical scope: a sibling of the source first, then
 * a sibling of each ancestor up to the top level. A target may continue into a stage with `/` (`services/legal`).
 * Returns the full path, or null when nothing matches.
 */
export function resolveTarget(index: Map<string, StageEntry>, sourcePath: string, target: string): string | null {
  const sourceParts = sourcePath.split('/');
  for (let depth = sourceParts.length - 1; depth >= 0; depth -= 1) {
    const prefix = sourceParts.slice(0, depth).join('/');
    const candidate = prefix ? `${prefix}/${target}` : target;
    if (index.has(candidate)) return candidate;
  }
  return null;
}

export interface TransitionEntry {
  sourcePath: string;
  pointer: string;
  trigger: { kind: 'event'; event: string } | { kind: 'always' } | { kind: 'done' };
  transition: Transition;
}

export function listTransitions(entry: StageEntry): TransitionEntry[] {
  const stage = entry.stage;
  if (stage.type === 'final') return [];
  const out: TransitionEntry[] = [];
  for (const [event, list] of Object.entries(stage.on ?? {})) {
    list.forEach((transition, i) =>
      out.push({ sourcePath: entry.path, pointer: `${entry.pointer}/on/${event}/${i}`, trigger: { kind: 'event', event }, transition }),
    );
  }
  (stage.always ?? []).forEach((transition, i) =>
    out.push({ sourcePath: entry.path, pointer: `${entry.pointer}/always/${i}`, trigger: { kind: 'always' }, transition }),
  );
  if (stage.type === 'compound' || stage.type === 'parallel') {
    (stage.onDone ?? []).forEach((transition, i) =>
      out.push({ sourcePath: entry.path, pointer: `${entry.pointer}/onDone/${i}`, trigger: { kind: 'done' }, transition }),
    );
  }
  return out;
}

export function ancestorsOf(path: string): string[] {
  const parts = path.split('/');
  const out: string[] = [];
  for (let i = parts.length - 1; i > 0; i -= 1) out.push(parts.slice(0, i).join('/'));
  return out;
}
