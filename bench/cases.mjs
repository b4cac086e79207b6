// `npm run bench:cases`: how the case list, the dashboard's counts, the case page and the CSV export of a whole list
// answer at 1,000, 10,000 and 100,000 cases on the embedded database, for the Helsinki caseworker and the police
// liaison. Per size: a FerretDB of its own, the demo organisations and users, real cases made through the services as
// prototypes, then clones of them inserted in bulk (bench/case-seed.mjs) with their list entries and lists written by
// the server's own migration code; and a server in a child process (bench/case-server.mjs), so that its memory is
// measured alone. Every size is up at once and the lists, counts and case pages are timed in turns across sizes, one
// request at a time, end to end (HTTP included). Prints p50/p95 per request, the 100k/10k ratios and the server's RSS
// while serving lists.
//
// The lists and counts are timed in BENCH_ROUNDS rounds; each figure is the median of the rounds' p50 and p95, so that
// one round disturbed by other work on the machine does not decide it. Then a second server, which counts what it
// asks of the database, answers each list request once more: the database commands and reply bytes per request,
// which do not depend on how busy the machine is (bench/case-server.mjs).
//
// Environment: BENCH_CASE_SIZES (default 1000,10000,100000), BENCH_SAMPLES (100 per request and round, after 10
// warm-ups), BENCH_ROUNDS (3), BENCH_EXPORT_SAMPLES (5), BENCH_FORM_DATA=0 to seed the cases without the form data
// rows guards read, BENCH_DATA_DIR to keep each size's seeded database there and reuse it on the next run (its
// deadlines then lie as far in the past as the seeding does).
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
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const KEPT_DATA = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : null;
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

