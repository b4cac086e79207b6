// Throughput of creating a submission of the 60-field form through the HTTP API (authentication, validation with
// @formio/core, type check, permission checks, persistence, audit) against a baseline endpoint in the same process
// that only inserts the same document into the same database. Both run in this one process against one embedded
// FerretDB, measured in the same run, so the ratio is what matters, not the absolute figures of this machine.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import express from 'express';
import pino from 'pino';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (relative) => import(path.join(root, 'server', 'dist', relative));

const { createApp } = await dist('app.js');
const { loadConfig } = await dist('config/env.js');
const { localesDir } = await dist('config/paths.js');
const { connectDatabase } = await dist('core/db/connection.js');
const { EmbeddedFerretDb } = await dist('core/db/embedded-ferretdb.js');
const { ensureFerretDbBinary } = await dist('core/db/ferretdb-binary.js');
const { createServerI18n } = await dist('core/i18n/i18n.js');
const { loadDemoData } = await dist('modules/demo/demo-data.service.js');
const { startForms } = await dist('modules/forms/templates/forms-startup.js');
const { submissionModel } = await dist('modules/submissions/storage/submission.model.js');

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1500);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 150);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const PASSWORD = 'bench-demo-password';

const form = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/forms/sixty-field-form.json'), 'utf8'));
const data = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/forms/sixty-field-submission.json'), 'utf8'));

const logger = pino({ level: 'silent' });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assist-bench-'));
const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir });
const binary = await ensureFerretDbBinary(config.ferretDbBin, (line) => process.stderr.write(`${line}\n`));
const ferret = new EmbeddedFerretDb({ binary, dataDir: path.join(dataDir, 'ferretdb'), logger });
const uri = await ferret.start();
const db = await connectDatabase(uri, 'bench');

let server;
try {
  await startForms(db);
  await loadDemoData(db, PASSWORD);
  const product = createApp(config, { db, logger, i18n: createServerI18n(localesDir) });

  // The baseline exists only here, never in the product: parse the same JSON body and insert the same document
  // (as the product stores it) into the same collection, nothing else.
  let template;
  const outer = express();
  outer.post('/bench/baseline', express.json({ limit: config.bodyLimit }), async (req, res) => {
    const created = await submissionModel(db).create({ ...template, data: req.body.data });
    res.status(201).json({ id: created._id });
  });
  outer.use(product);
  server = outer.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = server.address().port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  const call = (method, url, body, headers = {}) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        { host: '127.0.0.1', port, method, path: url, agent, headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers } },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode, body: chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const signIn = async (email) => (await call('POST', '/api/auth/login', { email, password: PASSWORD })).body.token;

  const designer = await signIn('designer@helsinki.demo.test');
  const created = await call('POST', '/api/forms', { definition: form, publish: true }, { 'x-jwt-token': designer });
  if (created.status !== 201) throw new Error(`creating the benchmark form failed: ${JSON.stringify(created.body)}`);
  const worker = await signIn('worker@helsinki.demo.test');
  const productUrl = `/api/forms/${created.body.id}/submissions`;
  const first = await call('POST', productUrl, { data }, { 'x-jwt-token': worker });
  if (first.status !== 201) throw new Error(`the benchmark submission is not valid: ${JSON.stringify(first.body)}`);
  const stored = await submissionModel(db).findById(first.body.id).lean();
  // Everything the product stored except what the database assigns per document.
  template = Object.fromEntries(Object.entries(stored).filter(([key]) => !['_id', 'createdAt', 'updatedAt'].includes(key)));

  // The load comes from a worker thread (load-generator.mjs), so that making requests and reading responses does not
  // take turns with the server on its event loop. One run: requests per second, and CPU time of this whole process
  // (server and load generator) per request.
  const generator = new Worker(new URL('./load-generator.mjs', import.meta.url), { workerData: { port, concurrency: CONCURRENCY } });
  const generate = (task) =>
    new Promise((resolve, reject) => {
      generator.once('message', (reply) => (reply.error ? reject(new Error(reply.error)) : resolve(reply.seconds)));
      generator.postMessage(task);
    });
  async function measure(url, headers) {
    await generate({ url, headers, body: { data }, count: WARMUP });
    const cpuBefore = process.cpuUsage();
    const seconds = await generate({ url, headers, body: { data }, count: REQUESTS });
    const cpu = process.cpuUsage(cpuBefore);
    return { rate: REQUESTS / seconds, cpuMs: (cpu.user + cpu.system) / 1000 / REQUESTS };
  }

  // Rounds of a baseline run followed by a product run: each round's ratio compares two runs made seconds apart, so
  // the drift of a shared machine (the database on the same cores, a growing collection) cancels out; the median of
  // the rounds is reported, with the spread. The first round only warms up both paths (JIT, caches, pools).
  await measure('/bench/baseline', {});
  await measure(productUrl, { 'x-jwt-token': worker });
  const rounds = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const baseline = await measure('/bench/baseline', {});
    const product = await measure(productUrl, { 'x-jwt-token': worker });
    rounds.push({ baseline, product, ratio: product.rate / baseline.rate });
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  const ratios = rounds.map((round) => round.ratio);
  const ratio = median(ratios);
  const fixed = (value, digits = 1) => value.toFixed(digits).padStart(7);
  process.stdout.write(
    [
      `60-field submission, ${REQUESTS} requests per run, ${CONCURRENCY} concurrent, ${ROUNDS} rounds after a warm-up round`,
      'round  baseline req/s (cpu ms/req)  product req/s (cpu ms/req)  ratio',
      ...rounds.map(
        (round, index) =>
          `${String(index + 1).padStart(5)}  ${fixed(round.baseline.rate)} (${fixed(round.baseline.cpuMs, 2)})` +
          `       ${fixed(round.product.rate)} (${fixed(round.product.cpuMs, 2)})     ${round.ratio.toFixed(2)}`,
      ),
      `baseline (insert only), median:             ${median(rounds.map((round) => round.baseline.rate)).toFixed(1)} req/s`,
      `product (auth, validation, checks, audit):  ${median(rounds.map((round) => round.product.rate)).toFixed(1)} req/s`,
      `ratio product/baseline, median of rounds:   ${ratio.toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; target >= 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`,
      '',
    ].join('\n'),
  );
  agent.destroy();
  await generator.terminate();
} finally {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  await db.close();
  await ferret.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
