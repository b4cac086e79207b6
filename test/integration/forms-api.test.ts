/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON, read field by field */
import request from 'supertest';
import { hashPassword, clonePresetInto, userModel } from '../../server/src/modules/access';
import { copyMissedEntries, settleAuditCopies } from '../../server/src/modules/audit';
import { auditModel } from '../../server/src/modules/audit/testing';
import { submissionModel } from '../../server/src/modules/submissions';
import { organisationModel } from '../../server/src/modules/tenants';
import { createDemoApp, DEMO_PASSWORD, signIn } from '../helpers/demo-app';
import { auth, createForm, readJson } from '../helpers/forms-kit';
import type { TestApp } from '../helpers/test-app';

let t: TestApp;
let designer: string;
let worker: string;
beforeAll(async () => {
  t = await createDemoApp('forms_api');
  designer = (await signIn(t, 'designer@helsinki.demo.test')).token;
  worker = (await signIn(t, 'worker@helsinki.demo.test')).token;
});
afterAll(() => t.close());

const tableForm = readJson('test/fixtures/forms/validation-table-form.json');
const valid = readJson('test/fixtures/forms/validation-table-submission.json');

describe('the validation table through HTTP', () => {
  let formId: string;
  beforeAll(async () => {
    formId = (await createForm(t, designer, tableForm)).id;
  });
  const submit = (data: unknown, language = 'en') =>
    request(t.app).post(`/api/forms/${formId}/submissions`).set(auth(worker)).set('Accept-Language', language).send({ data });

  it('stores the good case cleaned, with the calculated value recomputed on the server', async () => {
    const response = await submit({ ...valid, dependantCount: 4, totalScore: 999, injected: { $gt: '' } });
    expect(response.status).toBe(201);
    expect(response.body.data).toEqual({ ...valid, totalScore: 7 });
    expect(response.body.revision).toBe(1);
    const stored = await submissionModel(t.db).findById(response.body.id).lean();
    expect(stored?.data).toEqual({ ...valid, totalScore: 7 });
  });

  it.each([
    ['missing required text', { alias: undefined }, 'alias', 'required'],
    ['too short', { alias: 'A' }, 'alias', 'minLength'],
    ['too long', { alias: 'A'.repeat(21) }, 'alias', 'maxLength'],
    ['pattern', { alias: 'Anna 2' }, 'alias', 'pattern'],
    ['email', { email: 'not-an-email' }, 'email', 'email'],
    ['number below min', { age: -1 }, 'age', 'min'],
    ['number above max', { age: 121 }, 'age', 'max'],
    ['select value not offered', { language: 'sv' }, 'language', 'onlyAvailableItems'],
    ['conditional field required when shown', { hasDependants: true }, 'dependantCount', 'required'],
    ['datagrid row required', { contacts: [{ name: 'ok' }, { name: '' }] }, 'contacts[1].name', 'required'],
    ['query operator in a text field', { alias: { $gt: '' } }, 'alias', 'type'],
    ['words in a number', { age: 'thirty' }, 'age', 'type'],
    ['array in a text field', { alias: ['Anna'] }, 'alias', 'type'],
  ])('%s -> 400 with the path %s', async (_name, change, path, validator) => {
    const response = await submit({ ...valid, ...change });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.name).toBe('ValidationError');
    expect(response.body.details.map((detail: any) => ({ path: detail.context.path, validator: detail.context.validator }))).toContainEqual({ path, validator });
  });

  it('gives the messages in the request language', async () => {
    const response = await submit({ ...valid, alias: undefined }, 'fi');
    expect(response.body.details[0].message).toBe('Alias on pakollinen.');
  });

  it('refuses an update with a stale version with 409, and accepts the current one', async () => {
    const created = (await submit(valid)).body;
    const first = await request(t.app).put(`/api/submissions/${created.id}`).set(auth(worker)).send({ data: { ...valid, age: 31 }, version: 0 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, data: { age: 31 } });
    const stale = await request(t.app).put(`/api/submissions/${created.id}`).set(auth(worker)).send({ data: { ...valid, age: 32 }, version: 0 });
    expect(stale.status).toBe(409);
  });

  it('lists by form, paginated', async () => {
    const response = await request(t.app).get(`/api/submissions?formId=${formId}&limit=1`).set(auth(worker));
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(1);
    expect(response.body.total).toBeGreaterThanOrEqual(2);
  });
});

