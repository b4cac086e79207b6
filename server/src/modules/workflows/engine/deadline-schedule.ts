import { DateTime, type Duration as LuxonDuration } from 'luxon';
import { stageIndex } from '../../../contracts/workflows/stage-tree.util';
import { resolveDuration } from '../definition/duration.util';
import type { Deadline, WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import type { CaseContext } from './evaluation-context.types';
import type { PersistedWorkflowSnapshot } from './persisted-snapshot';

/** One thing a scheduler stores as a job. `id` is stable for the same stage entry, so re-planning is idempotent. */
export interface DueItem {
  id: string;
  stagePath: string;
  deadlineId: string;
  dueAt: string;
  kind: 'deadline' | 'reminder';
  /** The event to fire at `dueAt`; reminders only notify. */
  event?: string;
}

export interface DeadlineOptions {
  /** Open-ended schedules are expanded up to now + horizon. */
  now: string;
  horizon?: string;
  /** Safety net for open-ended schedules with short intervals. */
  maxOccurrences?: number;
}

/**
 * Due dates and reminders of the active stages, from the snapshot's stage entry times, the case's dates and the
 * jurisdiction's parameters. Pure. A deadline anchored on a case date that is not set yet yields nothing until it is.
 */
export function computeDueItems(
  def: WorkflowDefinition,
  snapshot: PersistedWorkflowSnapshot,
  ctx: { case: Pick<CaseContext, 'dates'>; params: Record<string, unknown> },
  options: DeadlineOptions,
): DueItem[] {
  if (snapshot.status === 'done') return [];
  const index = stageIndex(def);
  const horizonEnd = DateTime.fromISO(options.now, { zone: 'utc' }).plus(resolveDuration(options.horizon ?? 'P1Y', {}));
  const items: DueItem[] = [];
  for (const [stagePath, enteredAt] of Object.entries(snapshot.stageEntries)) {
    const stage = index.get(stagePath)?.stage;
    if (!stage || stage.type === 'final') continue;
    for (const deadline of stage.deadlines ?? []) {
      const anchor = anchorTime(deadline, enteredAt, ctx.case.dates);
      if (!anchor) continue;
      const dueTimes = occurrences(deadline, anchor, ctx.params, horizonEnd, options.maxOccurrences ?? 100);
      dueTimes.forEach((due, n) => {
        const base = `${stagePath}#${deadline.id}#${n + 1}`;
        items.push({ id: base, stagePath, deadlineId: deadline.id, dueAt: iso(due), kind: deadline.kind, event: deadline.event });
        (deadline.remindBefore ?? []).forEach((before, r) => {
          items.push({
            id: `${base}#reminder${r + 1}`,
            stagePath,
            deadlineId: deadline.id,
            dueAt: iso(due.minus(resolveDuration(before, ctx.params))),
            kind: 'reminder',
          });
        });
      });
    }
  }
  return items.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
}

function anchorTime(deadline: Deadline, enteredAt: string, dates: CaseContext['dates']): DateTime | null {
  const text = 'stageEntry' in deadline.anchor ? enteredAt : dates[deadline.anchor.caseDate];
  if (!text) return null;
  const time = DateTime.fromISO(text, { zone: 'utc' });
  return time.isValid ? time : null;
}

/**
 * `after`: one occurrence. `schedule`: phases in order; each phase repeats `every` for `for` from its start, and the
 * next phase continues from the last occurrence, so the gap between two reviews is never longer than stated (P4W for
 * P3M then P3M: weeks 4, 8, 12, then every three months after week 12). A phase without `for` runs to the horizon.
 */
function occurrences(
  deadline: Deadline,
  anchor: DateTime,
  params: Record<string, unknown>,
  horizonEnd: DateTime,
  max: number,
): DateTime[] {
  if (deadline.after !== undefined) return [anchor.plus(resolveDuration(deadline.after, params))];
  const out: DateTime[] = [];
  let start = anchor;
  for (const phase of deadline.schedule ?? []) {
    const every: LuxonDuration = resolveDuration(phase.every, params);
    const end = phase.for !== undefined ? start.plus(resolveDuration(phase.for, params)) : horizonEnd;
    let k = 1;
    let last = start;
    for (;;) {
      const next = start.plus(every.mapUnits((x) => x * k));
      if (next > end || next > horizonEnd || out.length >= max) break;
      out.push(next);
      last = next;
      k += 1;
    }
    start = last;
    if (out.length >= max || start >= horizonEnd) break;
  }
  return out;
}

function iso(time: DateTime): string {
  return time.toUTC().toISO({ suppressMilliseconds: true }) as string;
}
