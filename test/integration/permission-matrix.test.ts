import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { platformRole, clonePresetInto, userModel, hashPassword } from '../../server/src/modules/access';
import { auditModel } from '../../server/src/modules/audit/testing';
import { findSensitiveFields } from '../../server/src/modules/forms';
import { organisationModel } from '../../server/src/modules/tenants';
import { loadTemplateLibrary } from '../../server/src/modules/workflows';
import { createDemoApp, DEMO_PASSWORD, signIn } from '../helpers/demo-app';
import type { TestApp } from '../helpers/test-app';

/**
 * Issue 3's permission matrix: every preset role, acting in fi-helsinki, against a case (and its needs assessment)
 * of its own organisation and one of another organisation, through real HTTP. Expectations follow DOMAIN.md's
 * "Who sees what" table.
 */
type Group = 'alias' | 'identity' | 'safeAccommodation' | 'narrative' | 'narrativeSummary' | 'criminalProceedings' | 'proceedingsSummary' | 'integration';
interface Expectation {
  /** Field groups of the own-organisation case this role reads; null = the case is hidden (404). */
  reads: Group[] | null;
  /** May it change the case's integration group (a write any case worker needs)? */
  updates: boolean;
  /** Sees every case of another organisation (platform admin only). */
  crossOrg?: boolean;
  /** Reads the submission; `sensitive` = restricted/confidential values included. */
  submission: 'hidden' | 'masked' | 'full';
}

const ALL: Group[] = ['alias', 'identity', 'safeAccommodation', 'narrative', 'narrativeSummary', 'criminalProceedings', 'proceedingsSummary', 'integration'];
const MATRIX: Record<string, Expectation> = {
  'platform-admin': { reads: ALL, updates: true, crossOrg: true, submission: 'full' },
  'org-admin': { reads: null, updates: false, submission: 'hidden' },
  'form-designer': { reads: null, updates: false, submission: 'hidden' },
  caseworker: { reads: ['alias', 'identity', 'safeAccommodation', 'narrative', 'narrativeSummary', 'proceedingsSummary', 'integration'], updates: true, submission: 'full' },
  'national-coordinator': { reads: ALL, updates: true, submission: 'full' },
  'ngo-worker': { reads: ['alias', 'identity', 'narrative', 'integration'], updates: true, submission: 'full' },
  'shelter-worker': { reads: ['alias', 'identity', 'safeAccommodation', 'narrativeSummary', 'integration'], updates: true, submission: 'full' },
  'legal-representative': { reads: ['alias', 'identity', 'safeAccommodation', 'narrativeSummary', 'criminalProceedings', 'proceedingsSummary', 'integration'], updates: true, submission: 'full' },
  'employment-services': { reads: ['alias', 'integration'], updates: true, submission: 'masked' },
  'iom-caseworker': { reads: ['alias', 'identity', 'narrative', 'integration'], updates: true, submission: 'full' },
  'police-liaison': { reads: ['alias', 'identity', 'criminalProceedings'], updates: false, submission: 'masked' },
  auditor: { reads: null, updates: false, submission: 'hidden' },
};

const SECRET_LOCATION = 'Safe house at a secret address 7';
const SECRET_NARRATIVE = 'Narrative of exploitation that only a few may read';

let t: TestApp;
const tokens = new Map<string, string>();
let ownCaseId: string;
let otherCaseId: string;
let submissionId: string;
let restrictedKeys: string[];

async function addUser(slug: string, roleKey: string, email: string) {
  const org = await organisationModel(t.db).findOne({ slug }).lean();
  const role = roleKey === 'platform-admin' ? await platformRole(t.db, roleKey) : await clonePresetInto(t.db, org!._id, roleKey);
  await userModel(t.db).create({ email, name: `Matrix ${roleKey}`, passwordHash: await hashPassword(DEMO_PASSWORD), memberships: [{ orgId: org!._id, roleId: role._id }] });
  return (await signIn(t, email)).token;
}

