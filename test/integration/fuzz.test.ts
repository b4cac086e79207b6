import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { formsDir, workflowsDir } from '../../server/src/config/paths';
import { routeTable, type RouteEntry } from '../../server/src/core/http/route-table';
import { createCaseApp, login, type CaseApp } from '../helpers/case-app';

/**
 * Issue 13: hostile requests to every route of the app, as the demo roles and anonymously, must never get a 5xx,
 * and the server must still answer afterwards. The routes come from the app's own router stack (routeTable), so a
 * new route is fuzzed without anyone listing it. `npm run fuzz` runs the same test with FUZZ_RUNS=50000;
 * FUZZ_SEED=<n> replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const IDENTITIES = ['admin@demo.test', 'designer@helsinki.demo.test', 'worker@helsinki.demo.test', 'auditor@nas.demo.test'];
const REQUEST_TIMEOUT_MS = 30_000;

jest.setTimeout(120_000 + RUNS * 150);

let t: CaseApp;
let server: http.Server;
let port: number;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const tokens = new Map<string, string | undefined>();

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

function send(method: string, target: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: target, agent, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function signInAs(email: string): Promise<string | undefined> {
  try {
    return (await login(t.app, email)).token;
  } catch {
    return undefined; // The fuzz may have changed this user (deactivated, new password): go on without it.
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What the requests are made of: values harvested from the running app (ids, paths, slugs) so that requests reach
// past "not found", the shipped templates and GET answers as realistic bodies, and hostile values of every kind.

const harvested = new Set<string>(['fi-helsinki', 'fi-nas', 'dk-cmm', '1', '2', 'en', 'fi', 'ar']);
const seeds: unknown[] = [];
/** GET answers by route pattern: realistic bodies for writes to the same pattern (PUT /api/forms/:id). */
const routeSeeds = new Map<string, unknown[]>();
/** Path values with which a GET of the pattern answered 200 (a real form id for `/api/forms/:id`). */
const routeValues = new Map<string, string[]>();
const harvestedFrom = new Map<string, string[]>();

/** Ids, paths and slugs in an answer (at most 80 of them): values that reach past "not found". */
function harvest(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown, depth: number) => {
    if (depth > 12 || found.size >= 80) return;
    if (typeof node === 'string') {
      if (/^[0-9a-f]{24}$/.test(node) || /^[a-z][a-z0-9-]{1,40}$/.test(node)) found.add(node);
      return;
    }
    if (Array.isArray(node)) node.slice(0, 20).forEach((item) => visit(item, depth + 1));
    else if (node && typeof node === 'object') Object.values(node).forEach((item) => visit(item, depth + 1));
  };
  visit(value, 0);
  for (const item of found) harvested.add(item);
  return [...found];
}

const readJsonFiles = (dir: string) =>
  fs.readdirSync(dir).filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json')).map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as unknown);

const HOSTILE_SEGMENTS = [
  '%ZZ', '%', '%C0%AF', '%E0%80%80', '%FF', '%00', '%2F', '%2e%2e', '..', '.', '%25', '%u0041', '%%', 'a%', '%E2%82',
  '$where', '$gt', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '-1', '0', '1e309', 'NaN',
  'Infinity', 'null', 'undefined', 'true', '[]', '{}', '%5B%5D', '%7B%7D', '000000000000000000000000', 'ffffffffffffffffffffffff',
  'FFFFFFFFFFFFFFFFFFFFFFFF', '0123456789abcdef0123456g', '0123456789abcdef012345', '%F0%9F%92%A9', '%D8%A7%D9%84', 'v', 'latest',
];

