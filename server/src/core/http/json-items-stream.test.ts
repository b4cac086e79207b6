import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { sendJsonItems } from './json-items-stream';

/** A real server whose one route streams `count` items of about 1 KB each; `produced` counts the items made so far. */
async function serve(count: number) {
  const state = { produced: 0, returned: false };
  const app = express();
  app.get('/items', async (_req, res) => {
    function* items() {
      for (let index = 0; index < count; index += 1) {
        state.produced += 1;
        yield { index, text: 'x'.repeat(1_000), nested: { quote: '"', accents: 'ÄÖ ñ' } };
      }
    }
    await sendJsonItems(res, items(), { total: count });
    state.returned = true;
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { state, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function until(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (condition() ? resolve() : setTimeout(check, 5));
    check();
  });
}

it('writes every item, in order, as one JSON document with the rest after the items', async () => {
  const { port, close } = await serve(1_234);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/items`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { items: Array<{ index: number; nested: { quote: string; accents: string } }>; total: number };
    expect(body.total).toBe(1_234);
    expect(body.items.map((item) => item.index)).toEqual(Array.from({ length: 1_234 }, (_, index) => index));
    expect(body.items[7]!.nested).toEqual({ quote: '"', accents: 'ÄÖ ñ' });
  } finally {
    await close();
  }
});

it('writes an empty list as valid JSON', async () => {
  const { port, close } = await serve(0);
  try {
    expect(await (await fetch(`http://127.0.0.1:${port}/items`)).json()).toEqual({ items: [], total: 0 });
  } finally {
    await close();
  }
});

it('waits while the client does not read, and stops making items when the client goes away', async () => {
  const { state, port, close } = await serve(200_000);
  try {
    const request = http.get(`http://127.0.0.1:${port}/items`);
    const response = await new Promise<http.IncomingMessage>((resolve) => request.once('response', resolve));
    // Not reading: the server fills the socket's buffers and waits for them to drain.
    response.pause();
    await until(() => state.produced > 0);
    request.destroy();
    await until(() => state.returned);
    // Of 200,000 items (about 200 MB of JSON) only those written before the client left were made.
    expect(state.produced).toBeLessThan(200_000);
  } finally {
    await close().catch(() => undefined);
  }
});
