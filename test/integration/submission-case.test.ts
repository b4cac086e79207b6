import fs from 'node:fs';
import path from 'node:path';
import { Types } from 'mongoose';
import request from 'supertest';
import { auditModel, auditEntry } from '../../server/src/modules/audit/testing';
import { caseModel, upgradeCaseFormData } from '../../server/src/modules/cases';
import { formDataKey } from '../../server/src/modules/cases/testing';
import { submissionModel, markSubmissionsChanged, settleMarkedSubmissions } from '../../server/src/modules/submissions';
import { api, createCaseApp, login, type CaseApp } from '../helpers/case-app';

/*
 * Every change of a submission linked to a case reaches the case through the submissions port, so the form data the
 * workflow's guards read is never stale: an edited submission's new value, a deleted submission's absence, through
 * the native API and the Form.io API, also when the process stops between the submission's write and the case's.
 * The workflow here offers `adultServices` or `childServices` by the age the needs assessment records, and
 * neither without a needs assessment.
 */
const needs = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'form-submissions', 'needs-assessment.json'), 'utf8')) as Record<string, unknown>;
const AGE = { var: 'submissions.needs-assessment.ageYears' };
const ageCheck = {
  id: 'age-check',
  version: 1,
  titleKey: 'workflows:finland-municipality.title',
  jurisdiction: 'fi',
  initial: 'intake',
  stages: {
    intake: {
      type: 'atomic',
      requiredForms: ['needs-assessment'],
      on: {
        adultServices: [{ target: 'adult', guard: { '>=': [AGE, 18] } }],
        childServices: [{ target: 'child', guard: { '<': [AGE, 18] } }],
      },
    },
    adult: { type: 'final' },
    // Every workflow has a child branch (a rule of the field); here it is where a child's case ends.
    child: { type: 'final', marks: ['childBranch'] },
  },
};

let t: CaseApp;
let coordinator: ReturnType<typeof api>;
let coordinatorToken: string;
let admin: ReturnType<typeof api>;
let adminToken: string;
let workflowId: string;
let formId: string;
beforeAll(async () => {
  t = await createCaseApp('submission-case');
  coordinatorToken = (await login(t.app, 'coordinator@nas.demo.test')).token;
  coordinator = api(t.app, coordinatorToken);
  // Deleting submissions is for platform administrators only in the presets.
  adminToken = (await login(t.app, 'admin@demo.test', 'fi-nas')).token;
  admin = api(t.app, adminToken);
  const created = await coordinator.post('/workflows', { definition: ageCheck });
  expect(created.status).toBe(201);
  const published = await coordinator.post(`/workflows/${created.body.id}/publish`, { revision: created.body.revision });
  expect([published.status, published.body.problems]).toEqual([201, undefined]);
  workflowId = created.body.id;
  const forms = await coordinator.get('/forms');
  formId = (forms.body.items as Array<{ id: string; path: string }>).find((form) => form.path === 'needs-assessment')!.id;
});
afterAll(async () => t.close());

