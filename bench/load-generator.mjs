// The benchmark's load generator, in a worker thread of its own: the requests are made and their responses parsed
// outside the server's event loop, as a separate client would, so the client's work is not charged to the server
// under test. It answers each run with its duration; the server counts the CPU time of the whole process.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { port, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function post(url, payload, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: url, agent, headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers } },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

// `count` requests with `concurrency` in flight; every one must be created (201), or the run fails.
async function run({ url, headers, body, count }) {
  const payload = JSON.stringify(body);
  let next = 0;
  const client = async () => {
    while (next < count) {
      next += 1;
      const response = await post(url, payload, headers);
      if (response.status !== 201) throw new Error(`${url}: ${response.status} ${response.body}`);
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, client));
  return Number(process.hrtime.bigint() - started) / 1e9;
}

parentPort.on('message', (task) => {
  run(task).then(
    (seconds) => parentPort.postMessage({ seconds }),
    (error) => parentPort.postMessage({ error: String(error?.stack ?? error) }),
  );
});