describe('definitions with JavaScript', () => {
  const code = 'value = 1;';
  const places: Array<[string, Record<string, unknown>, string]> = [
    ['customConditional', { customConditional: 'show = true;' }, 'customConditional'],
    ['calculateValue', { calculateValue: code }, 'calculateValue'],
    ['custom validation', { validate: { custom: 'valid = true;' } }, 'validate.custom'],
    ['customDefaultValue', { customDefaultValue: code }, 'customDefaultValue'],
    ['logic trigger', { logic: [{ name: 'l', trigger: { type: 'javascript', javascript: 'result = true;' }, actions: [] }] }, 'logic[0].trigger'],
    ['logic action', { logic: [{ name: 'l', trigger: { type: 'simple', simple: {} }, actions: [{ name: 'a', type: 'value', value: code }] }] }, 'logic[0].actions[0].value'],
  ];

  it.each(places)('refuses %s with the component path', async (_name, extra, property) => {
    const definition = {
      title: 'With code', name: 'withCode', path: 'with-code', display: 'form',
      components: [{ type: 'panel', key: 'page', input: false, components: [{ type: 'textfield', key: 'nickname', label: 'Nickname', input: true, ...extra }] }],
    };
    const response = await request(t.app).post('/api/forms').set(auth(designer)).send({ definition });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('form-definition-invalid');
    expect(response.body.problems).toContainEqual(expect.objectContaining({ code: 'javascript', path: 'components[0].components[0]', key: 'nickname', property }));
  });

  it('refuses several at once, each with its path', async () => {
    const definition = {
      title: 'With code', name: 'withCode', path: 'with-code',
      components: [
        { type: 'textfield', key: 'a', label: 'A', input: true, calculateValue: 'value = 1' },
        { type: 'textfield', key: 'b', label: 'B', input: true, customConditional: 'show = false' },
      ],
    };
    const response = await request(t.app).post('/api/forms').set(auth(designer)).send({ definition });
    expect(response.body.problems.map((problem: any) => problem.path)).toEqual(['components[0]', 'components[1]']);
  });
});

