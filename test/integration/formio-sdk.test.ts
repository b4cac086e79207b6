/* eslint-disable @typescript-eslint/no-explicit-any -- the Form.io SDK is untyped JSON in and out */
import type { Server } from 'node:http';
import request from 'supertest';
import type { AddressInfo } from 'node:net';
import { createDemoApp, signIn } from '../helpers/demo-app';
import { FormioSdkClient } from '../helpers/formio-sdk-client';
import { auth, createForm, readJson } from '../helpers/forms-kit';
import type { TestApp } from '../helpers/test-app';

// The real, unchanged Formio class from @formio/js in a jsdom window (a child process, see formio-sdk-runner.cjs)
// against this app listening on a real port.
let t: TestApp;
let server: Server;
let base: string;
let sdk: FormioSdkClient;
let formId: string;

const tableForm = readJson('test/fixtures/forms/validation-table-form.json');
const valid = readJson('test/fixtures/forms/validation-table-submission.json');

beforeAll(async () => {
  t = await createDemoApp('formio_sdk');
  server = t.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sdk = new FormioSdkClient(base, `${base}/formio/fi-helsinki`);
  const designer = (await signIn(t, 'designer@helsinki.demo.test')).token;
  formId = (await createForm(t, designer, tableForm)).id;
  await sdk.call('setToken', { token: (await signIn(t, 'worker@helsinki.demo.test')).token });
});
afterAll(async () => {
  await sdk.close();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

const project = () => `${base}/formio/fi-helsinki`;
async function ok(op: string, args: Record<string, unknown> = {}): Promise<any> {
  const answer = await sdk.call(op, args);
  if (!answer.ok) throw new Error(`${op} failed: ${JSON.stringify(answer.error)}`);
  return answer.result;
}
async function failure(op: string, args: Record<string, unknown>): Promise<any> {
  const answer = await sdk.call(op, args);
  if (answer.ok) throw new Error(`${op} should have failed`);
  return answer.error;
}

describe('the Formio SDK against /formio/:org', () => {
  it('reads the signed-in user from /current', async () => {
    expect((await ok('currentUser')).data.email).toBe('worker@helsinki.demo.test');
  });

  it('loads a form by path and by id', async () => {
    const byPath = await ok('loadForm', { url: `${project()}/validation-table` });
    expect(byPath).toMatchObject({ _id: formId, path: 'validation-table', title: 'Validation table', display: 'form' });
    expect(byPath.components.map((component: any) => component.key)).toContain('contacts');
    expect(await ok('loadForm', { url: `${project()}/form/${formId}` })).toMatchObject({ _id: formId, path: 'validation-table' });
  });

  it('saves a submission, updates it, loads it and lists with Content-Range', async () => {
    const saved = await ok('saveSubmission', { url: `${project()}/validation-table`, submission: { data: { ...valid, totalScore: 1000 } } });
    expect(saved.form).toBe(formId);
    expect(saved.data).toEqual({ ...valid, totalScore: 7 });

    const one = `${project()}/form/${formId}/submission/${saved._id}`;
    const updated = await ok('saveSubmission', { url: one, submission: { ...saved, data: { ...saved.data, age: 31 } } });
    expect(updated.data.age).toBe(31);
    expect(await ok('loadSubmission', { url: one })).toMatchObject({ _id: saved._id, data: { age: 31, totalScore: 7 } });
    const byPath = await ok('loadSubmission', { url: `${project()}/validation-table/submission/${saved._id}` });
    expect(byPath._id).toBe(saved._id);

    await ok('saveSubmission', { url: `${project()}/validation-table`, submission: { data: { ...valid, alias: 'Bea' } } });
    const list = await ok('loadSubmissions', { url: `${project()}/form/${formId}`, params: { limit: 1, skip: 1, sort: '-created' } });
    expect(list.items).toHaveLength(1);
    expect(list).toMatchObject({ serverCount: 2, skip: 1, limit: 1 });
    expect(list.items[0]._id).toBe(saved._id);
  });

  it('rejects an invalid submission with Form.io details that carry the field paths', async () => {
    const error = await failure('saveSubmission', {
      url: `${project()}/validation-table`,
      submission: { data: { ...valid, alias: 'A', age: 'thirty', contacts: [{ name: '' }] } },
    });
    expect(error).toMatchObject({ name: 'ValidationError', status: 400 });
    const paths = error.details.map((detail: any) => detail.context.path);
    expect(paths).toEqual(expect.arrayContaining(['alias', 'age', 'contacts[0].name']));
    expect(error.details.find((detail: any) => detail.context.path === 'contacts[0].name').path).toEqual(['contacts', 0, 'name']);
  });

  it('publishes on PUT of a form, and still serves the old revision at /form/:id/v/:revision', async () => {
    const designerSdk = new FormioSdkClient(base, project());
    try {
      await designerSdk.call('setToken', { token: (await signIn(t, 'designer@helsinki.demo.test')).token });
      const current = (await designerSdk.call('loadForm', { url: `${project()}/form/${formId}` })) as { ok: true; result: any };
      const changed = { ...current.result, title: 'Validation table v2', components: current.result.components.filter((c: any) => c.key !== 'firstContact') };
      const saved = await designerSdk.call('saveForm', { url: `${project()}/form/${formId}`, form: changed });
      expect(saved).toMatchObject({ ok: true, result: { _vid: 2, title: 'Validation table v2' } });
    } finally {
      await designerSdk.close();
    }
    const old = await ok('loadForm', { url: `${project()}/form/${formId}/v/1` });
    // The SDK loads the current form, then takes the components of the requested revision from /v/1.
    expect(old._vid).toBe(1);
    expect(old.components.map((component: any) => component.key)).toContain('firstContact');
  });

  it('gives the form in the language of ?lang=, by path, by id, at a revision and in the form list', async () => {
    const designer = (await signIn(t, 'designer@helsinki.demo.test')).token;
    const definition = { ...tableForm, title: 'Contact sheet', name: 'contactSheet', path: 'contact-sheet' };
    const created = await createForm(t, designer, definition);
    const strings = { 'Contact sheet': 'Yhteystietolomake', Alias: 'Peitenimi', English: 'Englanti', 'Contact name': 'Yhteyshenkilön nimi' };
    const put = await request(t.app).put(`/api/forms/${created.id}/translations/fi`).set(auth(designer)).send({ strings, version: created.version });
    expect(put.status).toBe(200);

    const finnish = (form: any) => {
      const alias = form.components.find((component: any) => component.key === 'alias');
      const language = form.components.find((component: any) => component.key === 'language');
      const contacts = form.components.find((component: any) => component.key === 'contacts');
      return { title: form.title, alias: alias.label, options: language.data.values, contact: contacts.components[0].label };
    };
    const expected = {
      title: 'Yhteystietolomake',
      alias: 'Peitenimi',
      // Option labels are translated, their values are data and stay; an untranslated text stays as written.
      options: [{ label: 'Englanti', value: 'en' }, { label: 'Finnish', value: 'fi' }],
      contact: 'Yhteyshenkilön nimi',
    };
    expect(finnish(await ok('loadForm', { url: `${project()}/contact-sheet?lang=fi` }))).toEqual(expected);
    expect(finnish(await ok('loadForm', { url: `${project()}/form/${created.id}?lang=fi` }))).toEqual(expected);
    expect(finnish(await ok('loadForm', { url: `${project()}/form/${created.id}/v/2?lang=fi` }))).toEqual(expected);
    // Without lang the form is as written, as before.
    expect((await ok('loadForm', { url: `${project()}/contact-sheet` })).title).toBe('Contact sheet');

    const worker = (await signIn(t, 'worker@helsinki.demo.test')).token;
    const list = await request(t.app).get('/formio/fi-helsinki/form').query({ lang: 'fi', path: 'contact-sheet' }).set(auth(worker));
    expect(list.status).toBe(200);
    expect(list.body.map(finnish)).toEqual([expected]);
    // A language code that is no language code is refused, not ignored.
    expect((await request(t.app).get('/formio/fi-helsinki/contact-sheet').query({ lang: '<fi>' }).set(auth(worker))).status).toBe(400);
  });

  it('lists every form with its current revision', async () => {
    const worker = (await signIn(t, 'worker@helsinki.demo.test')).token;
    const list = await request(t.app).get('/formio/fi-helsinki/form').query({ limit: 100 }).set(auth(worker));
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(2);
    for (const form of list.body) {
      const one = await request(t.app).get(`/formio/fi-helsinki/form/${form._id}`).set(auth(worker));
      expect(form).toEqual(one.body);
    }
  });

  it('does not show another organisation', async () => {
    expect(await failure('loadForm', { url: `${base}/formio/fi-vantaa/validation-table` })).toMatchObject({ status: 404 });
  });
});
