import fs from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config/env';
import { localesDir } from '../../server/src/config/paths';
import { versionConflict } from '../../server/src/core/errors/app-error';
import { createServerI18n } from '../../server/src/core/i18n/i18n';
import { auditModel } from '../../server/src/modules/audit/testing';
import type { CaseServices } from '../../server/src/modules/cases';
import { latestPerForm } from '../../server/src/modules/cases/testing';
import { caseModel } from '../../server/src/modules/cases';
import { submissionModel, type SubmissionCasePort } from '../../server/src/modules/submissions';
import { loadCaseAppDemo, ManualClock, wiredCaseServices } from '../helpers/case-app';
import { DEMO_PASSWORD } from '../helpers/demo-app';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database';

/*
 * Case creation, submission creation (native and Form.io API) and case events take an `Idempotency-Key`: a retry with
 * the same key answers like the first request and stores nothing new. "Crashes" are made by changing the key's
 * record as a process that stopped at that point would have left it, or by a case port that fails once after the
 * submission was stored (as after five version conflicts).
 */
let db: Connection;
let app: Express;
let services: CaseServices;
let failNextCaseEvent = false;
let worker: string;
let vantaa: string;
let formIds: Map<string, string>;
beforeAll(async () => {
  db = await createTestDatabase('idempotency');
  await loadCaseAppDemo(db);
  services = wiredCaseServices(db, { clock: new ManualClock() });
  const caseEvents: SubmissionCasePort = {
    assertCanSubmitFor: (ctx, caseId, formPath) => services.caseEvents.assertCanSubmitFor(ctx, caseId, formPath),
    assertMayChangeFor: (ctx, caseId, formPath) => services.caseEvents.assertMayChangeFor(ctx, caseId, formPath),
    submissionIdsOf: (caseId) => services.caseEvents.submissionIdsOf(caseId),
    caseOpenedOn: (caseId) => services.caseEvents.caseOpenedOn(caseId),
    async submissionChanged(by, change) {
      if (failNextCaseEvent) {
        failNextCaseEvent = false;
        throw versionConflict();
      }
      await services.caseEvents.submissionChanged(by, change);
    },
  };
  app = createApp(loadConfig({ LOG_LEVEL: 'silent' }), {
    db, logger: pino({ level: 'silent' }), i18n: createServerI18n(localesDir), caseRuntime: services.runtime, caseEvents,
  });
  worker = await login('worker@helsinki.demo.test');
  vantaa = await login('worker@vantaa.demo.test');
  const forms = await request(app).get('/api/forms').set('x-jwt-token', worker);
  formIds = new Map((forms.body.items as Array<{ id: string; path: string }>).map((form) => [form.path, form.id]));
});
afterAll(async () => {
  await services.scheduler.stop();
  await dropTestDatabase(db);
});