describe('revisions', () => {
  const v1 = {
    title: 'Intake', name: 'intake', path: 'intake',
    components: [
      { type: 'textfield', key: 'alias', label: 'Alias', input: true },
      { type: 'number', key: 'age', label: 'Age', input: true },
    ],
  };
  const v2 = {
    ...v1,
    components: [
      { type: 'textfield', key: 'alias', label: 'Pseudonym', input: true, validate: { required: true } },
      { type: 'email', key: 'email', label: 'Email', input: true },
    ],
  };

  it('pins a submission to its revision, keeps the old revision readable and diffs them', async () => {
    const form = await createForm(t, designer, v1);
    const old = await request(t.app).post(`/api/forms/${form.id}/submissions`).set(auth(worker)).send({ data: { alias: 'A', age: 30 } });
    expect(old.status).toBe(201);

    const draft = await request(t.app).put(`/api/forms/${form.id}`).set(auth(designer)).send({ definition: v2, version: form.version, note: 'email instead of age' });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ latestRevision: 2, publishedRevision: 1 });
    // A draft does not change what is filled in.
    const stillV1 = await request(t.app).post(`/api/forms/${form.id}/submissions`).set(auth(worker)).send({ data: { alias: 'B', age: 40 } });
    expect(stillV1.body).toMatchObject({ revision: 1, data: { alias: 'B', age: 40 } });

    const published = await request(t.app).post(`/api/forms/${form.id}/publish`).set(auth(designer)).send({ version: draft.body.version });
    expect(published.status).toBe(200);
    expect(published.body.publishedRevision).toBe(2);
    const fresh = await request(t.app).post(`/api/forms/${form.id}/submissions`).set(auth(worker)).send({ data: { alias: 'C', email: 'c@example.org', age: 5 } });
    expect(fresh.body).toMatchObject({ revision: 2, data: { alias: 'C', email: 'c@example.org' } });

    const reread = await request(t.app).get(`/api/submissions/${old.body.id}`).set(auth(worker));
    expect(reread.body).toMatchObject({ revision: 1, data: { alias: 'A', age: 30 } });
    // Editing the old submission still validates against revision 1 (age is not dropped, email not required).
    const edited = await request(t.app).put(`/api/submissions/${old.body.id}`).set(auth(worker)).send({ data: { alias: 'A', age: 31 }, version: 0 });
    expect(edited.body).toMatchObject({ revision: 1, data: { alias: 'A', age: 31 } });

    const revision1 = await request(t.app).get(`/api/forms/${form.id}/revisions/1`).set(auth(worker));
    expect(revision1.body.definition.components.map((c: any) => c.key)).toEqual(['alias', 'age']);
    const list = await request(t.app).get(`/api/forms/${form.id}/revisions`).set(auth(worker));
    expect(list.body.items.map((item: any) => [item.number, item.published, item.current])).toEqual([[2, true, true], [1, true, false]]);

    const diff = await request(t.app).get(`/api/forms/${form.id}/revisions/diff?from=1&to=2`).set(auth(worker));
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({
      from: 1,
      to: 2,
      added: [{ path: 'email', key: 'email', type: 'email' }],
      removed: [{ path: 'age', key: 'age', type: 'number' }],
      changed: [{ path: 'alias', key: 'alias', properties: ['label', 'validate'] }],
    });
  });

  it('refuses a save on a stale version with 409', async () => {
    const form = await createForm(t, designer, { ...v1, path: 'intake-stale', name: 'intakeStale' });
    const first = await request(t.app).put(`/api/forms/${form.id}`).set(auth(designer)).send({ definition: { ...v2, path: 'intake-stale', name: 'intakeStale' }, version: 0 });
    expect(first.status).toBe(200);
    const stale = await request(t.app).put(`/api/forms/${form.id}`).set(auth(designer)).send({ definition: { ...v2, path: 'intake-stale', name: 'intakeStale' }, version: 0 });
    expect(stale.status).toBe(409);
  });

  it('takes no submission for a form deleted a moment after one was submitted (the form lookup cache forgets it)', async () => {
    const form = await createForm(t, designer, { ...v1, path: 'intake-deleted', name: 'intakeDeleted' });
    expect((await request(t.app).post(`/api/forms/${form.id}/submissions`).set(auth(worker)).send({ data: { alias: 'x', age: 3 } })).status).toBe(201);
    expect((await request(t.app).delete(`/api/forms/${form.id}`).set(auth(designer))).status).toBe(204);
    expect((await request(t.app).post(`/api/forms/${form.id}/submissions`).set(auth(worker)).send({ data: { alias: 'y', age: 4 } })).status).toBe(404);
  });

  it('stores the audit entry of every one of many parallel submissions with it, and the audit log shows them all', async () => {
    const form = await createForm(t, designer, { ...v1, path: 'intake-parallel', name: 'intakeParallel' });
    const auditor = (await signIn(t, 'auditor@nas.demo.test')).token;
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        request(t.app).post(`/api/forms/${form.id}/submissions`).set(auth(worker)).send({ data: { alias: `p${index}`, age: index } }),
      ),
    );
    const ids = responses.map((response) => {
      expect(response.status).toBe(201);
      return response.body.id as string;
    });
    // Read through the API at once, the log already has every one of them (and each once).
    const log = await Promise.all(ids.map((id) => request(t.app).get(`/api/audit?subjectId=${id}&action=create`).set(auth(auditor))));
    expect(log.map((response) => response.body.items.map((entry: { subjectId: string }) => entry.subjectId))).toEqual(ids.map((id) => [id]));
    // Stored in the same insert as the submission, before the answer: no crash can part them.
    const stored = await submissionModel(t.db).find({ _id: { $in: ids } }).lean();
    expect(stored).toHaveLength(25);
    expect(stored.map((submission) => submission.auditOutbox?.map((entry) => [entry.action, entry.subjectId]))).toEqual(
      expect.arrayContaining(ids.map((id) => [['create', id]])),
    );
    // The entry is not part of what anyone reads back.
    const read = await request(t.app).get(`/api/submissions/${ids[0]}`).set(auth(worker));
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain('auditOutbox');
  });

  it('copies to the audit log the creation entries that a crash kept from it, once', async () => {
    const form = await createForm(t, designer, { ...v1, path: 'intake-crash', name: 'intakeCrash' });
    const since = new Date();
    const created = await request(t.app).post(`/api/forms/${form.id}/submissions`).set(auth(worker)).send({ data: { alias: 'c', age: 3 } });
    expect(created.status).toBe(201);
    await settleAuditCopies(t.db);
    // As if the process had stopped between the insert and the copy; copies of the same entry store it once.
    expect((await auditModel(t.db).deleteMany({ subjectId: created.body.id, action: 'create' })).deletedCount).toBe(1);
    const window = { since, until: new Date() };
    // A search stopped (at shutdown) copies nothing more; the next one finds the entry still missing.
    expect(await copyMissedEntries(t.db, submissionModel(t.db), window, AbortSignal.abort())).toBe(0);
    expect(await auditModel(t.db).countDocuments({ subjectId: created.body.id, action: 'create' })).toBe(0);
    expect(await copyMissedEntries(t.db, submissionModel(t.db), window)).toBe(1);
    expect(await copyMissedEntries(t.db, submissionModel(t.db), window)).toBe(0);
    const entries = await auditModel(t.db).find({ subjectId: created.body.id, action: 'create' }).lean();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.sensitiveFields).toEqual(expect.any(Array));
  });

  it('keeps forms to their organisation: another municipality gets 404', async () => {
    const form = await createForm(t, designer, { ...v1, path: 'intake-private', name: 'intakePrivate' });
    const vantaa = (await signIn(t, 'worker@vantaa.demo.test')).token;
    expect((await request(t.app).get(`/api/forms/${form.id}`).set(auth(vantaa))).status).toBe(404);
    expect((await request(t.app).post(`/api/forms/${form.id}/submissions`).set(auth(vantaa)).send({ data: { alias: 'x' } })).status).toBe(404);
    const list = await request(t.app).get('/api/forms?limit=500').set(auth(vantaa));
    expect(list.body.items.map((item: any) => item.id)).not.toContain(form.id);
  });
});

