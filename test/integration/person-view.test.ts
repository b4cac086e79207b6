/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */
import request from 'supertest';
import { createCaseApp, login, type CaseApp } from '../helpers/case-app';
import { DEMO_PASSWORD } from '../helpers/demo-app';

// Issue 18: the person's languages on the case profile, and a session handed over to the person view until the
// caseworker's password ends it (checked on the server, not only in the browser).
let t: CaseApp;
beforeAll(async () => {
  t = await createCaseApp('person_view');
});
const signIn = (_t: CaseApp, email: string) => login(t.app, email);
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function newCase(token: string, alias: string): Promise<any> {
  const created = await request(t.app)
    .post('/api/cases')
    .set(bearer(token))
    .send({ alias, workflowId: 'finland-municipality', identity: { languages: ['uk', 'ru'], personLanguages: ['uk', 'ru'] } });
  expect({ status: created.status, problem: created.status === 201 ? undefined : created.body }).toEqual({ status: 201 });
  return created.body;
}

describe('the person view', () => {
  it('keeps the person languages on the profile and refuses a language without person-facing texts', async () => {
    const { token } = await signIn(t, 'worker@helsinki.demo.test');
    const record = await newCase(token, 'Olena');
    expect(record.identity.personLanguages).toEqual(['uk', 'ru']);
    const refused = await request(t.app)
      .patch(`/api/cases/${record.id}`)
      .set(bearer(token))
      .send({ version: record.version, identity: { personLanguages: ['tlh'] } });
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    const unchanged = await request(t.app).get(`/api/cases/${record.id}`).set(bearer(token));
    expect(unchanged.body.identity.personLanguages).toEqual(['uk', 'ru']);
  });

  it('locks the session to the case until the caseworker password is given', async () => {
    const { token } = await signIn(t, 'worker@helsinki.demo.test');
    const record = await newCase(token, 'Oksana');
    const other = await newCase(token, 'Other');

    const started = await request(t.app).post(`/api/cases/${record.id}/person-view`).set(bearer(token));
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ caseId: record.id, personLanguages: ['uk', 'ru'], jurisdiction: 'fi' });

    const me = await request(t.app).get('/api/me').set(bearer(token));
    expect(me.body.personView).toEqual({ caseId: record.id });
    expect((await request(t.app).get(`/api/cases/${record.id}/person-view`).set(bearer(token))).status).toBe(200);
    expect((await request(t.app).get('/api/forms?limit=5').set(bearer(token))).status).toBe(200);

    // The case file, other cases, the case list and the Form.io API stay closed while the person holds the tablet.
    for (const path of [`/api/cases/${record.id}`, `/api/cases/${other.id}/person-view`, '/api/cases', `/api/cases/${record.id}/plan.pdf`]) {
      const refused = await request(t.app).get(path).set(bearer(token)).set('Accept-Language', 'fi');
      expect({ path, status: refused.status, code: refused.body.code }).toEqual({ path, status: 403, code: 'person-view-active' });
      expect(refused.body.title).toBe('Henkilön näkymä on auki');
    }
    expect((await request(t.app).get('/formio/fi-helsinki/consent-information').set(bearer(token))).status).toBe(403);
    expect((await request(t.app).patch(`/api/cases/${record.id}`).set(bearer(token)).send({ version: 1, alias: 'x' })).status).toBe(403);

    const wrong = await request(t.app).post('/api/auth/person-view/end').set(bearer(token)).send({ password: 'not the password' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('person-view-password');
    expect((await request(t.app).get(`/api/cases/${record.id}`).set(bearer(token))).status).toBe(403);
    const empty = await request(t.app).post('/api/auth/person-view/end').set(bearer(token)).send({});
    expect(empty.status).toBe(400);

    const ended = await request(t.app).post('/api/auth/person-view/end').set(bearer(token)).send({ password: DEMO_PASSWORD });
    expect(ended.status).toBe(204);
    expect((await request(t.app).get('/api/me').set(bearer(token))).body.personView).toBeNull();
    expect((await request(t.app).get(`/api/cases/${record.id}`).set(bearer(token))).status).toBe(200);
  });

  it('opens only a case the caseworker may read', async () => {
    const { token } = await signIn(t, 'worker@helsinki.demo.test');
    const record = await newCase(token, 'Hidden');
    const stranger = await signIn(t, 'worker@vantaa.demo.test');
    expect((await request(t.app).post(`/api/cases/${record.id}/person-view`).set(bearer(stranger.token))).status).toBe(404);
    expect((await request(t.app).get('/api/me').set(bearer(stranger.token))).body.personView).toBeNull();
    expect((await request(t.app).post('/api/cases/not-an-id/person-view').set(bearer(token))).status).toBe(404);
  });
});
