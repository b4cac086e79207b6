/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { formsDir } from '../../server/src/config/paths';
import { formModel, formTemplateModel, formTemplateRevisionModel } from '../../server/src/modules/forms/testing';
import { startForms } from '../../server/src/modules/forms';
import { organisationModel } from '../../server/src/modules/tenants';
import { createDemoApp, signIn } from '../helpers/demo-app';
import { auth } from '../helpers/forms-kit';
import type { TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createDemoApp('form_templates');
});
afterAll(() => t.close());

const templateFiles = fs.readdirSync(formsDir).filter((name) => name.endsWith('.json'));

describe('the template library', () => {
  it('has every file of forms/ loaded, as the server loads it at start', async () => {
    const paths = (await formTemplateModel(t.db).find().lean()).map((template) => template.path).sort();
    expect(paths).toHaveLength(templateFiles.length);
    expect(paths).toEqual(templateFiles.map((name) => name.replace(/\.json$/, '')).sort());
  });

  it('loads idempotently: starting again adds no revision', async () => {
    const before = await formTemplateRevisionModel(t.db).countDocuments();
    const result = await startForms(t.db);
    expect(result.created).toEqual([]);
    expect(result.revised).toEqual([]);
    expect(result.unchanged).toHaveLength(templateFiles.length);
    expect(await formTemplateRevisionModel(t.db).countDocuments()).toBe(before);
  });

  it('turns a changed file into a new revision and keeps the old one', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'forms-'));
    try {
      fs.cpSync(formsDir, copy, { recursive: true });
      const file = path.join(copy, 'safety-plan.json');
      const definition = JSON.parse(fs.readFileSync(file, 'utf8'));
      const originalTitle = definition.title;
      definition.title = 'Safety plan (changed)';
      fs.writeFileSync(file, JSON.stringify(definition));
      const result = await startForms(t.db, copy);
      expect(result.revised).toEqual(['safety-plan']);
      const revisions = await formTemplateRevisionModel(t.db).find({ path: 'safety-plan' }).sort({ number: 1 }).lean();
      expect(revisions.map((revision) => revision.number)).toEqual([1, 2]);
      expect(JSON.parse(revisions[0]!.definitionJson).title).toBe(originalTitle);
      expect(JSON.parse(revisions[1]!.definitionJson).title).toBe('Safety plan (changed)');
      // Loading the changed copy again is idempotent too.
      expect((await startForms(t.db, copy)).revised).toEqual([]);
      // Per-form translations in forms/translations/<lng>/<path>.json are part of the content.
      fs.mkdirSync(path.join(copy, 'translations', 'xx'), { recursive: true });
      fs.writeFileSync(path.join(copy, 'translations', 'xx', 'safety-plan.json'), JSON.stringify({ 'Safety plan (changed)': 'Turvallisuussuunnitelma' }));
      expect((await startForms(t.db, copy)).revised).toEqual(['safety-plan']);
      const latest = await formTemplateRevisionModel(t.db).findOne({ path: 'safety-plan', number: 3 }).lean();
      expect(JSON.parse(latest!.translationsJson).xx).toEqual({ 'Safety plan (changed)': 'Turvallisuussuunnitelma' });
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('gave the demo organisations the templates that fit them', async () => {
    const formsOf = async (slug: string) => {
      const org = await organisationModel(t.db).findOne({ slug }).lean();
      return (await formModel(t.db).find({ orgId: org!._id }).lean()).map((form) => form.path).sort();
    };
    expect(await formsOf('fi-helsinki')).toEqual(
      ['child-welfare', 'consent-information', 'integration-checkpoints', 'needs-assessment', 'plan-of-assistance', 'reimbursement-claim', 'safety-plan'],
    );
    expect(await formsOf('iom-bg')).toContain('return-reintegration');
    expect(await formsOf('iom-bg')).not.toContain('reimbursement-claim');
    expect(await formsOf('dk-cmm')).toContain('return-reintegration');
    expect(await formsOf('mk-shelter')).toContain('return-reintegration');
  });

  it('lists templates and clones one into the active organisation, remembering its upstream', async () => {
    const designer = (await signIn(t, 'designer@helsinki.demo.test')).token;
    const list = await request(t.app).get('/api/form-templates').set(auth(designer));
    expect(list.body.items.map((item: any) => item.path)).toContain('return-reintegration');
    const one = await request(t.app).get('/api/form-templates/return-reintegration').set(auth(designer));
    expect(one.body.definition.components.length).toBeGreaterThan(0);
    const clone = await request(t.app).post('/api/form-templates/return-reintegration/clone').set(auth(designer)).send({});
    expect(clone.status).toBe(201);
    expect(clone.body).toMatchObject({ path: 'return-reintegration', publishedRevision: 1, upstream: { templatePath: 'return-reintegration', revision: expect.any(Number) } });
    // A second clone with the same path is a conflict; another path works.
    expect((await request(t.app).post('/api/form-templates/return-reintegration/clone').set(auth(designer)).send({})).status).toBe(409);
    const renamed = await request(t.app).post('/api/form-templates/return-reintegration/clone').set(auth(designer)).send({ path: 'return-local' });
    expect(renamed.status).toBe(201);
    // A caseworker may read templates but not clone them.
    const worker = (await signIn(t, 'worker@helsinki.demo.test')).token;
    expect((await request(t.app).post('/api/form-templates/safety-plan/clone').set(auth(worker)).send({ path: 'x' })).status).toBe(404);
  });

  it('accepts the example submission of every cloned template', async () => {
    const worker = (await signIn(t, 'worker@helsinki.demo.test')).token;
    const forms = (await request(t.app).get('/api/forms?limit=100').set(auth(worker))).body.items;
    for (const form of forms) {
      const examplePath = path.join(__dirname, '..', 'fixtures', 'form-submissions', `${form.path}.json`);
      if (!fs.existsSync(examplePath)) continue;
      const example = JSON.parse(fs.readFileSync(examplePath, 'utf8'));
      const response = await request(t.app).post(`/api/forms/${form.id}/submissions`).set(auth(worker)).send({ data: example.data ?? example });
      expect({ path: form.path, status: response.status, details: response.body.details }).toMatchObject({ path: form.path, status: 201 });
    }
  });
});