describe('translations', () => {
  it('stores translations per language with the form, applies them with ?lang= and lists what is missing', async () => {
    const form = await createForm(t, designer, {
      title: 'Contact', name: 'contact', path: 'contact',
      components: [
        { type: 'textfield', key: 'alias', label: 'Alias', description: 'The name you want to use.', input: true },
        { type: 'select', key: 'language', label: 'Language', input: true, data: { values: [{ label: 'Finnish', value: 'fi' }, { label: 'English', value: 'en' }] } },
      ],
    });
    const put = await request(t.app)
      .put(`/api/forms/${form.id}/translations/fi`)
      .set(auth(designer))
      .send({ strings: { Contact: 'Yhteystiedot', Alias: 'Peitenimi', 'The name you want to use.': 'Nimi, jota haluat käyttää.', Finnish: 'suomi' }, version: form.version });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ latestRevision: 2, publishedRevision: 2 });

    const fi = await request(t.app).get(`/api/forms/${form.id}?lang=fi`).set(auth(worker));
    // The title is translated too: it heads the form and names it in lists.
    expect(fi.body).toMatchObject({ title: 'Yhteystiedot', definition: { title: 'Yhteystiedot' } });
    const listed = await request(t.app).get('/api/forms?lang=fi&limit=500').set(auth(worker));
    expect(listed.body.items.find((item: any) => item.id === form.id).title).toBe('Yhteystiedot');
    expect((await request(t.app).get('/api/forms?limit=500').set(auth(worker))).body.items.find((item: any) => item.id === form.id).title).toBe('Contact');
    const [alias, language] = fi.body.definition.components;
    expect(alias).toMatchObject({ label: 'Peitenimi', description: 'Nimi, jota haluat käyttää.', key: 'alias' });
    expect(language.data.values).toEqual([{ label: 'suomi', value: 'fi' }, { label: 'English', value: 'en' }]);
    expect((await request(t.app).get(`/api/forms/${form.id}/translations/fi`).set(auth(worker))).body.Alias).toBe('Peitenimi');

    const missing = await request(t.app).get(`/api/forms/${form.id}/translations/missing`).set(auth(worker));
    expect(missing.body.en).toEqual([]);
    expect(missing.body.fi).toEqual(['Language', 'English']);
    // The first revision still has no translations: they are versioned with the form.
    const first = await request(t.app).get(`/api/forms/${form.id}/revisions/1`).set(auth(worker));
    expect(first.body.translations).toEqual({});
  });
});