async function login(email: string): Promise<string> {
  const response = await request(app).post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed with ${response.status}`);
  return response.body.token;
}

let keys = 0;
const newKey = () => `key-${process.pid}-${(keys += 1)}-${Date.now()}`;

function post(url: string, token: string, body: object, key?: string) {
  const call = request(app).post(url).set('x-jwt-token', token);
  return (key === undefined ? call : call.set('Idempotency-Key', key)).send(body);
}

const keyRecords = () => db.collection('idempotency_keys');
/** Moves the start of the request that stored the key for `target`, as if it had started `agoMs` ago. */
const startedAgo = (target: string, agoMs: number) => keyRecords().updateOne({ target: new Types.ObjectId(target) }, { $set: { at: new Date(Date.now() - agoMs) } });
/** The first request wrote, and its answer never arrived: its key was stored a moment ago, it may be running still. */
const answerLost = (target: string) => startedAgo(target, 0);

const person = (alias: string) => ({ alias, workflowId: 'finland-municipality', identity: { estimatedAge: 34, ageUncertain: false, languages: ['en'] } });
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'form-submissions', `${name}.json`), 'utf8'));

async function newCase(alias: string): Promise<string> {
  const created = await post('/api/cases', worker, person(alias));
  expect(created.status).toBe(201);
  return created.body.id;
}

describe('creating a case', () => {
  it('stores one case for two requests with the same key, and answers both alike', async () => {
    const key = newKey();
    const first = await post('/api/cases', worker, person('Retried'), key);
    const again = await post('/api/cases', worker, person('Retried'), key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await caseModel(db).countDocuments({ alias: 'Retried' })).toBe(1);
    expect(await auditModel(db).countDocuments({ subjectId: first.body.id, action: 'create' })).toBe(1);
    // Without a key, the same request twice is two cases.
    await post('/api/cases', worker, person('Not keyed'));
    await post('/api/cases', worker, person('Not keyed'));
    expect(await caseModel(db).countDocuments({ alias: 'Not keyed' })).toBe(2);
  });

  it('reads a key sent as a Structured Field String ("…") and bare as the same key', async () => {
    const key = newKey();
    const bare = await post('/api/cases', worker, person('Quoted'), key);
    const quoted = await post('/api/cases', worker, person('Quoted'), `"${key}"`);
    expect(quoted.status).toBe(201);
    expect(quoted.body).toEqual(bare.body);
    expect(await caseModel(db).countDocuments({ alias: 'Quoted' })).toBe(1);
  });

  it('refuses the same key with a different body: 422 idempotency-key-reused, and nothing stored', async () => {
    const key = newKey();
    expect((await post('/api/cases', worker, person('First body'), key)).status).toBe(201);
    const other = await post('/api/cases', worker, person('Second body'), key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'idempotency-key-reused', type: '/problems/idempotency-key-reused' });
    expect(await caseModel(db).countDocuments({ alias: 'Second body' })).toBe(0);
  });

  it("gives another user with the same key their own result, never the first user's", async () => {
    const key = newKey();
    const mine = await post('/api/cases', worker, person('Same key, Helsinki'), key);
    const theirs = await post('/api/cases', vantaa, person('Same key, Helsinki'), key);
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.orgId).not.toBe(mine.body.orgId);
    expect(theirs.body.reference).toMatch(/^VANT-/);
    expect((await post('/api/cases', worker, person('Same key, Helsinki'), key)).body).toEqual(mine.body);
    expect((await post('/api/cases', vantaa, person('Same key, Helsinki'), key)).body).toEqual(theirs.body);
  });

  it('answers from the stored case when the first answer was lost after the write (the crash window)', async () => {
    const key = newKey();
    const first = await post('/api/cases', worker, person('Answer lost'), key);
    await answerLost(first.body.id);
    const retry = await post('/api/cases', worker, person('Answer lost'), key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await caseModel(db).countDocuments({ alias: 'Answer lost' })).toBe(1);
  });

  it('answers 409 while the first request may still run, and stores the case once under its reserved id after it stopped before writing', async () => {
    const key = newKey();
    const first = await post('/api/cases', worker, person('Stopped before writing'), key);
    // As if the first request had stored its key a moment ago and not its case yet: it may still be running.
    await caseModel(db).deleteOne({ _id: first.body.id });
    await startedAgo(first.body.id, 0);
    const inFlight = await post('/api/cases', worker, person('Stopped before writing'), key);
    expect(inFlight.status).toBe(409);
    expect(inFlight.body.code).toBe('idempotency-key-in-flight');
    expect(await caseModel(db).countDocuments({ alias: 'Stopped before writing' })).toBe(0);
    // Long enough ago that it cannot be running any more: the retry does the write, under the id the key reserved.
    await startedAgo(first.body.id, 60_000);
    const retry = await post('/api/cases', worker, person('Stopped before writing'), key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect((await post('/api/cases', worker, person('Stopped before writing'), key)).body).toEqual(retry.body);
    expect(await caseModel(db).countDocuments({ alias: 'Stopped before writing' })).toBe(1);
  });

  it('stores one case for parallel requests with the same key; the others get the first result or 409', async () => {
    const key = newKey();
    const answers = await Promise.all([1, 2, 3, 4].map(() => post('/api/cases', worker, person('Parallel'), key)));
    expect(await caseModel(db).countDocuments({ alias: 'Parallel' })).toBe(1);
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const answer of created) expect(answer.body).toEqual(created[0]!.body);
    for (const answer of answers.filter((a) => a.status !== 201)) expect(answer.body.code).toBe('idempotency-key-in-flight');
  });

  it('frees the key of a request refused before writing, so the corrected request can use it', async () => {
    const key = newKey();
    const refused = await post('/api/cases', worker, { ...person('Refused first'), workflowId: 'no-such-workflow' }, key);
    expect(refused.status).toBe(400);
    expect((await post('/api/cases', worker, person('Refused first'), key)).status).toBe(201);
    expect(await caseModel(db).countDocuments({ alias: 'Refused first' })).toBe(1);
  });

  it('forgets a key after 24 hours', async () => {
    const key = newKey();
    const first = await post('/api/cases', worker, person('Old key'), key);
    await startedAgo(first.body.id, 25 * 3_600_000);
    const later = await post('/api/cases', worker, person('Old key'), key);
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
    expect(await caseModel(db).countDocuments({ alias: 'Old key' })).toBe(2);
  });

  it.each([
    ['empty', '""'],
    ['longer than 255 characters', 'k'.repeat(256)],
    ['not ASCII', 'clé'],
    ['a string with parameters', '"abc";p=1'],
  ])('refuses a key that is %s with 400 idempotency-key-invalid', async (_name, key) => {
    const response = await post('/api/cases', worker, person('Bad key'), key);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('idempotency-key-invalid');
    expect(await caseModel(db).countDocuments({ alias: 'Bad key' })).toBe(0);
  });

  it('accepts a key of 255 characters', async () => {
    expect((await post('/api/cases', worker, person('Long key'), 'k'.repeat(255))).status).toBe(201);
  });

  it('refuses two Idempotency-Key fields with 400', async () => {
    const response = await request(app).post('/api/cases').set('x-jwt-token', worker).set('Idempotency-Key', ['a', 'b'] as unknown as string).send(person('Two keys'));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('idempotency-key-invalid');
  });
});

describe('creating a submission', () => {
  const consent = fixture('consent-information');
  const needs = fixture('needs-assessment');
  const submissionsOf = (caseId: string) => submissionModel(db).countDocuments({ caseId: new Types.ObjectId(caseId) });
  async function caseRecord(caseId: string) {
    const record = await caseModel(db).findById(caseId).lean();
    return {
      recorded: record!.workflow.submissions.map((s) => s.submissionId),
      timeline: record!.workflow.timeline.filter((entry) => entry.type === 'submission').map((entry) => entry.submissionId),
    };
  }

  it('stores one submission through the native API for two requests with the same key, and the case records it once', async () => {
    const caseId = await newCase('Native retry');
    const key = newKey();
    const url = `/api/forms/${formIds.get('consent-information')}/submissions`;
    const first = await post(url, worker, { data: consent, caseId }, key);
    const again = await post(url, worker, { data: consent, caseId }, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await submissionsOf(caseId)).toBe(1);
    expect(await caseRecord(caseId)).toEqual({ recorded: [first.body.id], timeline: [first.body.id] });
    expect(await auditModel(db).countDocuments({ subjectId: first.body.id, action: 'create' })).toBe(1);
  });

  it('stores one submission through the Form.io API for two requests with the same key', async () => {
    const caseId = await newCase('Form.io retry');
    const key = newKey();
    const url = '/formio/fi-helsinki/consent-information/submission';
    const first = await post(url, worker, { data: consent, metadata: { caseId } }, key);
    const again = await post(url, worker, { data: consent, metadata: { caseId } }, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await submissionsOf(caseId)).toBe(1);
    expect(await caseRecord(caseId)).toEqual({ recorded: [first.body._id], timeline: [first.body._id] });
    // The same key for another request: another body, or the same body through the native API.
    const changed = await post(url, worker, { data: { ...consent, informationLanguage: 'fi' }, metadata: { caseId } }, key);
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('idempotency-key-reused');
    const native = await post(`/api/forms/${formIds.get('consent-information')}/submissions`, worker, { data: consent, caseId }, key);
    expect(native.status).toBe(422);
    expect(await submissionsOf(caseId)).toBe(1);
  });

  it("gives another user with the same key their own submission, never the first user's", async () => {
    const key = newKey();
    const url = `/api/forms/${formIds.get('needs-assessment')}/submissions`;
    const mine = await post(url, worker, { data: needs }, key);
    expect(mine.status).toBe(201);
    const vantaaForms = await request(app).get('/api/forms').set('x-jwt-token', vantaa);
    const theirForm = (vantaaForms.body.items as Array<{ id: string; path: string }>).find((form) => form.path === 'needs-assessment')!;
    const theirs = await post(`/api/forms/${theirForm.id}/submissions`, vantaa, { data: needs }, key);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect((await post(url, worker, { data: needs }, key)).body).toEqual(mine.body);
  });

  it('after the case event failed with the submission stored (409), a retry stores nothing new and the case records it once', async () => {
    const caseId = await newCase('Event failed');
    const key = newKey();
    const url = `/api/forms/${formIds.get('consent-information')}/submissions`;
    failNextCaseEvent = true;
    const first = await post(url, worker, { data: consent, caseId }, key);
    expect(first.status).toBe(409);
    expect(await submissionsOf(caseId)).toBe(1);
    expect(await caseRecord(caseId)).toEqual({ recorded: [], timeline: [] });

    const retry = await post(url, worker, { data: consent, caseId }, key);
    expect(retry.status).toBe(201);
    expect(await submissionsOf(caseId)).toBe(1);
    const stored = await submissionModel(db).findOne({ caseId: new Types.ObjectId(caseId) }).lean();
    expect(retry.body.id).toBe(String(stored!._id));
    expect(await caseRecord(caseId)).toEqual({ recorded: [retry.body.id], timeline: [retry.body.id] });

    const third = await post(url, worker, { data: consent, caseId }, key);
    expect(third.body).toEqual(retry.body);
    expect(await caseRecord(caseId)).toEqual({ recorded: [retry.body.id], timeline: [retry.body.id] });
  });

  it('answers from the stored submission when the answer was lost after everything was written, without a second case event', async () => {
    const caseId = await newCase('Submission answer lost');
    const key = newKey();
    const url = `/api/forms/${formIds.get('consent-information')}/submissions`;
    const first = await post(url, worker, { data: consent, caseId }, key);
    await answerLost(first.body.id);
    const retry = await post(url, worker, { data: consent, caseId }, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await submissionsOf(caseId)).toBe(1);
    expect(await caseRecord(caseId)).toEqual({ recorded: [first.body.id], timeline: [first.body.id] });
  });

  it('a retry of an old submission does not put its data over a later submission of the same form', async () => {
    const caseId = await newCase('Later submission');
    const key = newKey();
    const url = `/api/forms/${formIds.get('consent-information')}/submissions`;
    const first = await post(url, worker, { data: consent, caseId }, key);
    const later = await post(url, worker, { data: { ...consent, informationLanguage: 'fi' }, caseId });
    expect(later.status).toBe(201);
    await answerLost(first.body.id);
    expect((await post(url, worker, { data: consent, caseId }, key)).body).toEqual(first.body);
    // Each submission keeps its own data; guards read the later one.
    const rows = await db.collection('case_submission_data').find({ caseId: new Types.ObjectId(caseId) }).toArray();
    expect(rows.map((row) => row.submissionId).sort()).toEqual([first.body.id, later.body.id].sort());
    const record = await caseModel(db).findById(caseId).lean();
    expect(latestPerForm(record!.workflow.submissions).get('consent-information')).toBe(later.body.id);
    expect((await caseRecord(caseId)).recorded).toEqual([first.body.id, later.body.id]);
  });

  it('stores one submission for parallel requests with the same key', async () => {
    const caseId = await newCase('Parallel submissions');
    const key = newKey();
    const url = `/api/forms/${formIds.get('consent-information')}/submissions`;
    const answers = await Promise.all([1, 2, 3].map(() => post(url, worker, { data: consent, caseId }, key)));
    expect(await submissionsOf(caseId)).toBe(1);
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const answer of created) expect(answer.body).toEqual(created[0]!.body);
    for (const answer of answers.filter((a) => a.status !== 201)) expect(answer.body.code).toBe('idempotency-key-in-flight');
    expect((await caseRecord(caseId)).recorded).toHaveLength(1);
  });
});

describe('firing a case event', () => {
  const fired = async (caseId: string, event: string) =>
    (await caseModel(db).findById(caseId).lean())!.workflow.timeline.filter((entry) => entry.type === 'event' && entry.event === event).length;

  it('applies the event once for two requests with the same key, and answers both alike', async () => {
    const caseId = await newCase('Event retry');
    const key = newKey();
    const first = await post(`/api/cases/${caseId}/events`, worker, { type: 'referralDeclined', data: {} }, key);
    const again = await post(`/api/cases/${caseId}/events`, worker, { type: 'referralDeclined', data: {} }, key);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await fired(caseId, 'referralDeclined')).toBe(1);
    expect(await auditModel(db).countDocuments({ subjectId: caseId, action: 'fire' })).toBe(1);
    // Without the key the same event is a new request, which the closed case no longer accepts.
    expect((await post(`/api/cases/${caseId}/events`, worker, { type: 'referralDeclined', data: {} })).status).toBe(409);
  });

  it('refuses the same key for another event or another case with 422', async () => {
    const caseId = await newCase('Event key reused');
    const otherId = await newCase('Event key reused, other case');
    const key = newKey();
    expect((await post(`/api/cases/${caseId}/events`, worker, { type: 'referralDeclined', data: {} }, key)).status).toBe(200);
    expect((await post(`/api/cases/${caseId}/events`, worker, { type: 'caseClosed', data: {} }, key)).status).toBe(422);
    const otherCase = await post(`/api/cases/${otherId}/events`, worker, { type: 'referralDeclined', data: {} }, key);
    expect(otherCase.status).toBe(422);
    expect(otherCase.body.code).toBe('idempotency-key-reused');
    expect(await fired(otherId, 'referralDeclined')).toBe(0);
  });

  it('answers from the case when the answer was lost after the event was stored (the crash window)', async () => {
    const caseId = await newCase('Event answer lost');
    const key = newKey();
    const first = await post(`/api/cases/${caseId}/events`, worker, { type: 'referralDeclined', data: {} }, key);
    await answerLost(caseId);
    const retry = await post(`/api/cases/${caseId}/events`, worker, { type: 'referralDeclined', data: {} }, key);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await fired(caseId, 'referralDeclined')).toBe(1);
  });

  it("gives another user with the same key their own result: it does not answer with the first user's case", async () => {
    const caseId = await newCase('Event, two users');
    const key = newKey();
    expect((await post(`/api/cases/${caseId}/events`, worker, { type: 'referralDeclined', data: {} }, key)).status).toBe(200);
    const stranger = await post(`/api/cases/${caseId}/events`, vantaa, { type: 'referralDeclined', data: {} }, key);
    expect(stranger.status).toBe(404);
    expect(await fired(caseId, 'referralDeclined')).toBe(1);
  });

  it('keeps no key stored in the case for a request without one, and never shows the stored keys', async () => {
    const plain = await newCase('Event without key');
    await post(`/api/cases/${plain}/events`, worker, { type: 'referralDeclined', data: {} });
    expect((await caseModel(db).findById(plain).lean())!.eventKeys).toBeUndefined();
    const keyed = await newCase('Event with key');
    const answer = await post(`/api/cases/${keyed}/events`, worker, { type: 'referralDeclined', data: {} }, newKey());
    expect((await caseModel(db).findById(keyed).lean())!.eventKeys).toHaveLength(1);
    expect(JSON.stringify(answer.body)).not.toContain('eventKeys');
  });
});

it('documents the header in the OpenAPI document for every route that takes it', async () => {
  const document = (await request(app).get('/api/openapi.json').set('x-jwt-token', worker)).body;
  expect(document.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: false });
  for (const route of ['/cases', '/cases/{id}/events', '/forms/{id}/submissions', '/{path}/submission', '/form/{id}/submission']) {
    expect(document.paths[route].post.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    expect(document.paths[route].post.responses['422']).toBeDefined();
  }
  expect(document.paths['/{path}/submission'].servers[0].url).toBe('/formio/{org}');
});
