import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';

/** About this much JSON text per insert: large enough that per-command costs vanish, far below the 48 MB message limit. */
const BATCH_BYTES = 2_000_000;
const BATCH_DOCS = 1_000;
/** Inserts in flight at once: while the database stores one batch, the next is encoded. */
const IN_FLIGHT = 2;

/**
 * Inserts many documents carrying their content as text (`t`) in batches of about BATCH_BYTES, IN_FLIGHT at a time
 * (unordered: used to build lists and indexes from scratch, where every `_id` is new). Building the case lists wrote
 * batches of 200 documents one after the other, so the process and the database took turns waiting.
 */
export async function insertInBatches<T extends Document & { t: string }>(collection: Collection<T>, docs: readonly OptionalUnlessRequiredId<T>[]): Promise<void> {
  const batches: Array<Array<OptionalUnlessRequiredId<T>>> = [];
  let batch: Array<OptionalUnlessRequiredId<T>> = [];
  let bytes = 0;
  for (const doc of docs) {
    if (batch.length > 0 && (bytes + doc.t.length > BATCH_BYTES || batch.length >= BATCH_DOCS)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(doc);
    bytes += doc.t.length;
  }
  if (batch.length > 0) batches.push(batch);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const mine = batches[next]!;
      next += 1;
      await collection.insertMany(mine, { ordered: false });
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, batches.length) }, worker));
}