describe('import and export', () => {
  it('imports a Form.io builder export unchanged, and a bundle with translations round-trips', async () => {
    const builderExport = {
      _id: '5f1a2b3c4d5e6f7a8b9c0d1e', owner: 'someone', access: [], submissionAccess: [], created: '2024-01-01T00:00:00Z',
      title: 'Referral', name: 'referral', path: 'referral', type: 'form', display: 'form', tags: ['common'],
      components: [
        { label: 'Organisation', tableView: true, key: 'organisation', type: 'textfield', input: true, validate: { required: true } },
        { label: 'Urgent', tableView: false, key: 'urgent', type: 'checkbox', input: true, defaultValue: false },
        { label: 'Reason', key: 'reason', type: 'textarea', input: true, conditional: { show: true, conjunction: 'all', conditions: [{ component: 'urgent', operator: 'isEqual', value: true }] } },
        { type: 'button', label: 'Submit', key: 'submit', disableOnInvalid: true, input: true, tableView: false },
      ],
    };
    const imported = await request(t.app).post('/api/forms/import').set(auth(designer)).send(builderExport);
    expect(imported.status).toBe(201);
    expect(imported.body.definition.components).toEqual(builderExport.components);

    const exported = await request(t.app).get(`/api/forms/${imported.body.id}/export`).set(auth(designer));
    expect(exported.body.definition.components).toEqual(builderExport.components);

    const bundle = await request(t.app).get('/api/form-bundle').set(auth(designer));
    expect(bundle.body.format).toBe('assist-form-bundle');
    const referral = bundle.body.forms.find((item: any) => item.definition.path === 'referral');
    referral.translations = { fi: { Organisation: 'Organisaatio' } };
    const designerVantaa = await request(t.app).post('/api/form-bundle').set(auth(designer)).send({ format: 'assist-form-bundle', version: 1, forms: [referral] });
    expect(designerVantaa.status).toBe(201);
    const again = await request(t.app).get(`/api/forms/${imported.body.id}?lang=fi`).set(auth(designer));
    expect(again.body).toMatchObject({ latestRevision: 2 });
    expect(again.body.definition.components[0].label).toBe('Organisaatio');
  });
});

