/* eslint-disable @typescript-eslint/no-explicit-any -- the document is JSON read field by field */
import request from 'supertest';
import { documentPath } from '../../server/src/core/openapi/openapi-document';
import { routeTable } from '../../server/src/core/http/route-table';
import { createTestApp, type TestApp } from '../helpers/test-app';

// Every route Express serves is in /api/openapi.json, read from the app's own router stack (as the fuzz test does),
// so a route added without its documentation fails here and names the file to add it to.
let t: TestApp;
let document: any;
beforeAll(async () => {
  t = await createTestApp('openapi_coverage');
  const response = await request(t.app).get('/api/openapi.json');
  expect(response.status).toBe(200);
  document = response.body;
});
afterAll(() => t.close());

const HOW_TO =
  'Document each route in its module\'s *.openapi.ts (beside its routes, e.g. server/src/modules/cases/routes/case.openapi.ts): ' +
  "an entry { method, path: the Express path with its mount prefix ('/api/...', '/formio/:org/...'), summary, query/body: the zod " +
  'schemas the handler parses with, responses }. A new module adds its list to server/src/api-documentation.ts.';

it('describes every route the app serves', () => {
  const routes = routeTable(t.app).filter((route) => route.method !== 'ALL');
  expect(routes.length).toBeGreaterThan(80);
  const missing = routes
    .filter((route) => {
      const { key } = documentPath(route.path);
      return !document.paths[key]?.[route.method.toLowerCase()];
    })
    .map((route) => `${route.method} ${route.path}`);
  if (missing.length > 0) throw new Error(`Routes missing from /api/openapi.json:\n  ${missing.join('\n  ')}\n\n${HOW_TO}`);
});

it('documents no route the app does not serve', () => {
  const served = new Set(routeTable(t.app).map((route) => `${route.method.toLowerCase()} ${documentPath(route.path).key}`));
  const documented = Object.entries(document.paths).flatMap(([key, item]: [string, any]) =>
    Object.keys(item).filter((method) => method !== 'servers' && method !== 'parameters').map((method) => `${method} ${key}`),
  );
  expect(documented.filter((entry) => !served.has(entry))).toEqual([]);
});

it('is valid OpenAPI 3.1 in its essentials: every operation has a summary, responses and its path parameters', () => {
  expect(document.openapi).toBe('3.1.0');
  for (const [key, item] of Object.entries(document.paths) as [string, any][]) {
    const names = [...key.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    for (const [method, operation] of Object.entries(item) as [string, any][]) {
      if (method === 'servers') continue;
      expect({ route: `${method} ${key}`, summary: typeof operation.summary }).toEqual({ route: `${method} ${key}`, summary: 'string' });
      expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
      const declared = (operation.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name);
      expect({ route: `${method} ${key}`, declared: declared.sort() }).toEqual({ route: `${method} ${key}`, declared: [...names].sort() });
    }
  }
});

it('describes the body of every answer: each success from a contract schema, each refusal as a problem document', () => {
  // A schema says something when it is a reference, a binary body, or more than a bare `{ type: 'object' }`.
  const says = (schema: any) => Boolean(schema) && (Boolean(schema.$ref) || schema.format === 'binary' || Object.keys(schema).some((key) => key !== 'type' && key !== '$schema') || (schema.type && schema.type !== 'object'));
  const undescribed: string[] = [];
  for (const [key, item] of Object.entries(document.paths) as [string, any][]) {
    for (const [method, operation] of Object.entries(item) as [string, any][]) {
      if (method === 'servers') continue;
      for (const [status, answer] of Object.entries(operation.responses) as [string, any][]) {
        const code = Number(status);
        if (code === 204 || (code >= 300 && code < 400)) continue;
        const schemas = Object.values(answer.content ?? {}).map((content: any) => content.schema);
        if (schemas.length === 0 || !schemas.every(says)) undescribed.push(`${method.toUpperCase()} ${key} ${status}`);
      }
    }
  }
  if (undescribed.length > 0) {
    throw new Error(
      `Answers without a described body in /api/openapi.json:\n  ${undescribed.join('\n  ')}\n\n` +
        "Give each JSON success its zod schema from the shared contract (server/src/contracts/…), e.g. `200: json('The case', CaseDetailSchema, 'CaseDetail')` " +
        "(json() from server/src/core/openapi/api-route.ts); a refusal is a description alone (problem+json).",
    );
  }
});

it('files every named schema under components, the problem document among them', () => {
  const text = JSON.stringify(document);
  const referenced = new Set([...text.matchAll(/"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]!));
  expect([...referenced].filter((name) => !document.components.schemas[name])).toEqual([]);
  expect(document.components.schemas.Problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']));
  expect(document.paths['/cases/{id}'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CaseDetail' });
  expect(document.components.schemas.CaseDetail.properties.availableEvents).toEqual({ type: 'array', items: { type: 'string' } });
});
