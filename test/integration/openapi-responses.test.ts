import request from 'supertest';
import type { z } from 'zod';
import { apiDocumentation } from '../../server/src/api-documentation';
import { createCaseApp, login, type CaseApp } from '../helpers/case-app';

// The response schemas /api/openapi.json is generated from (and the client's types are derived from) are checked
// against what the routes really answer, from the demo state with its cases: a schema that no longer matches an
// answer (a field renamed, added or dropped) fails here, so the document cannot drift from the API.
let t: CaseApp;
beforeAll(async () => {
  t = await createCaseApp('openapi_responses', undefined, {}, { demoCases: true });
});
afterAll(() => t.close());

const routes = apiDocumentation();

/** The schema a route documents for a status; the route is named by method and Express path, as its module lists it. */
function documented(method: string, path: string, status: number): z.ZodType {
  const route = routes.find((candidate) => candidate.method === method && candidate.path === path);
  if (!route) throw new Error(`${method} ${path} is not documented`);
  const answer = route.responses[status];
  if (!answer || typeof answer === 'string' || !answer.schema) throw new Error(`${method} ${path} documents no schema for ${status}`);
  return answer.schema;
}

/**
 * The answer matches its documented schema, and the schema describes all of it: parsing gives the answer back
 * unchanged (a member the schema does not name would be dropped, so it shows as a difference).
 */
function expectDocumented(method: string, path: string, response: request.Response): void {
  const result = documented(method, path, response.status).safeParse(response.body);
  if (!result.success) throw new Error(`${method} ${path} answered what its schema refuses:\n${JSON.stringify(result.error.issues.slice(0, 5), null, 2)}`);
  expect(JSON.parse(JSON.stringify(result.data))).toEqual(response.body);
}

async function get(token: string, url: string): Promise<request.Response> {
  const response = await request(t.app).get(url).set('Authorization', `Bearer ${token}`);
  expect({ url, status: response.status }).toEqual({ url, status: 200 });
  return response;
}

describe.each([
  ['worker@helsinki.demo.test', undefined],
  ['caseworker@iom.demo.test', undefined],
  ['admin@demo.test', 'dk-cmm'],
] as const)('the answers %s gets match their documented schemas', (email, org) => {
  let token: string;
  let caseIds: string[];
  beforeAll(async () => {
    token = (await login(t.app, email, org)).token;
    caseIds = (await get(token, '/api/cases?pageSize=100')).body.items.map((item: { id: string }) => item.id);
    expect(caseIds.length).toBeGreaterThan(0);
  });

  it('case list, export, statistics and duplicates', async () => {
    expectDocumented('get', '/api/cases', await get(token, '/api/cases?pageSize=100'));
    expectDocumented('get', '/api/cases/all', await get(token, '/api/cases/all'));
    expectDocumented('get', '/api/case-stats', await get(token, '/api/case-stats'));
    expectDocumented('get', '/api/cases/duplicates', await get(token, '/api/cases/duplicates?estimatedAge=30'));
  });

  it('every case page of the list, with its timeline and referrals', async () => {
    for (const id of caseIds) {
      expectDocumented('get', '/api/cases/:id', await get(token, `/api/cases/${id}`));
      expectDocumented('get', '/api/cases/:id/timeline', await get(token, `/api/cases/${id}/timeline`));
      const referrals = await request(t.app).get(`/api/cases/${id}/referrals`).set('Authorization', `Bearer ${token}`);
      if (referrals.status === 200) expectDocumented('get', '/api/cases/:id/referrals', referrals);
    }
  });

  it('the inbox', async () => {
    expectDocumented('get', '/api/inbox', await get(token, '/api/inbox'));
  });
});