const segment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...harvested)).map((value) => encodeURIComponent(value)) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[0-9a-f]{24}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-fA-Fg-z]{20,28}$/) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 12_000 }).map((length) => 'a'.repeat(length)) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => encodeURIComponent(text)) },
  { weight: 2, arbitrary: fc.stringMatching(/^[\w%.~!$&'()*+,;=:@-]{0,24}$/) },
);

function instantiate(pattern: string, values: string[], keepOptional: boolean): string {
  let next = 0;
  const value = () => values[next++ % values.length] ?? 'x';
  let filled = pattern;
  // path-to-regexp 8: `{...}` is optional, `:name` one segment, `*name` one or more.
  while (/\{[^{}]*\}/.test(filled)) filled = filled.replace(/\{([^{}]*)\}/, (_all, inner: string) => (keepOptional ? inner : ''));
  filled = filled.replace(/:(\w+)|\*(\w+)/g, (_all, single: string | undefined) => (single ? value() : `${value()}/${value()}`));
  return filled || '/';
}

const QUERY_KEYS = ['limit', 'skip', 'sort', 'page', 'pageSize', 'q', 'search', 'status', 'stage', 'org', 'lang', 'type', 'tags', 'name', 'path', 'title', 'from', 'to', 'before', 'after', 'action', 'subject', 'userId', 'caseId', 'formId', 'workflow', 'version', 'number', 'a', 'b', 'revision', 'select', 'fields', 'include', 'assignee', 'overdue', '__proto__', 'constructor', '$where', 'sort[$gt]', 'limit[]'];
const QUERY_VALUES = ['-1', '0', '1', '1e309', 'NaN', '99999999999999999999', '', '%ZZ', '%', '__proto__', '$gt', '-createdAt', 'createdAt', '-__proto__', 'true', 'false', 'null', '[]', '{}', 'a,b,,c', '2024-13-45', 'P1D', 'x'.repeat(5000)];
const query: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.stringMatching(/^[\w$.[\]%-]{1,12}$/)),
      fc.oneof(fc.constantFrom(...QUERY_VALUES), segment, fc.string({ maxLength: 20 }).map((text) => encodeURIComponent(text))),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}`));

/** A placeholder in a seed that the body text replaces with text JSON.stringify cannot make (depth beyond its stack). */
const MARK = '\u0000fuzz-mark\u0000';

const deepText = (depth: number, kind: 'array' | 'object') => (kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

const HOSTILE_VALUES: unknown[] = [
  null, true, false, 0, -1, 1e308, 1.5, '', ' ', '%ZZ', 'x'.repeat(10_000), [], {}, [[[[[['deep']]]]]], ['a', ['b', ['c']]],
  { $gt: '' }, { $where: 'sleep(100)' }, { $ne: null }, JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } },
  '{{ constructor.constructor("return process")() }}', '{% print(1) %}', '<script>alert(1)</script>', 'javascript:alert(1)',
  'return process.exit(1)', { var: 'data.constructor.constructor' }, { _invoke: [[], 'toString'] }, '2024-13-45', 'P1Y2M', 'PT-1S',
  '000000000000000000000000', 'ffffffffffffffffffffffff', '__proto__', 'a.b', '$set', '\u0000', '\uD800', '🙂'.repeat(500),
];

type Step = number;
function replaceAt(seed: unknown, steps: Step[], replacement: unknown): unknown {
  if (steps.length === 0 || seed === null || typeof seed !== 'object') return replacement;
  const [step, ...rest] = steps as [Step, ...Step[]];
  if (Array.isArray(seed)) {
    if (seed.length === 0) return [replacement];
    const index = step % seed.length;
    return seed.map((item: unknown, at) => (at === index ? replaceAt(item, rest, replacement) : item));
  }
  const keys = Object.keys(seed);
  if (keys.length === 0) return { [String(step)]: replacement };
  const key = keys[step % keys.length] as string;
  const copy: Record<string, unknown> = {};
  for (const name of keys) {
    const value = name === key ? replaceAt((seed as Record<string, unknown>)[name], rest, replacement) : (seed as Record<string, unknown>)[name];
    if (name === '__proto__') Object.defineProperty(copy, name, { value, enumerable: true, writable: true, configurable: true });
    else copy[name] = value;
  }
  return copy;
}

type Replacement = { value: unknown } | { text: string } | undefined;

/** How to make a body: a seed (of this route when there is one) with one value replaced, or a fixed text. */
type BodyRecipe =
  | { kind: 'seed'; pick: number; ownSeed: boolean; steps: number[]; wrap: boolean; replacement: Replacement }
  | { kind: 'raw'; text: string };

interface BodySpec {
  recipe: BodyRecipe;
  contentType: string;
}

const seeded = (replacement: fc.Arbitrary<Replacement>): fc.Arbitrary<BodyRecipe> =>
  fc.record({
    kind: fc.constant('seed' as const),
    pick: fc.nat(),
    ownSeed: fc.boolean(),
    steps: fc.array(fc.nat(), { maxLength: 8 }),
    wrap: fc.boolean(),
    replacement,
  });

const recipe: fc.Arbitrary<BodyRecipe> = fc.oneof(
  { weight: 3, arbitrary: seeded(fc.constantFrom(...HOSTILE_VALUES).map((value) => ({ value }))) },
  {
    weight: 2,
    arbitrary: seeded(
      fc.record({ depth: fc.integer({ min: 60, max: 20_000 }), kind: fc.constantFrom('array' as const, 'object' as const) }).map(({ depth, kind }) => ({ text: deepText(depth, kind) })),
    ),
  },
  { weight: 1, arbitrary: seeded(fc.integer({ min: 1000, max: 1_200_000 }).map((length) => ({ value: 'x'.repeat(length) }))) },
  { weight: 2, arbitrary: seeded(fc.jsonValue({ maxDepth: 3 }).map((value) => ({ value }))) },
  // Unchanged seeds, so that writes also succeed and the paths and queries around them are what is hostile.
  { weight: 2, arbitrary: seeded(fc.constant(undefined)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'raw' as const, text: JSON.stringify(value) ?? 'null' })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', '{"$where":"1"}', '{"a":{"$gt":""}}', '[]', 'null', '"text"', '1', 'true',
        '{', '{"a":1,"a":2}', '\uFEFF{}', '{"a":"\\ud800"}', '{"email":{"$gt":""},"password":{"$gt":""}}', '',
      )
      .map((text) => ({ kind: 'raw' as const, text })),
  },
);

function bodyText(recipe: BodyRecipe, routeSeeds: unknown[] | undefined): string {
  if (recipe.kind === 'raw') return recipe.text;
  const pool = recipe.ownSeed && routeSeeds?.length ? routeSeeds : seeds;
  const seed = pool[recipe.pick % pool.length];
  const base = recipe.wrap && !recipe.ownSeed ? { definition: seed } : seed;
  const { replacement } = recipe;
  if (replacement === undefined) return JSON.stringify(base) ?? 'null';
  const placed = replaceAt(base, recipe.steps, 'text' in replacement ? MARK : replacement.value);
  const json = JSON.stringify(placed) ?? 'null';
  return 'text' in replacement ? json.replace(JSON.stringify(MARK), replacement.text) : json;
}

const body: fc.Arbitrary<BodySpec | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 6,
    arbitrary: fc.record({
      recipe,
      contentType: fc.constantFrom('application/json', 'application/json', 'application/json', 'application/merge-patch+json', 'text/plain', 'application/x-www-form-urlencoded'),
    }),
  },
);

interface FuzzRequest {
  identity: string | undefined;
  values: string[];
  /** Fill the path with values that a GET of it answered (when there are), so the rest of the request is what is hostile. */
  realValues: boolean;
  keepOptional: boolean;
  query: string;
  suffix: string;
  body: BodySpec | undefined;
  language: string;
}

const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.record({
  identity: fc.option(fc.constantFrom(...IDENTITIES), { freq: 5, nil: undefined }),
  values: fc.array(segment, { minLength: 1, maxLength: 4 }),
  realValues: fc.boolean(),
  keepOptional: fc.boolean(),
  query: fc.oneof(fc.constant(''), query),
  suffix: fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('/', '//', '/x', '/%ZZ', '/..', '/%2e%2e/', '/.') }),
  body: body,
  language: fc.constantFrom('en', 'fi', 'ar', 'xx', '*', 'fi;q=x'),
});

// ---------------------------------------------------------------------------------------------------------------

let routes: RouteEntry[];

beforeAll(async () => {
  // The demo organisations, users, forms, workflow templates and cases: records for the fuzz to reach.
  t = await createCaseApp('fuzz', undefined, {}, { demoCases: true });
  server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  routes = routeTable(t.app);
  for (const email of IDENTITIES) tokens.set(email, await signInAs(email));

  // Harvest ids, paths and slugs, and GET answers as body seeds, from every parameterless GET route as the admin.
  const admin = tokens.get('admin@demo.test')!;
  for (const route of routes.filter((entry) => entry.method === 'GET' && !/[:*]/.test(entry.path) && entry.path.startsWith('/api'))) {
    const answer = await send('GET', route.path, { authorization: `Bearer ${admin}` });
    if (answer.status !== 200 || !answer.contentType.includes('json')) continue;
    const parsed = JSON.parse(answer.text) as unknown;
    harvestedFrom.set(route.path, harvest(parsed));
    seeds.push(parsed);
  }
  // And GET answers of routes with parameters, filled with values harvested from the list above them
  // (`/api/forms` for `/api/forms/:id`), then from anywhere. The values that worked are used by some fuzz requests.
  const isId = (value: string) => /^[0-9a-f]{24}$/.test(value);
  const everything = [...harvested];
  for (const route of routes.filter((entry) => entry.method === 'GET' && /[:*]/.test(entry.path))) {
    const names = [...route.path.matchAll(/[:*](\w+)/g)].map((match) => match[1] as string);
    const listPath = route.path.slice(0, route.path.search(/\/[:*]/));
    const near = [...(harvestedFrom.get(listPath) ?? [])];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const filled = names.map((name, at) => {
        const pool =
          name === 'org' ? ['fi-nas'] : /id$/i.test(name) ? [...near.filter(isId), ...everything.filter(isId)] : [...near.filter((value) => !isId(value)), ...everything.filter((value) => !isId(value))];
        return encodeURIComponent(pool[(attempt + at) % Math.max(pool.length, 1)] ?? 'x');
      });
      const answer = await send('GET', instantiate(route.path, filled, false), { authorization: `Bearer ${admin}` });
      if (answer.status !== 200) continue;
      routeValues.set(route.path, filled);
      if (!answer.contentType.includes('json')) break;
      const parsed = JSON.parse(answer.text) as unknown;
      harvest(parsed);
      routeSeeds.set(route.path, [parsed]);
      break;
    }
  }
  seeds.push(...readJsonFiles(formsDir), ...readJsonFiles(workflowsDir), ...[...routeSeeds.values()].flat(), {}, []);
}, 120_000);

afterAll(async () => {
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

it('derives the route table from the app itself, with every module in it', () => {
  const table = routes.map((route) => `${route.method} ${route.path}`);
  for (const expected of ['GET /healthz', 'GET /api/cases/:id', 'POST /api/forms', 'GET /api/roles', 'PUT /api/workflows/:id', 'POST /formio/:org/form', 'GET /formio/:org/:path/submission/:sid']) {
    expect(table).toContain(expected);
  }
  expect(table.length).toBeGreaterThan(60);
});

it(`answers ${RUNS} hostile requests over every route without a 5xx, and still answers afterwards (seed ${SEED})`, async () => {
  const failures = new Map<string, string>();
  const statuses = new Map<number, number>();
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(fuzzRequest, async (input) => {
      // Round robin over the routes, so that every route is fuzzed whatever the count.
      const route = routes[sent % routes.length] as RouteEntry;
      sent += 1;
      const method = route.method === 'ALL' ? 'POST' : route.method;
      const values = (input.realValues && (routeValues.get(route.path) ?? routeValues.get(route.path.replace(/\/[^/]*$/, '/:id')))) || input.values;
      const target = `${instantiate(route.path, values, input.keepOptional)}${input.suffix}${input.query}`;
      const headers: Record<string, string> = { 'accept-language': input.language };
      const token = input.identity ? tokens.get(input.identity) : undefined;
      if (token) headers.authorization = `Bearer ${token}`;
      const text = input.body !== undefined && method !== 'GET' && method !== 'HEAD' ? bodyText(input.body.recipe, routeSeeds.get(route.path) ?? routeSeeds.get(`${route.path}/:id`)) : undefined;
      if (text !== undefined) headers['content-type'] = input.body!.contentType;
      let answer: Answer;
      try {
        answer = await send(method, target, headers, text);
      } catch (error) {
        failures.set(`${method} ${route.path} no answer`, `${target.slice(0, 300)}: ${(error as Error).message}`);
        return;
      }
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status >= 500) {
        const key = `${method} ${route.path} ${answer.status}`;
        if (!failures.has(key)) failures.set(key, `${target.slice(0, 300)} body ${text?.slice(0, 300) ?? '-'} -> ${answer.text.slice(0, 300)}`);
      }
      // A fuzzed logout or password change ends the session: sign in again so the roles keep being exercised.
      if (token && answer.status === 401 && input.identity) tokens.set(input.identity, await signInAs(input.identity));
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );

  // FUZZ_DEBUG=1 shows what the run reached: answers by status, and the routes with realistic bodies.
  if (process.env.FUZZ_DEBUG) process.stderr.write(`statuses ${JSON.stringify([...statuses.entries()].sort())}\n${routes.length} routes; bodies from GET for ${[...routeSeeds.keys()].join(' ')}\n`);
  expect(sent).toBe(RUNS);
  expect([...failures.entries()].map(([key, example]) => `${key}: ${example}`)).toEqual([]);
  // Most requests are refused, but some must get through, or the fuzz only knocks on closed doors.
  expect(statuses.get(200) ?? 0).toBeGreaterThan(0);

  expect((await send('GET', '/healthz', {})).status).toBe(200);
  expect((await send('GET', '/readyz', {})).status).toBe(200);
  const fresh = await signInAs('admin@demo.test');
  expect(fresh).toBeDefined();
  expect((await send('GET', '/api/me', { authorization: `Bearer ${fresh}` })).status).toBe(200);
});