describe('field masking and audit', () => {
  let submissionId: string;
  beforeAll(async () => {
    const formId = (await createForm(t, designer, { ...tableForm, path: 'masked-table', name: 'maskedTable' })).id;
    const created = await request(t.app).post(`/api/forms/${formId}/submissions`).set(auth(worker)).send({ data: valid });
    submissionId = created.body.id;
  });

  it('never gives the police liaison restricted values, in a read or a list', async () => {
    const police = (await signIn(t, 'police@helsinki.demo.test')).token;
    const read = await request(t.app).get(`/api/submissions/${submissionId}`).set(auth(police));
    expect(read.status).toBe(200);
    expect(read.body.data).not.toHaveProperty('alias');
    expect(read.body.data.email).toBe(valid.email);
    expect(read.body.masked).toEqual(['alias']);
    const list = await request(t.app).get('/api/submissions?formPath=masked-table').set(auth(police));
    expect(list.body.items.length).toBeGreaterThan(0);
    for (const item of list.body.items) expect(item.data).not.toHaveProperty('alias');
    expect(JSON.stringify(list.body)).not.toContain('Anna');
    // Police may not write at all.
    expect((await request(t.app).put(`/api/submissions/${submissionId}`).set(auth(police)).send({ data: valid, version: 0 })).status).toBe(404);
  });

  it('audits a permitted sensitive read by field name, never the value', async () => {
    const before = await auditModel(t.db).countDocuments({ subjectId: submissionId, action: 'read' });
    const read = await request(t.app).get(`/api/submissions/${submissionId}`).set(auth(worker));
    expect(read.body.data.alias).toBe('Anna');
    const entries = await auditModel(t.db).find({ subjectId: submissionId, action: 'read' }).lean();
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)?.sensitiveFields).toEqual(['alias']);
    expect(JSON.stringify(entries)).not.toContain('Anna');
    const creation = await auditModel(t.db).findOne({ subjectId: submissionId, action: 'create' }).lean();
    expect(creation?.sensitiveFields).toEqual(['alias']);
  });

  it('never gives employment services restricted values, in a read or a list', async () => {
    const { orgId, token } = await employmentServicesUser(t);
    // What the cases module does when a case is shared with another organisation (denormalised onto its submissions).
    await submissionModel(t.db).updateOne({ _id: submissionId }, { $set: { sharedWith: [orgId] } });
    const read = await request(t.app).get(`/api/submissions/${submissionId}`).set(auth(token));
    expect(read.status).toBe(200);
    expect(read.body.data).not.toHaveProperty('alias');
    expect(read.body.data.age).toBe(30);
    const list = await request(t.app).get('/api/submissions').set(auth(token));
    expect(list.body.items.map((item: any) => item.id)).toEqual([submissionId]);
    expect(JSON.stringify(list.body)).not.toContain('Anna');
    const reads = await auditModel(t.db).countDocuments({ subjectId: submissionId, action: 'read', userId: await userIdOf(token) });
    expect(reads).toBe(0);
  });

  it('does not let employment services submit outside a case shared with them', async () => {
    const { token } = await employmentServicesUser(t);
    // Employment services may create submissions only for cases shared with them; with no case it is not theirs.
    const formId = (await request(t.app).get(`/api/submissions/${submissionId}`).set(auth(worker))).body.formId;
    const response = await request(t.app).post(`/api/forms/${formId}/submissions`).set(auth(token)).send({ data: valid });
    expect(response.status).toBe(404);
  });
});

async function userIdOf(token: string) {
  const me = await request(t.app).get('/api/me').set(auth(token));
  return me.body.user.id ?? me.body.user._id;
}

let employment: { orgId: unknown; token: string } | undefined;
async function employmentServicesUser(app: TestApp) {
  if (employment) return employment;
  const org = await organisationModel(app.db).create({ slug: 'fi-te-office', name: 'TE office (test)', country: 'FI', type: 'regional', parentId: null, ancestorIds: [], parameters: {} });
  const role = await clonePresetInto(app.db, org._id, 'employment-services');
  await userModel(app.db).create({
    email: 'te@test.example', name: 'TE officer', memberships: [{ orgId: org._id, roleId: role._id }],
    passwordHash: await hashPassword(DEMO_PASSWORD), status: 'active',
  });
  employment = { orgId: org._id, token: (await signIn(app, 'te@test.example')).token };
  return employment;
}
