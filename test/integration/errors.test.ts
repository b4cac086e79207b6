import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('errors', { BODY_LIMIT: '1kb' });
});
afterAll(() => t.close());

function expectProblem(response: request.Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ type: `/problems/${code}`, status, code });
  expect(typeof response.body.title).toBe('string');
  expect(typeof response.body.detail).toBe('string');
  // No stack traces or internals leak into any problem body.
  expect(JSON.stringify(response.body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+|Error:/);
}

describe('error mappings give translated problem+json', () => {
  const cases: Array<[string, () => request.Test, number, string]> = [
    ['malformed JSON', () => request(t.app).post('/api/meta').set('Content-Type', 'application/json').send('{"a":'), 400, 'malformed-json'],
    ['body over BODY_LIMIT', () => request(t.app).post('/api/meta').send({ text: 'x'.repeat(2048) }), 413, 'payload-too-large'],
    ['non-JSON content type', () => request(t.app).post('/api/meta').set('Content-Type', 'text/plain').send('hello'), 415, 'unsupported-media-type'],
    ['form-encoded body', () => request(t.app).put('/api/meta').type('form').send({ a: '1' }), 415, 'unsupported-media-type'],
    ['unknown API route', () => request(t.app).get('/api/no-such-thing'), 404, 'route-not-found'],
    ['unknown non-API path', () => request(t.app).get('/no/such/page.php'), 404, 'route-not-found'],
    // A module's routes are entered only under its own prefixes (core/http/under-paths.ts); a look-alike is not.
    ['path that only starts like a module', () => request(t.app).get('/api/formsarchive'), 404, 'route-not-found'],
    ['unknown path under a module', () => request(t.app).get('/api/workflows/1/2/3/4'), 401, 'unauthenticated'],
    ['module path in other case, with trailing slash', () => request(t.app).get('/api/Cases/'), 401, 'unauthenticated'],
    // Issue 13: a percent-escape that does not decode is refused once, before any router decodes a parameter.
    ['malformed escape in a case id', () => request(t.app).get('/api/cases/%ZZ'), 400, 'malformed-path'],
    ['malformed escape in a role id', () => request(t.app).put('/api/roles/%ZZ').send({}), 400, 'malformed-path'],
    ['overlong UTF-8 in the Form.io project', () => request(t.app).get('/formio/%C0%AF/form'), 400, 'malformed-path'],
    ['malformed escape before a sub-path', () => request(t.app).post('/api/forms/%ZZ/submissions').send({ data: {} }), 400, 'malformed-path'],
    ['lone percent sign outside the API', () => request(t.app).get('/cases/%'), 400, 'malformed-path'],
    // Issue 13: bodies nested deeper than any accepted JSON are refused before any code walks them.
    ['body nested too deep', () => request(t.app).post('/api/meta').set('Content-Type', 'application/json').send(`${'['.repeat(65)}${']'.repeat(65)}`), 400, 'json-too-deep'],
  ];

  it.each(cases)('%s', async (_name, send, status, code) => {
    const english = await send().set('Accept-Language', 'en');
    expectProblem(english, status, code);
    const finnish = await send().set('Accept-Language', 'fi-FI,fi;q=0.9');
    expectProblem(finnish, status, code);
    expect(finnish.body.title).not.toBe(english.body.title);
    expect(finnish.body.detail).not.toBe(english.body.detail);
  });

  it('falls back to English for a language the platform does not offer', async () => {
    const response = await request(t.app).get('/api/nothing').set('Accept-Language', 'xx');
    expectProblem(response, 404, 'route-not-found');
    expect(response.body.title).toBe('No such address');
  });

  it('answers in English when no Accept-Language header is sent, or only "*"', async () => {
    const none = await request(t.app).get('/api/nothing').unset('Accept-Language');
    expect(none.body.title).toBe('No such address');
    const any = await request(t.app).get('/api/nothing').set('Accept-Language', '*');
    expect(any.body.title).toBe('No such address');
  });

  it('honours q-values in Accept-Language', async () => {
    const response = await request(t.app).get('/api/nothing').set('Accept-Language', 'en;q=0.3, fi;q=0.8');
    expect(response.body.title).toBe('Osoitetta ei ole');
  });
});

it('refuses a Form.io API body nested too deep with the same translated problem, as application/json', async () => {
  const send = (language: string) =>
    request(t.app).post('/formio/fi-nas/form').set('Accept-Language', language).set('Content-Type', 'application/json').send(`${'{"a":'.repeat(65)}1${'}'.repeat(65)}`);
  const english = await send('en');
  const finnish = await send('fi');
  for (const response of [english, finnish]) {
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ type: '/problems/json-too-deep', status: 400, code: 'json-too-deep' });
  }
  expect(english.body.detail).toContain('64');
  expect(finnish.body.title).not.toBe(english.body.title);
});

it('accepts a body nested exactly as deep as the limit', async () => {
  const response = await request(t.app).post('/api/meta').set('Content-Type', 'application/json').send(`${'['.repeat(64)}${']'.repeat(64)}`);
  expect(response.body.code).not.toBe('json-too-deep');
});

it('still decodes valid escapes in path parameters', async () => {
  // `%20` and UTF-8 escapes are fine: the request goes on to authentication.
  expect((await request(t.app).get('/api/cases/a%20b')).status).toBe(401);
  expect((await request(t.app).get('/api/cases/%C3%A4')).status).toBe(401);
});

describe('security baseline', () => {
  it('sends a strict Content-Security-Policy and no x-powered-by', async () => {
    const response = await request(t.app).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.headers['x-powered-by']).toBeUndefined();
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('gives every response a request id', async () => {
    const response = await request(t.app).get('/api/meta');
    expect(response.headers['x-request-id']).toMatch(/^[\w.-]{8,}$/);
  });

  it('answers /readyz with 200 while the database answers', async () => {
    const response = await request(t.app).get('/readyz');
    expect(response.status).toBe(200);
  });
});

describe('TRUST_PROXY', () => {
  it('uses X-Forwarded-For only when configured', async () => {
    const trusting = await createTestApp('trust', { TRUST_PROXY: 'loopback' });
    try {
      expect(trusting.app.get('trust proxy fn')('127.0.0.1', 0)).toBe(true);
      expect(t.app.get('trust proxy fn')('127.0.0.1', 0)).toBe(false);
    } finally {
      await trusting.close();
    }
  });
});
