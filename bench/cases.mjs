// `npm run bench:cases`: how the case list, the dashboard's counts, the case page and the CSV export of a whole list
// answer at 1,000, 10,000 and 100,000 cases on the embedded database, for the Helsinki caseworker and the police
// liaison. Per size: a fresh FerretDB, the demo organisations and users, real cases made through the services as
// prototypes, then clones of them inserted in bulk (bench/case-seed.mjs) with their list entries and lists written by
// the server's own migration code. The server runs in a child process (bench/case-server.mjs) so that its memory is
// measured alone; requests are made one at a time and timed end to end (HTTP included). Prints p50/p95 per request,
// the 100k/10k ratios and the server's RSS while serving lists.
//
// Environment: BENCH_CASE_SIZES (default 1000,10000,100000), BENCH_SAMPLES (100 per request after 10 warm-ups),
// BENCH_EXPORT_SAMPLES (5), BENCH_FORM_DATA=0 to seed the cases without the form data rows guards read.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { makePrototypes, seedCases } from './case-seed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (relative) => import(path.join(root, 'server', 'dist', relative));

const { loadConfig } = await dist('config/env.js');
const { localesDir } = await dist('config/paths.js');
const { connectDatabase } = await dist('core/db/connection.js');
const { EmbeddedFerretDb } = await dist('core/db/embedded-ferretdb.js');
const { ensureFerretDbBinary } = await dist('core/db/ferretdb-binary.js');
const { createServerI18n } = await dist('core/i18n/i18n.js');
const { loadDemoData } = await dist('modules/demo/demo-data.service.js');
const { startForms } = await dist('modules/forms/templates/forms-startup.js');
const { createCaseServices } = await dist('modules/cases/case-services.js');
const { createReferralPort } = await dist('modules/referrals/index.js');
const { loadTemplateLibrary } = await dist('modules/workflows/storage/template-library.service.js');
const { caseModel } = await dist('modules/cases/storage/case.model.js');

const SIZES = (process.env.BENCH_CASE_SIZES ?? '1000,10000,100000').split(',').map(Number);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const EXPORT_SAMPLES = Number(process.env.BENCH_EXPORT_SAMPLES ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const FORM_DATA = process.env.BENCH_FORM_DATA !== '0';
const PASSWORD = 'bench-demo-password';
const USERS = [
  { label: 'caseworker', email: 'worker@helsinki.demo.test', readsForms: true, writes: true },
  { label: 'police', email: 'police@helsinki.demo.test', readsForms: false },
];

const log = (line) => process.stderr.write(`${line}\n`);
const logger = pino({ level: 'silent' });
const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir() });
const binary = await ensureFerretDbBinary(config.ferretDbBin, log);

function request(port, agent, url, token, method = 'GET', body = undefined) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const headers = { 'accept-language': 'en', 'x-jwt-token': token, ...(body ? { 'content-type': 'application/json' } : {}) };
    const req = http.request(
      { host: '127.0.0.1', port, method, path: url, agent, headers },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode >= 400) reject(new Error(`${url}: ${res.statusCode} ${text.slice(0, 300)}`));
          else resolve({ ms, body: text ? JSON.parse(text) : null });
        });
      },
    );
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

