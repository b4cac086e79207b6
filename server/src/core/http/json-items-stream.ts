import type { Response } from 'express';

/** Items serialised per write: few writes, and no one piece of text larger than a few hundred rows. */
const ITEMS_PER_WRITE = 250;

/** Resolves once the response can take more (or is gone, in which case the caller stops). */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Sends `{"items": [...], ...rest}` as JSON, serialising the items a few hundred at a time and waiting while the
 * client reads. A whole list of tens of thousands of rows (the CSV export of a case list) thus never exists in the
 * server's memory as one string or one array of answers; what the items are made from may. Stops writing when the
 * client goes away.
 */
export async function sendJsonItems(res: Response, items: Iterable<unknown>, rest: Record<string, unknown>): Promise<void> {
  res.status(200).type('application/json');
  let gone = false;
  res.once('close', () => (gone = true));
  res.write('{"items":[');
  let batch: string[] = [];
  let first = true;
  const write = async () => {
    const text = `${first ? '' : ','}${batch.join(',')}`;
    first = false;
    batch = [];
    if (!res.write(text) && !gone) await drained(res);
  };
  for (const item of items) {
    if (gone) return;
    batch.push(JSON.stringify(item));
    if (batch.length >= ITEMS_PER_WRITE) await write();
  }
  if (gone) return;
  if (batch.length) await write();
  const tail = Object.entries(rest).map(([key, value]) => `,${JSON.stringify(key)}:${JSON.stringify(value)}`);
  res.end(`]${tail.join('')}}`);
}
