import type { Connection } from 'mongoose';
import { claim, isDuplicateKey, release, withClaimWaiting } from '../../../core/db/write-claim';

/*
 * The queue the timer poll reads. FerretDB v1 answers only an `_id` equality from an index (docs/case-queries.md), so
 * a query for "jobs due by now" would read every job. Instead every job still to run is listed, as [job id, runAt],
 * in the hour slot `s:<hour number>` of its runAt, and the cursor (`cursor`) names the first slot the poll reads:
 * every earlier slot is empty. A poll reads the cursor and the slots from there to the current hour, all by `_id`,
 * and looks up only the jobs whose time has come: what it reads does not grow with finished jobs (they are taken out)
 * nor with jobs planned for later hours.
 *
 * A slot is changed only under its claim (read-modify-write is not atomic on FerretDB, see write-claim.ts). The
 * cursor moves forward only past slots found empty, in two steps, so that a job listed meanwhile is never left behind
 * it: the poll first announces the slot it moves to (`next`), then reads the slots it passes once more and moves only
 * if they are still empty; a planner reads the cursor after listing a job, and lists it again at the cursor (or the
 * announced slot) if that has passed the job's slot.
 */

export const SLOT_MS = 3_600_000;
const COLLECTION = 'timer_slots';
const CURSOR = 'cursor';
/** Slots read at once while walking from the cursor (after a long stop, or a clock moved forward in tests). */
const READ_BATCH = 48;

export type SlotEntry = [jobId: string, at: number];

interface SlotDoc {
  _id: string;
  /** The slot's entries as JSON text (FerretDB v1 stores no nested arrays; one value to decode, not many). */
  t?: string;
  slot?: number;
  next?: number | null;
  version?: number;
}

export const timerSlots = (db: Connection) => db.collection<SlotDoc>(COLLECTION);
const slotKey = (slot: number) => `s:${slot}`;

export const slotOf = (ms: number): number => Math.floor(ms / SLOT_MS);

export interface Cursor {
  slot: number;
  next: number | null;
}

/** The cursor; a database without one starts at the current hour (it has no listed job yet, or is being upgraded). */
export async function readCursor(db: Connection, nowMs: number): Promise<Cursor> {
  let doc = await timerSlots(db).findOne({ _id: CURSOR });
  if (!doc) {
    try {
      await timerSlots(db).insertOne({ _id: CURSOR, slot: slotOf(nowMs), next: null });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    doc = await timerSlots(db).findOne({ _id: CURSOR });
  }
  return { slot: doc!.slot!, next: doc!.next ?? null };
}

/** The lowest slot a job may be listed in now: the cursor, or the slot it announced it moves to. */
const floorOf = (cursor: Cursor) => Math.max(cursor.slot, cursor.next ?? cursor.slot);

const entriesOf = (doc: SlotDoc | null): SlotEntry[] => (doc?.t ? (JSON.parse(doc.t) as SlotEntry[]) : []);

async function editSlot(db: Connection, slot: number, edit: (entries: SlotEntry[]) => SlotEntry[]): Promise<void> {
  await withClaimWaiting(db, `timer-slot:${slot}`, async () => {
    const doc = await timerSlots(db).findOne({ _id: slotKey(slot) });
    const before = entriesOf(doc);
    const after = edit(before);
    if (JSON.stringify(after) === JSON.stringify(before)) return;
    if (after.length === 0) await timerSlots(db).deleteOne({ _id: slotKey(slot) });
    else await timerSlots(db).replaceOne({ _id: slotKey(slot) }, { t: JSON.stringify(after) }, { upsert: true });
  });
}

const withEntry = (jobId: string, at: number) => (entries: SlotEntry[]) => [...entries.filter(([id]) => id !== jobId), [jobId, at] as SlotEntry];
const withoutEntry = (jobId: string) => (entries: SlotEntry[]) => entries.filter(([id]) => id !== jobId);

/** Lists a job to run at `at` (or replaces its time); returns the slot it is listed in, which the job records. */
export async function listJob(db: Connection, jobId: string, at: Date, now: Date): Promise<number> {
  let slot = Math.max(slotOf(at.getTime()), floorOf(await readCursor(db, now.getTime())));
  for (;;) {
    await editSlot(db, slot, withEntry(jobId, at.getTime()));
    const floor = floorOf(await readCursor(db, now.getTime()));
    if (floor <= slot) return slot;
    // The cursor passed the slot while the job was listed: list it where the poll will read, then tidy up.
    await editSlot(db, floor, withEntry(jobId, at.getTime()));
    await editSlot(db, slot, withoutEntry(jobId));
    slot = floor;
  }
}

export async function unlistJob(db: Connection, jobId: string, slot: number): Promise<void> {
  await editSlot(db, slot, withoutEntry(jobId));
}

/**
 * The listed entries of every slot from `from` to the current hour, in order (empty slots included), read a batch at
 * a time as the caller walks them: a poll that finds its job early reads no further.
 */
export async function* dueSlots(db: Connection, from: number, now: Date): AsyncGenerator<{ slot: number; entries: SlotEntry[] }> {
  const to = slotOf(now.getTime());
  for (let start = from; start <= to; start += READ_BATCH) yield* await readSlots(db, start, Math.min(start + READ_BATCH - 1, to));
}

async function readSlots(db: Connection, from: number, to: number): Promise<Array<{ slot: number; entries: SlotEntry[] }>> {
  const slots: Array<{ slot: number; entries: SlotEntry[] }> = [];
  for (let start = from; start <= to; start += READ_BATCH) {
    const batch = Array.from({ length: Math.min(READ_BATCH, to - start + 1) }, (_, index) => start + index);
    const docs = await Promise.all(batch.map((slot) => timerSlots(db).findOne({ _id: slotKey(slot) })));
    batch.forEach((slot, index) => slots.push({ slot, entries: entriesOf(docs[index] ?? null) }));
  }
  return slots;
}

/**
 * Moves the cursor from `from` to `to` if every slot in between is still empty. One process at a time (others skip:
 * the next poll tries again); a planner listing a job meanwhile sees the announced slot and lists the job there.
 */
export async function advanceCursor(db: Connection, from: number, to: number, owner: string): Promise<boolean> {
  if (to <= from) return false;
  if (!(await claim(db, 'timer-cursor', owner))) return false;
  try {
    const doc = await timerSlots(db).findOne({ _id: CURSOR });
    if (doc?.slot !== from) return false;
    await timerSlots(db).updateOne({ _id: CURSOR }, { $set: { next: to } });
    const passed = await readSlots(db, from, to - 1);
    const empty = passed.every((slot) => slot.entries.length === 0);
    await timerSlots(db).updateOne({ _id: CURSOR }, { $set: empty ? { slot: to, next: null } : { next: null } });
    return empty;
  } finally {
    await release(db, 'timer-cursor', owner);
  }
}