async function newCase(alias: string): Promise<string> {
  const created = await coordinator.post('/cases', { alias, workflowId });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function submitNeeds(caseId: string, ageYears: number): Promise<{ id: string; version: number }> {
  const created = await coordinator.post(`/forms/${formId}/submissions`, { data: { ...needs, ageYears }, caseId });
  expect(created.status).toBe(201);
  return created.body;
}

/** What the case page offers, and the submissions the case lists. */
async function caseView(caseId: string) {
  const body = (await coordinator.get(`/cases/${caseId}`)).body;
  return {
    events: [...(body.availableEvents as string[])].sort(),
    submissions: (body.workflow.submissions as Array<{ submissionId: string }>).map((s) => s.submissionId),
  };
}

const timelineTypes = async (caseId: string) =>
  (await caseModel(t.db).findById(caseId).lean())!.workflow.timeline.map((entry) => entry.type).filter((type) => type.startsWith('submission'));

describe('through the native API', () => {
  it('a guard sees an edited submission’s new value and a deleted submission’s absence', async () => {
    const caseId = await newCase('Edited age');
    const submission = await submitNeeds(caseId, 17);
    expect(await caseView(caseId)).toEqual({ events: ['childServices'], submissions: [submission.id] });

    // The age was wrong: corrected, the guards follow.
    const corrected = await coordinator.put(`/submissions/${submission.id}`, { data: { ...needs, ageYears: 19 }, version: submission.version });
    expect(corrected.status).toBe(200);
    expect(corrected.body.data.ageYears).toBe(19);
    expect(await caseView(caseId)).toEqual({ events: ['adultServices'], submissions: [submission.id] });

    const deleted = await admin.delete(`/submissions/${submission.id}`);
    expect(deleted.status).toBe(204);
    expect(await caseView(caseId)).toEqual({ events: [], submissions: [] });
    expect((await coordinator.get(`/submissions/${submission.id}`)).status).toBe(404);
    expect(await submissionModel(t.db).countDocuments({ _id: new Types.ObjectId(submission.id) })).toBe(0);
    expect(await t.db.collection('case_submission_data').countDocuments({ caseId: new Types.ObjectId(caseId) })).toBe(0);
    expect(await timelineTypes(caseId)).toEqual(['submission', 'submission-updated', 'submission-deleted']);

    const audit = await auditModel(t.db).find({ subjectId: { $in: [submission.id, caseId] } }).lean();
    const actions = audit.map((entry) => `${entry.subjectType} ${entry.action}`).sort();
    expect(actions).toEqual(expect.arrayContaining(['Case delete-submission', 'Case submit', 'Case update-submission', 'Submission create', 'Submission delete', 'Submission update']));
    expect(actions.filter((action) => action.startsWith('Submission ') && action !== 'Submission read')).toHaveLength(3);
  });

  it('deleting the latest of two submissions of a form shows the one before it; editing the older one changes nothing', async () => {
    const caseId = await newCase('Two assessments');
    const older = await submitNeeds(caseId, 16);
    const later = await submitNeeds(caseId, 30);
    expect((await caseView(caseId)).events).toEqual(['adultServices']);
    expect((await coordinator.put(`/submissions/${older.id}`, { data: { ...needs, ageYears: 15 }, version: older.version })).status).toBe(200);
    expect((await caseView(caseId)).events).toEqual(['adultServices']);
    expect((await admin.delete(`/submissions/${later.id}`)).status).toBe(204);
    expect(await caseView(caseId)).toEqual({ events: ['childServices'], submissions: [older.id] });
  });

  it('a stale version is a 409 and changes neither the submission nor the case', async () => {
    const caseId = await newCase('Stale edit');
    const submission = await submitNeeds(caseId, 17);
    expect((await coordinator.put(`/submissions/${submission.id}`, { data: { ...needs, ageYears: 40 }, version: submission.version })).status).toBe(200);
    const stale = await coordinator.put(`/submissions/${submission.id}`, { data: { ...needs, ageYears: 12 }, version: submission.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version-conflict');
    expect((await coordinator.get(`/submissions/${submission.id}`)).body.data.ageYears).toBe(40);
    expect((await caseView(caseId)).events).toEqual(['adultServices']);
  });

  it('records an edit on a finished case without moving it', async () => {
    const caseId = await newCase('Finished case');
    const submission = await submitNeeds(caseId, 17);
    expect((await coordinator.post(`/cases/${caseId}/events`, { type: 'childServices', data: {} })).status).toBe(200);
    const corrected = await coordinator.put(`/submissions/${submission.id}`, { data: { ...needs, ageYears: 19 }, version: submission.version });
    expect(corrected.status).toBe(200);
    const record = (await caseModel(t.db).findById(caseId).lean())!;
    expect(record.workflow.activeStages).toEqual(['child']);
    expect(record.workflow.submissions).toEqual([expect.objectContaining({ submissionId: submission.id, version: 1 })]);
    expect(await timelineTypes(caseId)).toEqual(['submission', 'submission-updated']);
  });
});

describe('through the Form.io API', () => {
  const formio = (token: string) => ({
    put: (url: string, body: object) => request(t.app).put(`/formio/fi-nas${url}`).set('x-jwt-token', token).send(body),
    delete: (url: string) => request(t.app).delete(`/formio/fi-nas${url}`).set('x-jwt-token', token),
  });

  it('reaches the case on PUT and DELETE as the native API does', async () => {
    const caseId = await newCase('Form.io edit');
    const submission = await submitNeeds(caseId, 17);
    const corrected = await formio(coordinatorToken).put(`/needs-assessment/submission/${submission.id}`, { data: { ...needs, ageYears: 21 }, version: submission.version });
    expect(corrected.status).toBe(200);
    expect((await caseView(caseId)).events).toEqual(['adultServices']);
    const deleted = await formio(adminToken).delete(`/form/${formId}/submission/${submission.id}`);
    expect(deleted.status).toBe(200);
    expect(await caseView(caseId)).toEqual({ events: [], submissions: [] });
  });
});

describe('when the process stops between the submission’s write and the case’s', () => {
  const changeMarkers = () => t.db.collection('submission_changes');
  /** What a deletion leaves when its process stops right after marking the submission deleted. */
  async function markedDeleted(submissionId: string) {
    const _id = new Types.ObjectId(submissionId);
    const stored = (await submissionModel(t.db).findById(_id).lean())!;
    const entry = auditEntry({ userId: stored.createdBy, orgId: stored.orgId }, { action: 'delete', subjectType: 'Submission', subjectId: submissionId });
    await changeMarkers().insertOne({ _id, at: new Date() });
    await submissionModel(t.db).updateOne({ _id }, { $set: { deletedAt: new Date() }, $push: { pendingAudit: entry }, $inc: { version: 1 } });
    return entry;
  }

  it('a repeated DELETE finishes the deletion and answers like the first; the case is consistent at every step', async () => {
    const caseId = await newCase('Delete stopped');
    const submission = await submitNeeds(caseId, 17);
    const entry = await markedDeleted(submission.id);
    // In between, nobody reads the submission, and the case still has it as it was: consistent, not yet updated.
    expect((await coordinator.get(`/submissions/${submission.id}`)).status).toBe(404);
    expect((await coordinator.get(`/submissions?caseId=${caseId}`)).body.total).toBe(0);
    expect(await caseView(caseId)).toEqual({ events: ['childServices'], submissions: [submission.id] });

    expect((await admin.delete(`/submissions/${submission.id}`)).status).toBe(204);
    expect(await caseView(caseId)).toEqual({ events: [], submissions: [] });
    expect(await submissionModel(t.db).countDocuments({ _id: new Types.ObjectId(submission.id) })).toBe(0);
    expect(await auditModel(t.db).countDocuments({ _id: entry._id })).toBe(1);
    expect((await admin.delete(`/submissions/${submission.id}`)).status).toBe(404);
    expect(await timelineTypes(caseId)).toEqual(['submission', 'submission-deleted']);
  });

  it('a repeated DELETE after the case already heard of it changes the case no further', async () => {
    const caseId = await newCase('Delete stopped after the case');
    const submission = await submitNeeds(caseId, 17);
    await markedDeleted(submission.id);
    const by = { userId: null, orgId: null, requestId: null };
    await t.services.caseEvents.submissionChanged(by, { type: 'deleted', caseId, formPath: 'needs-assessment', submissionId: submission.id });
    expect(await caseView(caseId)).toEqual({ events: [], submissions: [] });
    expect((await admin.delete(`/submissions/${submission.id}`)).status).toBe(204);
    expect(await timelineTypes(caseId)).toEqual(['submission', 'submission-deleted']);
  });

  it('without a retry, the recovery finishes deletions and edits whose case was not told', async () => {
    const deletedCase = await newCase('Recovered deletion');
    const toDelete = await submitNeeds(deletedCase, 17);
    const entry = await markedDeleted(toDelete.id);
    const editedCase = await newCase('Recovered edit');
    const toEdit = await submitNeeds(editedCase, 17);
    // An edit stored, with its marker, before its case heard of it.
    await changeMarkers().insertOne({ _id: new Types.ObjectId(toEdit.id), at: new Date() });
    await submissionModel(t.db).updateOne({ _id: new Types.ObjectId(toEdit.id) }, { $set: { 'data.ageYears': 45 }, $inc: { version: 1 } });
    expect((await caseView(editedCase)).events).toEqual(['childServices']);
    // A marker whose write never happened (the process stopped before it) is settled as a change of nothing.
    const neverWritten = new Types.ObjectId();
    await changeMarkers().insertOne({ _id: neverWritten, at: new Date() });

    // Changes younger than the recovery's `until` are left to their requests.
    expect(await settleMarkedSubmissions(t.db, t.services.caseEvents, new Date(0))).toEqual({ settled: 0, failed: 0 });
    expect(await settleMarkedSubmissions(t.db, t.services.caseEvents, new Date(Date.now() + 60_000))).toEqual({ settled: 3, failed: 0 });
    expect(await caseView(deletedCase)).toEqual({ events: [], submissions: [] });
    expect(await submissionModel(t.db).countDocuments({ _id: new Types.ObjectId(toDelete.id) })).toBe(0);
    expect(await auditModel(t.db).countDocuments({ _id: entry._id })).toBe(1);
    expect((await caseView(editedCase)).events).toEqual(['adultServices']);
    expect(await changeMarkers().countDocuments({})).toBe(0);
    expect(await settleMarkedSubmissions(t.db, t.services.caseEvents, new Date(Date.now() + 60_000))).toEqual({ settled: 0, failed: 0 });
  });
});

describe('who may submit is checked before what is submitted', () => {
  const invalid = { ...needs, ageYears: 'not a number', interviewDate: 42 };
  const withoutRequestId = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

  it('a caller who may not submit to the case gets the 404 of a missing case, whatever the data', async () => {
    const caseId = await newCase('Not yours');
    const vantaa = api(t.app, (await login(t.app, 'worker@vantaa.demo.test')).token);
    const vantaaForms = await vantaa.get('/forms');
    const theirForm = (vantaaForms.body.items as Array<{ id: string; path: string }>).find((form) => form.path === 'needs-assessment')!.id;
    const refused = await vantaa.post(`/forms/${theirForm}/submissions`, { data: invalid, caseId });
    const missing = await vantaa.post(`/forms/${theirForm}/submissions`, { data: invalid, caseId: new Types.ObjectId().toHexString() });
    expect(refused.status).toBe(404);
    expect(withoutRequestId(refused.body)).toEqual(withoutRequestId(missing.body));
    expect(refused.body.details).toBeUndefined();
    // With data the form accepts, the answer is the same.
    expect((await vantaa.post(`/forms/${theirForm}/submissions`, { data: needs, caseId })).status).toBe(404);
  });

  it('a caller who may read the form but not submit to it gets the 404 of a missing form, whatever the data', async () => {
    const designer = api(t.app, (await login(t.app, 'designer@helsinki.demo.test')).token);
    const forms = await designer.get('/forms');
    const readable = (forms.body.items as Array<{ id: string; path: string }>).find((form) => form.path === 'needs-assessment')!.id;
    const refused = await designer.post(`/forms/${readable}/submissions`, { data: invalid });
    const missing = await designer.post(`/forms/${new Types.ObjectId().toHexString()}/submissions`, { data: invalid });
    expect(refused.status).toBe(404);
    expect(withoutRequestId(refused.body)).toEqual(withoutRequestId(missing.body));
    expect(refused.body.details).toBeUndefined();
  });
});

it('moves case form data of the earlier layout (one row per case and form, edits never reported) into rows per submission at start', async () => {
  const caseId = await newCase('Earlier layout');
  const submission = await submitNeeds(caseId, 17);
  const rows = t.db.collection('case_submission_data');
  const key = formDataKey(new Types.ObjectId(caseId), submission.id);
  // The earlier layout: its own collection, rows under generated ids, no version; and an edit its case never heard of.
  const { _id: _key, version: _version, ...row } = (await rows.findOne({ _id: key as never }))!;
  await t.db.collection('case_form_data').insertOne({ ...row });
  await rows.deleteOne({ _id: key as never });
  await submissionModel(t.db).updateOne({ _id: new Types.ObjectId(submission.id) }, { $set: { 'data.ageYears': 30 }, $inc: { version: 1 } });
  expect((await caseView(caseId)).events).toEqual([]);

  const reported: string[] = [];
  const moved = async (ids: string[]) => {
    reported.push(...ids);
    await markSubmissionsChanged(t.db, ids);
  };
  expect(await upgradeCaseFormData(t.db, moved)).toBe(1);
  expect(await upgradeCaseFormData(t.db, moved)).toBe(0);
  expect(reported).toEqual([submission.id]);
  expect((await rows.findOne({ _id: key as never }))!.version).toBe(-1);
  expect(await t.db.db!.listCollections({ name: 'case_form_data' }).toArray()).toHaveLength(0);
  // The row as the earlier layout kept it, until the recovery reports the submission again.
  expect((await caseView(caseId)).events).toEqual(['childServices']);
  expect(await settleMarkedSubmissions(t.db, t.services.caseEvents, new Date())).toEqual({ settled: 1, failed: 0 });
  expect((await caseView(caseId)).events).toEqual(['adultServices']);
  // A second submission of the form gets a row of its own.
  await submitNeeds(caseId, 10);
  expect(await rows.countDocuments({ caseId: new Types.ObjectId(caseId) })).toBe(2);
  expect((await caseView(caseId)).events).toEqual(['childServices']);
});
