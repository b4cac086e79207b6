import request from 'supertest';
import type { z } from 'zod';
import { apiDocumentation } from '../../server/src/api-documentation';
import { createCaseApp, login, type CaseApp } from '../helpers/case-app';
import { DEMO_PASSWORD } from '../helpers/demo-app';

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
      const grant = await request(t.app).get(`/api/cases/${id}/grant`).set('Authorization', `Bearer ${token}`);
      if (grant.status === 200) expectDocumented('get', '/api/cases/:id/grant', grant);
    }
  });

  it('the inbox', async () => {
    expectDocumented('get', '/api/inbox', await get(token, '/api/inbox'));
  });
});

it("a caseworker's writes answer what they document: a draft kept and read back, an event fired, a task done", async () => {
  const { token, csrfToken } = await login(t.app, 'worker@helsinki.demo.test');
  const send = (method: 'put' | 'post', url: string, body: object) => request(t.app)[method](url).set('Authorization', `Bearer ${token}`).set('X-CSRF-Token', csrfToken).send(body);
  const ids: string[] = (await get(token, '/api/cases?pageSize=100')).body.items.map((item: { id: string }) => item.id);
  const kept = await send('put', `/api/cases/${ids[0]}/drafts/needs-assessment`, { data: { note: 'draft' } });
  expectDocumented('put', '/api/cases/:id/drafts/:formPath', kept);
  expectDocumented('get', '/api/cases/:id/drafts/:formPath', await get(token, `/api/cases/${ids[0]}/drafts/needs-assessment`));
  const pages = await Promise.all(ids.map(async (id) => (await get(token, `/api/cases/${id}`)).body));
  const movable = pages.find((page) => page.eventOptions.some((option: { inputs?: unknown[] }) => !option.inputs?.length));
  const option = movable.eventOptions.find((candidate: { inputs?: unknown[] }) => !candidate.inputs?.length);
  const fired = await send('post', `/api/cases/${movable.id}/events`, { type: option.type, data: option.data });
  expect(fired.status).toBe(200);
  expectDocumented('post', '/api/cases/:id/events', fired);
  const withTask = pages.find((page) => page.workflow?.tasks.some((task: { status: string }) => task.status === 'open'));
  if (withTask) {
    const current = (await get(token, `/api/cases/${withTask.id}`)).body;
    const task = current.workflow.tasks.find((candidate: { status: string }) => candidate.status === 'open');
    const done = await send('post', `/api/cases/${current.id}/tasks/${task.id}/done`, { version: current.version });
    if (done.status === 200) expectDocumented('post', '/api/cases/:id/tasks/:taskId/done', done);
  }
});

describe('the forms and submissions answers match their documented schemas', () => {
  let designer: string;
  let worker: string;
  beforeAll(async () => {
    designer = (await login(t.app, 'designer@helsinki.demo.test')).token;
    worker = (await login(t.app, 'worker@helsinki.demo.test')).token;
  });

  it('every form of the organisation, with its revisions, translations and export', async () => {
    const list = await get(designer, '/api/forms?limit=100');
    expectDocumented('get', '/api/forms', list);
    expect(list.body.items.length).toBeGreaterThan(3);
    for (const { id } of list.body.items as { id: string }[]) {
      expectDocumented('get', '/api/forms/:id', await get(designer, `/api/forms/${id}?lang=fi`));
      expectDocumented('get', '/api/forms/:id/revisions', await get(designer, `/api/forms/${id}/revisions`));
      expectDocumented('get', '/api/forms/:id/revisions/:number', await get(designer, `/api/forms/${id}/revisions/1`));
      expectDocumented('get', '/api/forms/:id/translations', await get(designer, `/api/forms/${id}/translations`));
      expectDocumented('get', '/api/forms/:id/translations/missing', await get(designer, `/api/forms/${id}/translations/missing`));
      expectDocumented('get', '/api/forms/:id/translations/:lang', await get(designer, `/api/forms/${id}/translations/sv`));
      expectDocumented('get', '/api/forms/:id/export', await get(designer, `/api/forms/${id}/export`));
      expectDocumented('get', '/api/forms/:id/revisions/diff', await get(designer, `/api/forms/${id}/revisions/diff?from=1&to=1`));
    }
    expectDocumented('get', '/api/form-bundle', await get(designer, '/api/form-bundle'));
  });

  it('the form template library', async () => {
    const templates = await get(designer, '/api/form-templates');
    expectDocumented('get', '/api/form-templates', templates);
    expectDocumented('get', '/api/form-templates/:path', await get(designer, `/api/form-templates/${templates.body.items[0].path}`));
  });

  it("the submissions of a caseworker's cases, with their questions", async () => {
    const list = await get(worker, '/api/submissions?limit=100');
    expectDocumented('get', '/api/submissions', list);
    expect(list.body.items.length).toBeGreaterThan(0);
    for (const { id } of list.body.items as { id: string }[]) {
      expectDocumented('get', '/api/submissions/:id', await get(worker, `/api/submissions/${id}`));
      expectDocumented('get', '/api/submissions/:id/questions', await get(worker, `/api/submissions/${id}/questions`));
    }
  });
});

