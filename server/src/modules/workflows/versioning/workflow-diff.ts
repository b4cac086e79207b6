import { isDeepStrictEqual } from 'node:util';
import { assertJsonDepth } from '../../../core/json/json-depth';
import { listStages, listTransitions, type StageEntry } from '../../../contracts/workflows/stage-tree.util';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';

export type DiffSubject = 'stage' | 'transition' | 'deadline' | 'form' | 'property';

export interface WorkflowChange {
  subject: DiffSubject;
  change: 'added' | 'removed' | 'changed';
  /** JSON pointer in the newer definition (or in the older one for removals). */
  path: string;
  before?: unknown;
  after?: unknown;
}

const STAGE_PROPERTIES = ['type', 'initial', 'roles', 'marks', 'referralTo', 'entryActions'] as const;

/** What changed from `a` to `b`, by stage, transition (event and position), deadline (id) and required form. */
export function diffWorkflows(a: WorkflowDefinition, b: WorkflowDefinition): WorkflowChange[] {
  // Node's isDeepStrictEqual recurses without a bound: compare only what any accepted JSON can be.
  assertJsonDepth(a);
  assertJsonDepth(b);
  const changes: WorkflowChange[] = [];
  for (const key of ['titleKey', 'jurisdiction', 'initial'] as const) {
    if (a[key] !== b[key]) changes.push({ subject: 'property', change: 'changed', path: `/${key}`, before: a[key], after: b[key] });
  }
  const before = new Map(listStages(a).map((e) => [e.path, e]));
  const after = new Map(listStages(b).map((e) => [e.path, e]));
  for (const [path, entry] of before) {
    if (!after.has(path)) changes.push({ subject: 'stage', change: 'removed', path: entry.pointer, before: entry.stage });
  }
  for (const [path, entry] of after) {
    const old = before.get(path);
    if (!old) {
      changes.push({ subject: 'stage', change: 'added', path: entry.pointer, after: entry.stage });
      continue;
    }
    diffStage(old, entry, changes);
  }
  return changes;
}

function diffStage(a: StageEntry, b: StageEntry, changes: WorkflowChange[]): void {
  const sa = a.stage as unknown as Record<string, unknown>;
  const sb = b.stage as unknown as Record<string, unknown>;
  for (const key of STAGE_PROPERTIES) {
    if (!isDeepStrictEqual(sa[key], sb[key])) {
      changes.push({ subject: 'property', change: 'changed', path: `${b.pointer}/${key}`, before: sa[key], after: sb[key] });
    }
  }
  const ta = new Map(listTransitions(a).map((t) => [t.pointer, t.transition]));
  const tb = new Map(listTransitions(b).map((t) => [t.pointer, t.transition]));
  diffKeyed('transition', ta, tb, changes);

  const deadlines = (s: Record<string, unknown>, pointer: string) =>
    new Map(((s.deadlines ?? []) as { id: string }[]).map((d, i) => [d.id, { pointer: `${pointer}/deadlines/${i}`, value: d }]));
  const da = deadlines(sa, a.pointer);
  const db = deadlines(sb, b.pointer);
  for (const [id, d] of da) if (!db.has(id)) changes.push({ subject: 'deadline', change: 'removed', path: d.pointer, before: d.value });
  for (const [id, d] of db) {
    const old = da.get(id);
    if (!old) changes.push({ subject: 'deadline', change: 'added', path: d.pointer, after: d.value });
    else if (!isDeepStrictEqual(old.value, d.value)) {
      changes.push({ subject: 'deadline', change: 'changed', path: d.pointer, before: old.value, after: d.value });
    }
  }

  const fa = new Set((sa.requiredForms ?? []) as string[]);
  const fb = (sb.requiredForms ?? []) as string[];
  (sa.requiredForms as string[] | undefined)?.forEach((f, i) => {
    if (!fb.includes(f)) changes.push({ subject: 'form', change: 'removed', path: `${a.pointer}/requiredForms/${i}`, before: f });
  });
  fb.forEach((f, i) => {
    if (!fa.has(f)) changes.push({ subject: 'form', change: 'added', path: `${b.pointer}/requiredForms/${i}`, after: f });
  });
}

function diffKeyed(subject: DiffSubject, a: Map<string, unknown>, b: Map<string, unknown>, changes: WorkflowChange[]): void {
  for (const [path, value] of a) if (!b.has(path)) changes.push({ subject, change: 'removed', path, before: value });
  for (const [path, value] of b) {
    if (!a.has(path)) changes.push({ subject, change: 'added', path, after: value });
    else if (!isDeepStrictEqual(a.get(path), value)) changes.push({ subject, change: 'changed', path, before: a.get(path), after: value });
  }
}
