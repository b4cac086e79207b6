import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { loadFormTemplates, TemplateFileError } from '../../server/src/modules/forms/testing';
import { CODE_PLACEMENTS, CODE_REFUSALS, hostileShapes, type CodePlacement } from '../helpers/code-placements';
import { createDemoApp, signIn } from '../helpers/demo-app';
import type { TestApp } from '../helpers/test-app';

/**
 * Issue 13: a property that can carry code accepts only a JSONLogic object that the safety checker approves, or
 * nothing, in every channel a definition comes in by: the native API (create and save), the Form.io-compatible API
 * (create and save), import (one form, a bundle) and the template library. Each JavaScript placement is tried as a
 * string, an array, a nested array and an object carrying code.
 */
let t: TestApp;
let token: string;
let formId: string;
let formioId: string;
const ORG = 'fi-helsinki';

const definition = (component: Record<string, unknown>, formPath = 'code-test') => ({
  title: 'Code test',
  name: 'codeTest',
  path: formPath,
  display: 'form',
  components: [component],
});

beforeAll(async () => {
  t = await createDemoApp('form-code-channels');
  token = (await signIn(t, 'designer@helsinki.demo.test')).token;
  const plain = { type: 'textfield', key: 'c', label: 'c', input: true };
  const native = await request(t.app).post('/api/forms').auth(token, { type: 'bearer' }).send({ definition: definition(plain, 'code-native') });
  expect(native.status).toBe(201);
  formId = native.body.id;
  const formio = await request(t.app).post(`/formio/${ORG}/form`).auth(token, { type: 'bearer' }).send(definition(plain, 'code-formio'));
  expect(formio.status).toBe(201);
  formioId = formio.body._id;
});
afterAll(() => t.close());

type Channel = [string, (form: Record<string, unknown>) => request.Test];
const channels: Channel[] = [
  ['native API create', (form) => request(t.app).post('/api/forms').auth(token, { type: 'bearer' }).send({ definition: form })],
  ['native API save', (form) => request(t.app).put(`/api/forms/${formId}`).auth(token, { type: 'bearer' }).send({ definition: { ...form, path: 'code-native' }, version: 0 })],
  ['Form.io API create', (form) => request(t.app).post(`/formio/${ORG}/form`).auth(token, { type: 'bearer' }).send(form)],
  ['Form.io API save', (form) => request(t.app).put(`/formio/${ORG}/form/${formioId}`).auth(token, { type: 'bearer' }).send({ ...form, path: 'code-formio' })],
  ['import of a builder export', (form) => request(t.app).post('/api/forms/import').auth(token, { type: 'bearer' }).send(form)],
  ['import of a bundle', (form) => request(t.app).post('/api/form-bundle').auth(token, { type: 'bearer' }).send({ format: 'assist-form-bundle', version: 1, forms: [{ definition: form, translations: {} }] })],
];

const attempts = CODE_PLACEMENTS.flatMap((placement) => hostileShapes(placement).map(([shape, value]) => [placement.name, shape, placement, value] as const));

function refusesAt(problems: Array<{ code: string; path: string; property?: string }>, placement: CodePlacement): boolean {
  return problems.some((problem) => CODE_REFUSALS.includes(problem.code) && problem.path.endsWith('components[0]') && (problem.property ?? '').startsWith(placement.property));
}

describe.each(channels)('%s', (_channel, send) => {
  it.each(attempts)('refuses %s given as %s', async (_name, _shape, placement, value) => {
    const response = await send(definition(placement.component('c', value)));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('form-definition-invalid');
    expect(refusesAt(response.body.problems, placement)).toBe(true);
  });
});

describe('template library', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assist-code-templates-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(attempts)('refuses %s given as %s', async (_name, _shape, placement, value) => {
    fs.writeFileSync(path.join(dir, 'code-test.json'), JSON.stringify(definition(placement.component('c', value))));
    const loading = loadFormTemplates(t.db, dir);
    await expect(loading).rejects.toThrow(TemplateFileError);
    await expect(loading).rejects.toThrow(new RegExp(`components\\[0\\]: (${CODE_REFUSALS.join('|')})`));
  });
});

it('stored nothing from any refused definition', async () => {
  const list = await request(t.app).get('/api/forms').auth(token, { type: 'bearer' });
  const paths = (list.body.items as Array<{ path: string; latestRevision?: number }>).map((item) => item.path);
  expect(paths).not.toContain('code-test');
  const native = await request(t.app).get(`/api/forms/${formId}?revision=latest`).auth(token, { type: 'bearer' });
  expect(native.body.revision.number).toBe(1);
});