describe('the answers of sign-in, administration, workflows and the Form.io API match their documented schemas', () => {
  let admin: string;
  let designer: string;
  beforeAll(async () => {
    admin = (await login(t.app, 'admin@helsinki.demo.test')).token;
    designer = (await login(t.app, 'designer@helsinki.demo.test')).token;
  });

  it('sign-in, the session, and what anyone may read before it', async () => {
    const signedIn = await request(t.app).post('/api/auth/login').send({ email: 'worker@helsinki.demo.test', password: DEMO_PASSWORD });
    expectDocumented('post', '/api/auth/login', signedIn);
    expectDocumented('get', '/api/me', await get(admin, '/api/me'));
    expectDocumented('get', '/api/meta', await get(admin, '/api/meta'));
    expectDocumented('get', '/api/auth/oidc', await get(admin, '/api/auth/oidc'));
    expectDocumented('get', '/healthz', await get(admin, '/healthz'));
    expectDocumented('get', '/api/openapi.json', await get(admin, '/api/openapi.json'));
  });

  it('roles, users, account locks, organisations and the audit trail', async () => {
    expectDocumented('get', '/api/roles/presets', await get(admin, '/api/roles/presets'));
    const roles = await get(admin, '/api/roles');
    expectDocumented('get', '/api/roles', roles);
    expectDocumented('get', '/api/roles/:id', await get(admin, `/api/roles/${roles.body[0].id}`));
    expectDocumented('get', '/api/users', await get(admin, '/api/users'));
    expectDocumented('get', '/api/account-locks', await get(admin, '/api/account-locks'));
    const organisations = await get(admin, '/api/organisations');
    expectDocumented('get', '/api/organisations', organisations);
    for (const { id } of organisations.body as { id: string }[]) {
      expectDocumented('get', '/api/organisations/:id', await get(admin, `/api/organisations/${id}`));
      expectDocumented('get', '/api/organisations/:id/exchange-rates', await get(admin, `/api/organisations/${id}/exchange-rates`));
    }
    const audit = await get(admin, '/api/audit?limit=200');
    expect(audit.body.items.length).toBeGreaterThan(0);
    expectDocumented('get', '/api/audit', audit);
  });

  it('workflows, the template library, validation and the rights sheet', async () => {
    const templates = await get(designer, '/api/workflows/templates');
    expectDocumented('get', '/api/workflows/templates', templates);
    for (const { key } of templates.body.items as { key: string }[]) {
      expectDocumented('get', '/api/workflows/templates/:key', await get(designer, `/api/workflows/templates/${key}`));
    }
    const workflows = await get(designer, '/api/workflows');
    expectDocumented('get', '/api/workflows', workflows);
    for (const { id } of workflows.body.items as { id: string }[]) {
      expectDocumented('get', '/api/workflows/:id', await get(designer, `/api/workflows/${id}`));
    }
    const template = await get(designer, `/api/workflows/templates/${templates.body.items[0].key}`);
    const validated = await request(t.app).post('/api/workflows/validate').set('Authorization', `Bearer ${designer}`).send({ definition: template.body.definition });
    expectDocumented('post', '/api/workflows/validate', validated);
    expectDocumented('get', '/api/jurisdictions/:code/rights', await get(designer, '/api/jurisdictions/fi/rights'));
  });

  it('the Form.io API: the user, forms and submissions in Form.io\'s shapes', async () => {
    const worker = (await login(t.app, 'worker@helsinki.demo.test')).token;
    expectDocumented('get', '/formio/:org/current', await get(worker, '/formio/fi-helsinki/current'));
    const forms = await get(worker, '/formio/fi-helsinki/form?limit=100');
    expectDocumented('get', '/formio/:org/form', forms);
    for (const form of forms.body as { _id: string; path: string }[]) {
      expectDocumented('get', '/formio/:org/form/:id', await get(worker, `/formio/fi-helsinki/form/${form._id}?lang=fi`));
      expectDocumented('get', '/formio/:org/:path', await get(worker, `/formio/fi-helsinki/${form.path}`));
      expectDocumented('get', '/formio/:org/form/:id/submission', await get(worker, `/formio/fi-helsinki/form/${form._id}/submission`));
    }
  });
});
