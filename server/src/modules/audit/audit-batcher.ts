import type { Connection } from 'mongoose';
import { auditModel, type AuditEntry } from './audit.model';

interface Waiting {
  entry: AuditEntry;
  done: (error?: unknown) => void;
}

interface Queue {
  waiting: Waiting[];
  writing: boolean;
}

// Keyed by connection: no module-level state shared between apps (tests run several in one process).
const queues = new WeakMap<Connection, Queue>();

/**
 * Writes audit entries by group commit: entries that arrive while a write is under way go together in the next
 * insertMany, and every caller's promise settles only when its own entry is stored (or the write failed). So an
 * action is never reported done before its audit entry is durable, but many concurrent requests cost the database
 * one insert instead of one each (creating a submission under load spent a quarter of its database time on audit
 * inserts in `npm run bench`).
 */
export function appendAuditEntry(db: Connection, entry: AuditEntry): Promise<void> {
  const queue = queueOf(db);
  const promise = new Promise<void>((resolve, reject) => {
    // Entries come with their id, so that a retry after a partly failed batch can tell an entry that is already stored.
    queue.waiting.push({ entry, done: (error) => (error === undefined ? resolve() : reject(error)) });
  });
  if (!queue.writing) void writeWaiting(db, queue);
  return promise;
}

/** Several entries of one request (reads of several records), stored together: one insert, not one after another. */
export async function appendAuditEntries(db: Connection, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const queue = queueOf(db);
  const stored = entries.map(
    (entry) => new Promise<void>((resolve, reject) => queue.waiting.push({ entry, done: (error) => (error === undefined ? resolve() : reject(error)) })),
  );
  if (!queue.writing) void writeWaiting(db, queue);
  await Promise.all(stored);
}

function queueOf(db: Connection): Queue {
  let queue = queues.get(db);
  if (!queue) {
    queue = { waiting: [], writing: false };
    queues.set(db, queue);
  }
  return queue;
}

async function writeWaiting(db: Connection, queue: Queue): Promise<void> {
  queue.writing = true;
  while (queue.waiting.length > 0) {
    const batch = queue.waiting.splice(0, queue.waiting.length);
    try {
      // Unordered: one bad entry must not keep the others of other requests out of the log.
      await auditModel(db).insertMany(batch.map((item) => item.entry), { ordered: false, lean: true });
      for (const item of batch) item.done();
    } catch (error) {
      await settleOneByOne(db, batch, error);
    }
  }
  queue.writing = false;
}

// After a failed batch some entries may be stored and some not; retry each alone so that every caller learns the
// fate of its own entry. An entry already stored answers with a duplicate key on its fixed _id, which means done.
async function settleOneByOne(db: Connection, batch: Waiting[], batchError: unknown): Promise<void> {
  if (batch.length === 1) {
    batch[0]!.done(batchError);
    return;
  }
  for (const item of batch) {
    try {
      await auditModel(db).create(item.entry);
      item.done();
    } catch (error) {
      item.done((error as { code?: unknown }).code === 11000 ? undefined : error);
    }
  }
}
