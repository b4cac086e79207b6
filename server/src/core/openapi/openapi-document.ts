import { z } from 'zod';
import type { ApiResponse, ApiRoute } from './api-route';
import { ProblemSchema } from '../../contracts/api/problem.schemas';

type Json = Record<string, unknown>;

const toJsonSchema = (s: z.ZodType, io: 'input' | 'output' = 'input') =>
  z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any', io }) as Json;

const problem = (description: string, mediaType = 'application/problem+json') => ({ description, content: { [mediaType]: { schema: { $ref: '#/components/schemas/Problem' } } } });

/** Files a schema under components (the same name twice must mean the same schema) and answers its reference. */
function named(schemas: Json, name: string, schema: z.ZodType, io: 'input' | 'output'): Json {
  const generated = toJsonSchema(schema, io);
  delete generated.$schema;
  if (schemas[name] && JSON.stringify(schemas[name]) !== JSON.stringify(generated)) throw new Error(`OpenAPI: two different schemas are named ${name}`);
  schemas[name] = generated;
  return { $ref: `#/components/schemas/${name}` };
}

/** Where a route's path is served from: the API under /api, the Form.io-compatible API per organisation, the rest at /. */
const MOUNTS = [
  { prefix: '/api', server: { url: '/api' } },
  { prefix: '/formio/:org', server: { url: '/formio/{org}', variables: { org: { default: 'fi-helsinki', description: "The organisation's slug (its Form.io project URL)" } } } },
] as const;

/** `/api/cases/:id` -> the `/api` server and `/cases/{id}`. */
export function documentPath(path: string): { key: string; server: Json | null } {
  const mount = MOUNTS.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`));
  const rest = mount ? path.slice(mount.prefix.length) || '/' : path;
  const key = rest.replace(/:(\w+)/g, '{$1}');
  return { key, server: mount && mount.prefix !== '/api' ? mount.server : mount ? null : { url: '/' } };
}

const pathParameterNames = (path: string) => [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!).filter((name) => name !== 'org' || !path.startsWith('/formio/'));

/**
 * A refusal without a schema of its own is problem+json; a success without one has no body described (a 204, a
 * redirect; any other is what openapi-coverage.test.ts refuses), never a made-up `{ type: object }`.
 */
function response(answer: ApiResponse, status: number, schemas: Json): Json {
  const { description, schema, name, mediaType, binary } = typeof answer === 'string' ? { description: answer } : answer;
  if (status === 204 || (status >= 300 && status < 400)) return { description };
  if (!schema && !binary) return status >= 400 ? problem(description, mediaType) : { description };
  const media = mediaType ?? (status >= 400 ? 'application/problem+json' : 'application/json');
  const body = binary ? { type: 'string', format: 'binary' } : name ? named(schemas, name, schema!, 'output') : toJsonSchema(schema!, 'output');
  delete body.$schema;
  return { description, content: { [media]: { schema: body } } };
}

function operation(route: ApiRoute, schemas: Json): Json {
  const parameters: unknown[] = pathParameterNames(route.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
    description: route.params?.[name] ?? (name === 'id' ? "The record's id" : name),
  }));
  if (route.query) {
    const query = toJsonSchema(route.query) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
  }
  if (route.idempotent) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  let requestBody: Json | undefined;
  if (route.body) {
    const schema = route.bodyName ? named(schemas, route.bodyName, route.body, 'input') : toJsonSchema(route.body);
    requestBody = { required: true, content: { 'application/json': { schema } } };
  }
  const responses: Record<string, Json> = {};
  if (route.query || route.body || parameters.length > 0) responses['400'] = problem('Invalid input (every problem listed with its path)');
  if (!route.public) responses['401'] = problem('Not signed in');
  if (pathParameterNames(route.path).length > 0 && !route.public) responses['404'] = problem('Missing, or not visible to this user');
  if (route.idempotent) {
    responses['400'] = problem('Invalid input, or an invalid `Idempotency-Key` (`idempotency-key-invalid`)');
    responses['409'] = problem('A request with this `Idempotency-Key` is still being processed (`idempotency-key-in-flight`): retry in a few seconds');
    responses['422'] = problem('This `Idempotency-Key` was used for a different request (`idempotency-key-reused`)');
  }
  for (const [status, answer] of Object.entries(route.responses)) responses[status] = response(answer, Number(status), schemas);
  return {
    summary: route.summary,
    tags: [route.module],
    ...(route.public ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'IETF draft "The Idempotency-Key HTTP Header Field": a key of 1 to 255 printable ASCII characters (a UUID, say), as a Structured Field String (`"…"`) or bare. ' +
    'A retry with the same key by the same user in the same organisation within 24 hours stores nothing new and answers with the first result ' +
    '(the record as it is now); the same key with a different request is a 422, and while the first request is still running a 409. ' +
    "Keys are per user and organisation: another user's key never finds this one's result. Without the header the request runs as usual.",
  schema: { type: 'string', minLength: 1 },
};

/**
 * The OpenAPI 3.1 document of every route the modules list: paths under the API's server (`/api`), the Form.io
 * API's paths with their own server (`/formio/{org}`), the others with `/`. Two routes that would share a method
 * and a path in the document are a programming error.
 */
export function openApiDocument(routes: readonly ApiRoute[], extraSchemas: Record<string, z.ZodType> = {}): Json {
  const schemas: Json = {};
  named(schemas, 'Problem', ProblemSchema, 'output');
  for (const [name, schema] of Object.entries(extraSchemas)) schemas[name] = toJsonSchema(schema, 'output');
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const { key, server } = documentPath(route.path);
    const item = (paths[key] ??= server ? { servers: [server] } : {});
    if (item[route.method]) throw new Error(`OpenAPI: ${route.method.toUpperCase()} ${key} is listed twice`);
    item[route.method] = operation(route, schemas);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Assist API',
      version: '1.0.0',
      description: 'Errors are application/problem+json with a stable `code`. The Form.io-compatible API answers errors in Form.io\'s shape.',
    },
    servers: [{ url: '/api' }],
    tags: [...new Set(routes.map((route) => route.module))].map((name) => ({ name })),
    components: {
      parameters: { IdempotencyKey: IDEMPOTENCY_KEY },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'assist_session' } },
      schemas,
    },
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
  };
}