beforeAll(async () => {
  t = await createDemoApp('matrix');
  await loadTemplateLibrary(t.db);
  await organisationModel(t.db).create({ slug: 'fi-helsinki-employment', name: 'Employment services (test)', country: 'FI', type: 'regional', parentId: null, ancestorIds: [], parameters: {} });
  for (const role of Object.keys(MATRIX)) {
    const slug = role === 'employment-services' ? 'fi-helsinki-employment' : 'fi-helsinki';
    tokens.set(role, await addUser(slug, role, `matrix-${role}@test.invalid`));
  }
  const ngo = await userModel(t.db).findOne({ email: 'matrix-ngo-worker@test.invalid' }).lean();
  const legal = await userModel(t.db).findOne({ email: 'matrix-legal-representative@test.invalid' }).lean();

  const creator = tokens.get('national-coordinator')!;
  const created = await request(t.app).post('/api/cases').set('x-jwt-token', creator).send({
    alias: 'Matrix person',
    workflowId: 'finland-municipality',
    identity: { estimatedAge: 30, ageUncertain: false, languages: ['en'], contact: { phone: '+000 000' } },
    safeAccommodation: { kind: 'shelter', location: SECRET_LOCATION },
    narrative: { text: SECRET_NARRATIVE, exploitationForms: ['forcedLabour'] },
    narrativeSummary: 'Short summary',
    criminalProceedings: { status: 'investigation', notes: 'Proceedings details' },
    proceedingsSummary: 'Under investigation',
    integration: { legalStatus: 'temporary-permit', languageLevel: 'A2' },
    consents: { police: { given: true, givenOn: '2025-01-10' }, 'employment-services': { given: true, givenOn: '2025-01-10' } },
    assignees: [String(ngo!._id), String(legal!._id)],
  });
  expect(created.status).toBe(201);
  ownCaseId = created.body.id;
  const shared = await request(t.app).post(`/api/cases/${ownCaseId}/share`).set('x-jwt-token', creator)
    .send({ recipient: 'employment-services', organisation: 'fi-helsinki-employment', version: created.body.version });
  expect(shared.status).toBe(200);

  const vantaa = await signIn(t, 'worker@vantaa.demo.test');
  const other = await request(t.app).post('/api/cases').set('x-jwt-token', vantaa.token)
    .send({ alias: 'Other organisation person', workflowId: 'finland-municipality', identity: { estimatedAge: 40, ageUncertain: false } });
  expect(other.status).toBe(201);
  otherCaseId = other.body.id;

  const forms = await request(t.app).get('/api/forms').set('x-jwt-token', creator);
  const needsAssessment = (forms.body.items ?? forms.body).find((form: { path: string }) => form.path === 'needs-assessment');
  const data = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'form-submissions', 'needs-assessment.json'), 'utf8'));
  // A next appointment cannot fall before the case was opened (today).
  data.nextAppointment = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const submitted = await request(t.app).post(`/api/forms/${needsAssessment.id ?? needsAssessment._id}/submissions`).set('x-jwt-token', creator).send({ data, caseId: ownCaseId });
  expect(submitted.status).toBe(201);
  submissionId = submitted.body.id;
  const form = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'forms', 'needs-assessment.json'), 'utf8'));
  restrictedKeys = findSensitiveFields(form).map((field: { key: string }) => field.key).filter((key: string) => data[key] !== undefined);
  expect(restrictedKeys.length).toBeGreaterThan(0);
});
afterAll(() => t.close());