function startServer(uri, { countReads = false } = {}) {
  // BENCH_SERVER_NODE_ARGS: more Node options for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/profiles`.
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const env = { ...process.env, BENCH_COUNT_READS: countReads ? '1' : '0' };
  const child = spawn(process.execPath, ['--max-semi-space-size=32', ...extra, path.join(root, 'bench', 'case-server.mjs'), uri, 'bench'], { stdio: ['ignore', 'pipe', 'inherit'], env });
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
const median = (values) => percentile(values, 50);
/** p50, p95 and the number of samples of one kind of request. */
const summary = (times) => ({ p50: percentile(times, 50), p95: percentile(times, 95), n: times.length });

async function stopServer(server) {
  server.child.removeAllListeners('exit');
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
}

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

const results = []; // { size, user, name, p50, p95, n, commands?, kb? }
const rss = new Map(); // size -> { max, ferret }

async function seed(db, size, seededMark) {
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
  fs.writeFileSync(seededMark, new Date().toISOString());
}

/** One size's database, seeded or reused, and a server on it with every user signed in. */
async function openSize(size) {
  const dataDir = KEPT_DATA ? path.join(KEPT_DATA, String(size)) : fs.mkdtempSync(path.join(os.tmpdir(), 'assist-bench-cases-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const seededMark = path.join(dataDir, 'seeded');
  const ferret = new EmbeddedFerretDb({ binary, dataDir: path.join(dataDir, 'ferretdb'), logger });
  const uri = await ferret.start();
  const db = await connectDatabase(uri, 'bench');
  const at = { size, dataDir, ferret, uri, db, server: null, sessions: [] };
  try {
    await serveSize(at, seededMark);
  } catch (error) {
    await closeSize(at);
    throw error;
  }
  return at;
}

async function serveSize(at, seededMark) {
  const { size, dataDir, db, uri } = at;
  if (fs.existsSync(seededMark)) log(`${size} cases: the database seeded in ${dataDir} on ${fs.readFileSync(seededMark, 'utf8')}`);
  else await seed(db, size, seededMark);

  at.server = await startServer(uri);
  at.agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  at.get = (url, token) => request(at.server.port, at.agent, url, token);
  // The server's resident memory, sampled every 50 ms: the highest while it serves lists and counts, and overall.
  at.memory = { lists: 0, all: 0 };
  at.listing = false;
  at.sampler = setInterval(() => {
    try {
      const now = rssOf(at.server.child.pid);
      at.memory.all = Math.max(at.memory.all, now);
      if (at.listing) at.memory.lists = Math.max(at.memory.lists, now);
    } catch {
      // The server has stopped.
    }
  }, 50);
  for (const user of USERS) {
    const token = await signIn(at.server.port, at.agent, user.email);
    const { total } = (await at.get('/api/cases?page=1&pageSize=50', token)).body;
    // Cases to open and texts to search for: spread over the user's list, not only its first page.
    const sample = [];
    for (const page of [1, Math.ceil(total / 100), Math.max(1, Math.ceil(total / 50) - 1)]) sample.push(...(await at.get(`/api/cases?page=${page}&pageSize=50`, token)).body.items);
    const stats = (await at.get('/api/case-stats', token)).body;
    at.sessions.push({ user, token, total, sample, kinds: listKinds(total, sample, stats) });
  }
}

async function closeSize(at) {
  clearInterval(at.sampler);
  at.agent?.destroy();
  if (at.server) await stopServer(at.server);
  await at.db.close();
  await at.ferret.stop();
  if (!KEPT_DATA) fs.rmSync(at.dataDir, { recursive: true, force: true });
}

const rotate = (items, index) => items[index % items.length];

/** The list and count requests timed for one user: [name, (i) => url]. */
function listKinds(total, sample, stats) {
  const ids = sample.map((item) => item.id);
  const references = sample.map((item) => item.reference).filter(Boolean);
  const aliases = sample.map((item) => item.alias).filter(Boolean);
  // The intake, where every case starts (or, for a role that sees no positions, the stage filter finds nothing).
  const stage = stats.perStage.intake !== undefined ? 'intake' : (Object.keys(stats.perStage)[0] ?? 'intake');
  // Deep pages at 60, 70, 80 and 90% of the way, in turns: whether a page straddles two segments depends on its
  // position, so one fixed page would measure that luck, differently at each size, rather than the depth.
  const deepPages = [0.6, 0.7, 0.8, 0.9].map((share) => Math.max(1, Math.floor((total / 50) * share)));
  return [
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
    ['list: deep page (60 to 90% of the way)', (i) => `/api/cases?page=${rotate(deepPages, i)}&pageSize=50`],
    ['GET /api/case-stats', () => '/api/case-stats'],
    ['GET /api/cases/:id', (i) => `/api/cases/${rotate(ids, i)}`],
  ];
}

/**
 * Every user's lists and counts at every size, timed in turns: one request of each kind at each size, then the next
 * round. A passing disturbance (a collection of the server's garbage, the database writing out its log, other work
 * on the machine) thus falls on every kind and every size alike, instead of on one size's whole run, and the
 * 100k/10k ratio compares requests made side by side.
 */
async function timeLists(sizes) {
  for (const at of sizes) at.listing = true;
  for (const [userIndex, user] of USERS.entries()) {
    const kinds = sizes[0].sessions[userIndex].kinds;
    const perRound = sizes.map(() => kinds.map(() => ({ p50: [], p95: [] })));
    for (let round = 0; round < ROUNDS; round += 1) {
      const times = sizes.map(() => kinds.map(() => []));
      for (let i = 0; i < WARMUP + SAMPLES; i += 1) {
        for (let kind = 0; kind < kinds.length; kind += 1) {
          for (const [sizeIndex, at] of sizes.entries()) {
            const { token, kinds: own } = at.sessions[userIndex];
            const { ms } = await at.get(own[kind][1](i), token);
            if (i >= WARMUP) times[sizeIndex][kind].push(ms);
          }
        }
      }
      times.forEach((perKind, sizeIndex) =>
        perKind.forEach((values, kind) => {
          perRound[sizeIndex][kind].p50.push(percentile(values, 50));
          perRound[sizeIndex][kind].p95.push(percentile(values, 95));
        }),
      );
    }
    sizes.forEach((at, sizeIndex) =>
      at.sessions[userIndex].kinds.forEach(([name], kind) => {
        const { p50, p95 } = perRound[sizeIndex][kind];
        results.push({ size: at.size, user: user.label, name, p50: median(p50), p95: median(p95), n: SAMPLES * ROUNDS });
      }),
    );
  }
  for (const at of sizes) at.listing = false;
}

/** The case page as the client loads it: the case, then its workflow definition, the organisation's forms and the case's submissions at once; sizes in turns. */
async function timeCasePages(sizes) {
  for (const [userIndex, user] of USERS.entries()) {
    const pages = sizes.map(() => ({ total: [], extra: {} }));
    for (let i = 0; i < WARMUP + SAMPLES; i += 1) {
      for (const [sizeIndex, at] of sizes.entries()) {
        const { token, sample } = at.sessions[userIndex];
        const id = rotate(sample, i).id;
        const one = await at.get(`/api/cases/${id}`, token);
        const workflow = one.body.workflow;
        const defUrl = workflow
          ? workflow.source === 'template'
            ? `/api/workflows/templates/${encodeURIComponent(workflow.definitionId)}?version=${workflow.version}`
            : `/api/workflows/${workflow.definitionId}/versions/${workflow.version}`
          : null;
        const besides = [
          ...(defUrl ? [['workflow definition', defUrl]] : []),
          ...(user.readsForms ? [['GET /api/forms', '/api/forms?lang=en']] : []),
          ['GET /api/submissions?caseId', `/api/submissions?caseId=${id}`],
        ];
        const timed = await Promise.all(besides.map(([, url]) => at.get(url, token)));
        if (i < WARMUP) continue;
        const page = pages[sizeIndex];
        page.total.push(one.ms + Math.max(0, ...timed.map((r) => r.ms)));
        besides.forEach(([name], index) => (page.extra[name] ??= []).push(timed[index].ms));
      }
    }
    sizes.forEach((at, sizeIndex) => {
      const page = pages[sizeIndex];
      results.push({ size: at.size, user: user.label, name: 'case page (case, then the rest at once)', ...summary(page.total) });
      for (const [name, times] of Object.entries(page.extra)) results.push({ size: at.size, user: user.label, name: `  case page: ${name}`, ...summary(times) });
    });
  }
}

/** The CSV export of a user's whole list, then (last, as it changes cases) a caseworker's write of one field. */
async function timeExportsAndWrites(at) {
  const { size, get } = at;
  for (const { user, token } of EXPORT_SAMPLES > 0 ? at.sessions : []) {
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
    results.push({ size, user: user.label, name: `CSV export of all matches (${rows} rows)`, ...summary(exports) });
  }
  // A write also updates every list holding the case (the price of lists kept in the order of each sort).
  for (const { user, token, sample } of at.sessions.filter((session) => session.user.writes)) {
    const writes = [];
    // Her organisation's own cases (those shared with it show no assignees to her, and are not hers to change).
    const own = sample.filter((item) => item.assignees !== undefined);
    for (let i = 0; i < WARMUP + SAMPLES; i += 1) {
      const id = rotate(own, i).id;
      const { body } = await get(`/api/cases/${id}`, token);
      const { ms } = await request(at.server.port, at.agent, `/api/cases/${id}`, token, 'PATCH', { proceedingsSummary: `Benchmark write ${i}`, version: body.version });
      if (i >= WARMUP) writes.push(ms);
    }
    results.push({ size, user: user.label, name: 'PATCH /api/cases/:id (one field)', ...summary(writes) });
  }
}

/**
 * What each list request asks of the database, from a second server that counts it: after one uncounted warm-up (what
 * the first request caches is not counted), the least of three counts (the server's own timers, such as the minutely
 * check for unfinished list updates, can only add to a count).
 */
async function countReads(at) {
  clearInterval(at.sampler);
  rss.set(at.size, { ...at.memory, ferret: rssOf(at.ferret.pid) });
  await stopServer(at.server);
  at.server = await startServer(at.uri, { countReads: true });
  const counted = (url, token) => request(at.server.port, at.agent, url, token);
  for (const { user, token, kinds } of at.sessions) {
    for (const [name, url] of kinds) {
      await counted(url(0), token);
      await counted('/__bench/reads', token);
      const counts = [];
      for (let i = 0; i < 3; i += 1) {
        await counted(url(0), token);
        counts.push((await counted('/__bench/reads', token)).body);
      }
      const least = counts.reduce((best, count) => (count.bytes < best.bytes ? count : best));
      Object.assign(results.find((r) => r.size === at.size && r.user === user.label && r.name === name), { commands: least.commands, kb: least.bytes / 1024 });
    }
  }
}

const begun = Date.now();
const opened = [];
try {
  for (const size of SIZES) {
    log(`--- ${size} cases`);
    opened.push(await openSize(size));
  }
  log(`timing lists and counts at ${SIZES.join(', ')} cases in turns, ${ROUNDS} rounds`);
  await timeLists(opened);
  log('timing case pages');
  await timeCasePages(opened);
  for (const at of opened) {
    log(`exports and writes at ${at.size} cases`);
    await timeExportsAndWrites(at);
    await countReads(at);
  }
} finally {
  for (const at of opened) await closeSize(at);
}
for (const size of SIZES) {
  for (const r of results.filter((item) => item.size === size)) log(`  ${size} ${r.user.padEnd(10)} ${r.name.padEnd(46)} p50 ${r.p50.toFixed(1).padStart(8)} p95 ${r.p95.toFixed(1).padStart(8)}`);
}

const fixed = (value, digits = 1) => (value === undefined ? '—' : value.toFixed(digits)).padStart(8);
const kindOf = (name) => name.replace(/\(\d+ rows\)/, '(rows)');
const lines = [`case lists on the embedded database (FerretDB ${FORM_DATA ? 'with' : 'without'} case form data rows), ${SAMPLES} requests each after ${WARMUP} warm-ups, one at a time, in ${ROUNDS} rounds (lists and counts: the median of the rounds' p50 and p95); ms`];
for (const user of USERS.map((u) => u.label)) {
  lines.push('', `${user}`.padEnd(48) + SIZES.map((size) => `${String(size).padStart(8)} p50 p95`.padStart(20)).join('') + '   100k/10k p95');
  const kinds = [...new Set(results.filter((r) => r.user === user).map((r) => kindOf(r.name)))];
  const of = (size, kind) => results.find((r) => r.user === user && r.size === size && kindOf(r.name) === kind);
  for (const kind of kinds) {
    const cells = SIZES.map((size) => `${fixed(of(size, kind)?.p50)}${fixed(of(size, kind)?.p95)}`.padStart(20)).join('');
    const big = of(100000, kind);
    const mid = of(10000, kind);
    const ratio = big && mid ? (big.p95 / mid.p95).toFixed(2).padStart(8) : '       —';
    lines.push(`  ${kind}`.padEnd(48) + cells + ratio);
  }
  for (const size of SIZES) {
    const rowsOf = results.find((r) => r.user === user && r.size === size && /rows/.test(r.name));
    if (rowsOf) lines.push(`    export rows at ${size}: ${/\((\d+) rows\)/.exec(rowsOf.name)[1]}`);
  }
  // The same requests' work: database commands and reply kilobytes, counted once per request.
  lines.push('', `${user}: database commands, reply KB`.padEnd(48) + SIZES.map((size) => `${String(size).padStart(8)} cmd  KB`.padStart(20)).join('') + '  100k/10k KB');
  for (const kind of kinds.filter((k) => of(SIZES[0], k)?.commands !== undefined)) {
    const cells = SIZES.map((size) => `${fixed(of(size, kind)?.commands, 0)}${fixed(of(size, kind)?.kb)}`.padStart(20)).join('');
    const big = of(100000, kind);
    const mid = of(10000, kind);
    const ratio = big?.kb !== undefined && mid?.kb !== undefined ? (big.kb / mid.kb).toFixed(2).padStart(8) : '       —';
    lines.push(`  ${kind}`.padEnd(48) + cells + ratio);
  }
}
lines.push('');
for (const [size, { lists, all, ferret }] of rss) {
  lines.push(`server RSS at ${size} cases: max ${lists.toFixed(0)} MB while serving lists and counts, ${all.toFixed(0)} MB over the whole run (case pages and exports too); FerretDB process: ${ferret.toFixed(0)} MB`);
}
lines.push(`benchmark run time: ${((Date.now() - begun) / 60_000).toFixed(1)} min`, '');
process.stdout.write(lines.join('\n'));