function startServer(uri) {
  // BENCH_SERVER_NODE_ARGS: more Node options for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/profiles`.
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, ['--max-semi-space-size=32', ...extra, path.join(root, 'bench', 'case-server.mjs'), uri, 'bench'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the benchmark server stopped (${code})`)));
    child.stdout.once('data', (chunk) => resolve({ child, port: JSON.parse(String(chunk)).port }));
  });
}

const rssOf = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
};

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function signIn(port, agent, email) {
  const body = JSON.stringify({ email, password: PASSWORD });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/auth/login', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')).token) : reject(new Error(`sign-in of ${email}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const results = []; // { size, user, name, p50, p95, n }
const rss = new Map(); // size -> { max, ferret }

async function benchSize(size) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assist-bench-cases-'));
  const ferret = new EmbeddedFerretDb({ binary, dataDir: path.join(dataDir, 'ferretdb'), logger });
  const uri = await ferret.start();
  const db = await connectDatabase(uri, 'bench');
  let server;
  try {
    const started = Date.now();
    await startForms(db);
    await loadDemoData(db, PASSWORD);
    await loadTemplateLibrary(db, { logger });
    const services = createCaseServices(db, { referrals: createReferralPort(db) });
    const i18n = createServerI18n(localesDir);
    const prototypes = await makePrototypes({ db, dist, runtime: services.runtime, caseEvents: services.caseEvents, t: i18n.instance.getFixedT('en'), password: PASSWORD });
    const existing = await caseModel(db).countDocuments({});
    let lastLog = 0;
    await seedCases({
      db, dist, prototypes, count: size - existing, now: Date.now(), formData: FORM_DATA,
      progress: (line, always) => {
        if (always || Date.now() - lastLog > 10_000) {
          lastLog = Date.now();
          log(line);
        }
      },
    });
    log(`${size} cases seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    server = await startServer(uri);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const get = (url, token) => request(server.port, agent, url, token);
    // The server's resident memory, sampled every 50 ms: the highest while it serves lists and counts, and overall.
    const memory = { lists: 0, all: 0 };
    let listing = false;
    const sampler = setInterval(() => {
      try {
        const now = rssOf(server.child.pid);
        memory.all = Math.max(memory.all, now);
        if (listing) memory.lists = Math.max(memory.lists, now);
      } catch {
        // The server has stopped.
      }
    }, 50);

    // First every user's lists and counts (the memory measured while serving lists), then case pages, then exports.
    const sessions = [];
    for (const user of USERS) {
      const token = await signIn(server.port, agent, user.email);
      const first = (await get('/api/cases?page=1&pageSize=50', token)).body;
      const total = first.total;
      // Cases to open and texts to search for: spread over the user's list, not only its first page.
      const sample = [];
      for (const page of [1, Math.ceil(total / 100), Math.max(1, Math.ceil(total / 50) - 1)]) sample.push(...(await get(`/api/cases?page=${page}&pageSize=50`, token)).body.items);
      sessions.push({ user, token, total, sample });
    }
    const rotate = (items, index) => items[index % items.length];
    listing = true;
    for (const { user, token, total, sample } of sessions) {
      const ids = sample.map((item) => item.id);
      const references = sample.map((item) => item.reference).filter(Boolean);
      const aliases = sample.map((item) => item.alias).filter(Boolean);
      const stats = (await get('/api/case-stats', token)).body;
      // The intake, where every case starts (or, for a role that sees no positions, the stage filter finds nothing).
      const stage = stats.perStage.intake !== undefined ? 'intake' : (Object.keys(stats.perStage)[0] ?? 'intake');
      const deepPage = Math.max(1, Math.floor((total / 50) * 0.8));
      const kinds = [
        ['list: default (first page of 50)', () => '/api/cases?page=1&pageSize=50'],
        [`list: stage filter (${stage})`, () => `/api/cases?stage=${encodeURIComponent(stage)}&page=1&pageSize=50`],
        ['list: search by reference', (i) => `/api/cases?q=${encodeURIComponent(rotate(references, i))}&page=1&pageSize=50`],
        ['list: search by alias', (i) => `/api/cases?q=${encodeURIComponent(rotate(aliases, i))}&page=1&pageSize=50`],
        ['list: assigned to me', () => '/api/cases?assignedToMe=true&page=1&pageSize=50'],
        ['list: unassigned', () => '/api/cases?unassigned=true&page=1&pageSize=50'],
        ['list: overdue (as the list\'s checkbox asks)', () => '/api/cases?overdue=true&page=1&pageSize=50'],
        ['list: overdue, by deadline', () => '/api/cases?overdue=true&sort=nextDueAt&page=1&pageSize=50'],
        ['list: newest cases first (by creation)', () => '/api/cases?sort=-createdAt&page=1&pageSize=50'],
        ['list: by reference, stage filter', () => `/api/cases?stage=${encodeURIComponent(stage)}&sort=reference&page=1&pageSize=50`],
        [`list: deep page (${deepPage})`, () => `/api/cases?page=${deepPage}&pageSize=50`],
        ['GET /api/case-stats', () => '/api/case-stats'],
        ['GET /api/cases/:id', (i) => `/api/cases/${rotate(ids, i)}`],
      ];
      // In turns, one request of each kind per round, so that a passing disturbance (a collection of the server's
      // garbage, the database writing out its log) falls on every kind alike instead of on one kind's whole run.
      const times = kinds.map(() => []);
      for (let i = 0; i < WARMUP + SAMPLES; i += 1) {
        for (const [index, [, url]] of kinds.entries()) {
          const { ms } = await get(url(i), token);
          if (i >= WARMUP) times[index].push(ms);
        }
      }
      kinds.forEach(([name], index) => results.push({ size, user: user.label, name, p50: percentile(times[index], 50), p95: percentile(times[index], 95), n: times[index].length }));
    }
    listing = false;

    for (const { user, token, sample } of sessions) {
      const ids = sample.map((item) => item.id);
      // The case page as the client loads it: the case, then its workflow definition, the organisation's forms and
      // the case's submissions at once.
      const page = { total: [], extra: {} };
      for (let i = 0; i < WARMUP + SAMPLES; i += 1) {
        const one = await get(`/api/cases/${rotate(ids, i)}`, token);
        const workflow = one.body.workflow;
        const defUrl = workflow
          ? workflow.source === 'template'
            ? `/api/workflows/templates/${encodeURIComponent(workflow.definitionId)}?version=${workflow.version}`
            : `/api/workflows/${workflow.definitionId}/versions/${workflow.version}`
          : null;
        const besides = [
          ...(defUrl ? [['workflow definition', defUrl]] : []),
          ...(user.readsForms ? [['GET /api/forms', '/api/forms?lang=en']] : []),
          ['GET /api/submissions?caseId', `/api/submissions?caseId=${rotate(ids, i)}`],
        ];
        const timed = await Promise.all(besides.map(([, url]) => get(url, token)));
        if (i < WARMUP) continue;
        page.total.push(one.ms + Math.max(0, ...timed.map((r) => r.ms)));
        besides.forEach(([name], index) => (page.extra[name] ??= []).push(timed[index].ms));
      }
      results.push({ size, user: user.label, name: 'case page (case, then the rest at once)', p50: percentile(page.total, 50), p95: percentile(page.total, 95), n: page.total.length });
      for (const [name, times] of Object.entries(page.extra)) results.push({ size, user: user.label, name: `  case page: ${name}`, p50: percentile(times, 50), p95: percentile(times, 95), n: times.length });
    }

    for (const { user, token } of EXPORT_SAMPLES > 0 ? sessions : []) {
      const exports = [];
      let rows = 0;
      // One request for the whole list; a server without it (before issue 15) is paged through as its client did.
      const exportAll = async () => {
        try {
          return await get('/api/cases/all', token);
        } catch (error) {
          if (!String(error).includes(': 404')) throw error;
          let ms = 0;
          const items = [];
          for (let page = 1; ; page += 1) {
            const part = await get(`/api/cases?page=${page}&pageSize=100`, token);
            ms += part.ms;
            items.push(...part.body.items);
            if (part.body.items.length === 0 || items.length >= part.body.total) return { ms, body: { total: items.length } };
          }
        }
      };
      for (let i = 0; i < Math.min(1, WARMUP) + EXPORT_SAMPLES; i += 1) {
        const { ms, body } = await exportAll();
        rows = body.total;
        if (i >= Math.min(1, WARMUP)) exports.push(ms);
      }
      results.push({ size, user: user.label, name: `CSV export of all matches (${rows} rows)`, p50: percentile(exports, 50), p95: percentile(exports, 95), n: exports.length });
    }
    // Last, as it changes cases: a caseworker's write of one field of a case, which also updates every list holding
    // the case (the price of lists kept in the order of each sort).
    for (const { user, token, sample } of sessions.filter((session) => session.user.writes)) {
      const writes = [];
      // Her organisation's own cases (those shared with it show no assignees to her, and are not hers to change).
      const own = sample.filter((item) => item.assignees !== undefined);
      for (let i = 0; i < WARMUP + SAMPLES; i += 1) {
        const id = rotate(own, i).id;
        const { body } = await get(`/api/cases/${id}`, token);
        const { ms } = await request(server.port, agent, `/api/cases/${id}`, token, 'PATCH', { proceedingsSummary: `Benchmark write ${i}`, version: body.version });
        if (i >= WARMUP) writes.push(ms);
      }
      results.push({ size, user: user.label, name: 'PATCH /api/cases/:id (one field)', p50: percentile(writes, 50), p95: percentile(writes, 95), n: writes.length });
    }
    clearInterval(sampler);
    rss.set(size, { ...memory, ferret: rssOf(ferret.pid) });
    agent.destroy();
  } finally {
    if (server) {
      server.child.removeAllListeners('exit');
      server.child.kill('SIGTERM');
      await new Promise((resolve) => server.child.once('exit', resolve));
    }
    await db.close();
    await ferret.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const begun = Date.now();
for (const size of SIZES) {
  log(`--- ${size} cases`);
  await benchSize(size);
  // Each size's figures as soon as it is done (a long run can be read before it ends).
  for (const r of results.filter((item) => item.size === size)) log(`  ${size} ${r.user.padEnd(10)} ${r.name.padEnd(46)} p50 ${r.p50.toFixed(1).padStart(8)} p95 ${r.p95.toFixed(1).padStart(8)}`);
}

const fixed = (value) => (value === undefined ? '—' : value.toFixed(1)).padStart(8);
const lines = [`case lists on the embedded database (FerretDB ${FORM_DATA ? 'with' : 'without'} case form data rows), ${SAMPLES} requests each after ${WARMUP} warm-ups, one at a time; ms`];
for (const user of USERS.map((u) => u.label)) {
  lines.push('', `${user}`.padEnd(48) + SIZES.map((size) => `${String(size).padStart(8)} p50 p95`.padStart(20)).join('') + '   100k/10k p95');
  const kinds = [...new Set(results.filter((r) => r.user === user).map((r) => r.name.replace(/\(\d+ rows\)/, '(rows)').replace(/deep page \(\d+\)/, 'deep page')))];
  for (const kind of kinds) {
    const of = (size) => results.find((r) => r.user === user && r.size === size && r.name.replace(/\(\d+ rows\)/, '(rows)').replace(/deep page \(\d+\)/, 'deep page') === kind);
    const cells = SIZES.map((size) => `${fixed(of(size)?.p50)}${fixed(of(size)?.p95)}`.padStart(20)).join('');
    const big = of(100000);
    const mid = of(10000);
    const ratio = big && mid ? (big.p95 / mid.p95).toFixed(2).padStart(8) : '       —';
    lines.push(`  ${kind}`.padEnd(48) + cells + ratio);
  }
  for (const size of SIZES) {
    const rowsOf = results.find((r) => r.user === user && r.size === size && /rows/.test(r.name));
    if (rowsOf) lines.push(`    export rows at ${size}: ${/\((\d+) rows\)/.exec(rowsOf.name)[1]}`);
  }
}
lines.push('');
for (const [size, { lists, all, ferret }] of rss) {
  lines.push(`server RSS at ${size} cases: max ${lists.toFixed(0)} MB while serving lists and counts, ${all.toFixed(0)} MB over the whole run (case pages and exports too); FerretDB process: ${ferret.toFixed(0)} MB`);
}
lines.push(`benchmark run time: ${((Date.now() - begun) / 60_000).toFixed(1)} min`, '');
process.stdout.write(lines.join('\n'));