describe.each(Object.entries(MATRIX))('%s', (role, expected) => {
  const as = (test: request.Test) => test.set('x-jwt-token', tokens.get(role)!);

  it('reads the own-organisation case with exactly the permitted field groups', async () => {
    const response = await as(request(t.app).get(`/api/cases/${ownCaseId}`));
    if (expected.reads === null) {
      expect(response.status).toBe(404);
      return;
    }
    expect(response.status).toBe(200);
    const present = ALL.filter((group) => response.body[group] !== undefined && response.body[group] !== null);
    expect(present.sort()).toEqual([...expected.reads].sort());
    const text = JSON.stringify(response.body);
    expect(text.includes(SECRET_LOCATION)).toBe(expected.reads.includes('safeAccommodation'));
    expect(text.includes(SECRET_NARRATIVE)).toBe(expected.reads.includes('narrative'));
    // The read of sensitive groups is audited by name, never by value.
    const reader = await userModel(t.db).findOne({ email: `matrix-${role}@test.invalid` }).lean();
    const [entry] = await auditModel(t.db).find({ subjectId: ownCaseId, action: 'read', userId: reader!._id }).sort({ at: -1, _id: -1 }).limit(1).lean();
    const sensitiveRead = expected.reads.filter((group) => ['identity', 'safeAccommodation', 'narrative', 'criminalProceedings'].includes(group));
    expect(entry?.sensitiveFields.slice().sort() ?? []).toEqual(sensitiveRead.sort());
    expect(JSON.stringify(entry ?? {})).not.toContain(SECRET_LOCATION);
    expect(JSON.stringify(entry ?? {})).not.toContain(SECRET_NARRATIVE);
  });

  it('never sees a case of another organisation unless a rule grants it', async () => {
    const single = await as(request(t.app).get(`/api/cases/${otherCaseId}`));
    const list = await as(request(t.app).get('/api/cases?pageSize=100'));
    expect(list.status).toBe(200);
    const ids = (list.body.items ?? []).map((item: { id: string }) => item.id);
    if (expected.crossOrg) {
      expect(single.status).toBe(200);
      expect(ids).toContain(otherCaseId);
    } else {
      expect(single.status).toBe(404);
      expect(ids).not.toContain(otherCaseId);
    }
    if (expected.reads !== null) expect(ids).toContain(ownCaseId);
    else expect(ids).not.toContain(ownCaseId);
  });

  it('writes only where the rules allow', async () => {
    const current = await request(t.app).get(`/api/cases/${ownCaseId}`).set('x-jwt-token', tokens.get('national-coordinator')!);
    const response = await as(request(t.app).patch(`/api/cases/${ownCaseId}`)).send({ version: current.body.version, integration: { legalStatus: 'temporary-permit', languageLevel: 'B1' } });
    if (expected.updates) expect(response.status).toBe(200);
    else expect([403, 404]).toContain(response.status);
    const other = await as(request(t.app).patch(`/api/cases/${otherCaseId}`)).send({ version: 0, integration: { languageLevel: 'B1' } });
    expect(expected.crossOrg ? [200, 409] : [404]).toContain(other.status);
  });

  it('reads the submission with restricted and confidential values masked unless permitted, and audits sensitive reads', async () => {
    const before = await auditModel(t.db).countDocuments({ subjectId: submissionId });
    const response = await as(request(t.app).get(`/api/submissions/${submissionId}`));
    if (expected.submission === 'hidden') {
      expect(response.status).toBe(404);
      return;
    }
    expect(response.status).toBe(200);
    const visible = restrictedKeys.filter((key) => response.body.data[key] !== undefined);
    if (expected.submission === 'masked') {
      expect(visible).toEqual([]);
      expect(response.body.masked.sort()).toEqual(expect.arrayContaining(restrictedKeys));
    } else {
      expect(visible.sort()).toEqual([...restrictedKeys].sort());
      const entries = await auditModel(t.db).find({ subjectId: submissionId }).sort({ at: -1 }).lean();
      expect(entries.length).toBeGreaterThan(before);
      expect(entries[0]!.sensitiveFields.length).toBeGreaterThan(0);
      // The audit entry names fields, never their values.
      expect(JSON.stringify(entries)).not.toContain(String(response.body.data[restrictedKeys[0]!]));
    }
  });
});
