import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { allFieldsOf, hashPassword, roleModel, userModel } from '../../server/src/modules/access';
import { encodeRules } from '../../server/src/modules/access/testing';
import { organisationModel } from '../../server/src/modules/tenants';
import { api, createCaseApp, login, type CaseApp } from '../helpers/case-app';
import { DEMO_PASSWORD } from '../helpers/demo-app';
import { pdfText } from '../helpers/pdf-text';

/*
 * Form data drives the case through the bindings the shipped Finnish workflow declares: the consent form gives the
 * case its consents, the needs assessment the person's profile and needs, the plan of assistance the case plan. A
 * binding applies when a submission is created, edited or deleted, before the guards are evaluated, so the case
 * routes by what the forms now say: a person of 17, or of uncertain age, takes the child branch whatever else was
 * entered, and a consent withdrawn in the form takes the referral off the offer.
 */
const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'form-submissions', `${name}.json`), 'utf8')) as Record<string, unknown>;
const consentForm = fixture('consent-information');
const needsForm = fixture('needs-assessment');
const planForm = fixture('plan-of-assistance');
const adultNeeds = { ...needsForm, ageYears: 31, ageUncertain: false, isChild: false, nationality: 'Romania', literacy: 'yes', needSafeAccommodation: 'urgent' };

let t: CaseApp;
let worker: ReturnType<typeof api>;
let workerToken: string;
let admin: ReturnType<typeof api>;
const formIds = new Map<string, string>();
beforeAll(async () => {
  t = await createCaseApp('form-bindings');
  workerToken = (await login(t.app, 'coordinator@nas.demo.test')).token;
  worker = api(t.app, workerToken);
  admin = api(t.app, (await login(t.app, 'admin@demo.test', 'fi-nas')).token);
  for (const form of (await worker.get('/forms?limit=100')).body.items as Array<{ id: string; path: string }>) formIds.set(form.path, form.id);
});
afterAll(async () => t.close());

async function newCase(alias: string): Promise<string> {
  const created = await worker.post('/cases', { alias, workflowId: 'finland-municipality' });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function submit(caseId: string, formPath: string, data: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const created = await worker.post(`/forms/${formIds.get(formPath)}/submissions`, { data, caseId });
  expect([created.status, created.body.details]).toEqual([201, undefined]);
  return created.body;
}

const view = async (caseId: string) => (await worker.get(`/cases/${caseId}`)).body;

describe('form data → case, as the workflow declares', () => {
  it('adult: the consent form gives the consents, the needs assessment the profile; the NAS referral is offered, and taken back with the consent', async () => {
    const caseId = await newCase('Bound adult');
    const consent = await submit(caseId, 'consent-information', consentForm);
    let detail = await view(caseId);
    expect(detail.consents).toEqual({
      // The form's "what may be shared" answers become the field groups each consent covers.
      nas: { given: true, givenOn: '2025-03-10', withdrawn: false, withdrawnOn: null, groups: ['identity', 'narrative', 'narrativeSummary', 'integration', 'plan'] },
      ngo: { given: false, givenOn: '2025-03-10', withdrawn: true, withdrawnOn: '2025-03-15', groups: ['identity', 'plan'] },
      police: { given: false, givenOn: null, withdrawn: false, withdrawnOn: null },
      'family-tracing': { given: false, givenOn: null, withdrawn: false, withdrawnOn: null },
    });

    await submit(caseId, 'needs-assessment', adultNeeds);
    detail = await view(caseId);
    expect(detail.identity).toMatchObject({ estimatedAge: 31, ageUncertain: false, nationality: 'RO', languages: ['ro'], literacy: 'literate' });
    expect(detail.plan.needs.safeAccommodation).toBe('immediate');
    expect(detail.plan.obstacles).toEqual(expect.arrayContaining(['threats']));
    expect(detail.workflow.activeStages).toContain('nasReferral');
    await submit(caseId, 'safety-plan', fixture('safety-plan'));
    detail = await view(caseId);
    expect(detail.availableEvents).toContain('referToNas');

    // The consent to the NAS withdrawn in the form: the case agrees, the referral is no longer offered.
    const rows = (consentForm.consents as Array<Record<string, unknown>>).map((row) =>
      row.recipient === 'nas' ? { ...row, withdrawn: true, withdrawnOn: '2025-03-12T00:00:00.000Z' } : row,
    );
    const edited = await worker.put(`/submissions/${consent.id}`, { data: { ...consentForm, consents: rows }, version: consent.version });
    expect(edited.status).toBe(200);
    detail = await view(caseId);
    expect(detail.consents.nas).toEqual({ given: false, givenOn: '2025-03-10', withdrawn: true, withdrawnOn: '2025-03-12', groups: ['identity', 'narrative', 'narrativeSummary', 'integration', 'plan'] });
    expect(detail.availableEvents).not.toContain('referToNas');

    // Deleted, the form's consents go with it.
    expect((await admin.delete(`/submissions/${consent.id}`)).status).toBe(204);
    expect((await view(caseId)).consents).toEqual({});
  });

  it.each([
    ['17 years old', { ageYears: 17, ageUncertain: false }],
    ['of uncertain age', { ageYears: 25, ageUncertain: true }],
  ])('a person %s takes the child branch whatever else was entered, with a task to appoint a legal representative', async (_label, age) => {
    const caseId = await newCase(`Bound child ${age.ageYears}`);
    await submit(caseId, 'consent-information', consentForm);
    // The form's own "is a child" box left unticked and the NAS chosen: the age decides.
    await submit(caseId, 'needs-assessment', { ...adultNeeds, ...age, isChild: false, referralOutcome: 'nas' });
    const detail = await view(caseId);
    expect(detail.identity).toMatchObject({ estimatedAge: age.ageYears, ageUncertain: age.ageUncertain });
    expect(detail.workflow.activeStages).toContain('childBranch');
    expect(detail.workflow.activeStages).not.toContain('nasReferral');
    expect(detail.workflow.tasks.map((task: { titleKey: string }) => task.titleKey)).toContain('workflows:actions.open-child-branch.appointLegalRepresentative');
  });

  it('the plan of assistance becomes the case plan, in the API and in the PDF', async () => {
    const caseId = await newCase('Bound plan');
    await submit(caseId, 'consent-information', consentForm);
    await submit(caseId, 'needs-assessment', adultNeeds);
    await submit(caseId, 'plan-of-assistance', planForm);
    const plan = (await view(caseId)).plan;
    expect(plan.ownGoals).toBe(planForm.personGoals);
    expect(plan.nextReviewDate).toBe('2025-06-20');
    expect(plan.goals).toEqual([
      expect.objectContaining({ stop: 'safeAccommodation', description: 'Place in a shelter in another town', provider: 'Example Shelter', owner: 'case-owner', startDate: '2025-03-12', dueDate: '2025-03-31', status: 'done' }),
      expect.objectContaining({ stop: 'legalAssistance', owner: 'lawyer', status: 'inProgress' }),
      expect.objectContaining({ stop: 'languageCourses', status: 'planned' }),
    ]);
    const pdf = await request(t.app).get(`/api/cases/${caseId}/plan.pdf?lang=en`).set('Authorization', `Bearer ${workerToken}`).buffer(true)
      .parse((res, done) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => done(null, Buffer.concat(chunks))); });
    expect(pdf.status).toBe(200);
    const { text } = await pdfText(pdf.body as Buffer);
    for (const shown of ['Place in a shelter in another town', 'Example Legal Aid Office', 'Lawyer', 'Case owner (municipal social worker)', 'Next review', 'The 21 stops', 'needed now']) {
      expect(text).toContain(shown);
    }
  });

  it('a due date before the case was opened is refused next to its field, and changes nothing', async () => {
    const caseId = await newCase('Early due date');
    const actions = (planForm.actions as Array<Record<string, unknown>>).map((row, i) => (i === 0 ? { ...row, dueDate: '2025-03-01T00:00:00.000Z' } : row));
    const refused = await worker.post(`/forms/${formIds.get('plan-of-assistance')}/submissions`, { data: { ...planForm, actions }, caseId });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ path: ['actions', 0, 'dueDate'] })]);
    expect((await view(caseId)).plan.goals).toEqual([]);
  });

  it('a user who may not change the case\'s consents cannot record them through the consent form, nor edit or delete the form that did', async () => {
    // An assistant of the NAS: may work on the organisation's cases and fill in their forms, but not their consents.
    const nas = await organisationModel(t.db).findOne({ slug: 'fi-nas' }).lean();
    const OWN_ORG = { orgId: '${org.id}' };
    const role = await roleModel(t.db).create({
      orgId: nas!._id, key: 'assistant-no-consents', name: 'Assistant', rules: encodeRules([
        { action: 'read', subject: ['FormTemplate', 'WorkflowTemplate'] },
        { action: 'read', subject: ['Form', 'Workflow'], conditions: OWN_ORG },
        { action: ['read', 'update', 'fire'], subject: 'Case', fields: allFieldsOf('Case').filter((field) => field !== 'consents'), conditions: OWN_ORG },
        { action: ['read', 'create', 'update', 'delete'], subject: 'Submission', conditions: OWN_ORG },
      ]),
    });
    await userModel(t.db).create({ email: 'assistant@nas.bindings.test', name: 'Assistant', passwordHash: await hashPassword(DEMO_PASSWORD), memberships: [{ orgId: nas!._id, roleId: role._id }] });
    const assistant = api(t.app, (await login(t.app, 'assistant@nas.bindings.test')).token);
    const caseId = await newCase('Bound by field rules');

    const refused = await assistant.post(`/forms/${formIds.get('consent-information')}/submissions`, { data: consentForm, caseId });
    expect([refused.status, refused.body.code, refused.body.refused]).toEqual([403, 'forbidden', ['consents']]);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    let detail = await view(caseId);
    expect(detail.consents).toEqual({});
    expect((await worker.get(`/submissions?caseId=${caseId}`)).body.items ?? []).toHaveLength(0);

    // A form that feeds only fields the assistant may change goes through.
    const needs = await assistant.post(`/forms/${formIds.get('needs-assessment')}/submissions`, { data: adultNeeds, caseId });
    expect([needs.status, needs.body.refused]).toEqual([201, undefined]);

    // The coordinator records the consents; the assistant may neither rewrite nor delete them through the form.
    const consent = await submit(caseId, 'consent-information', consentForm);
    const rows = (consentForm.consents as Array<Record<string, unknown>>).map((row) => (row.recipient === 'nas' ? { ...row, withdrawn: true, withdrawnOn: '2025-03-12T00:00:00.000Z' } : row));
    const edited = await assistant.put(`/submissions/${consent.id}`, { data: { ...consentForm, consents: rows }, version: consent.version });
    expect([edited.status, edited.body.refused]).toEqual([403, ['consents']]);
    const deleted = await assistant.delete(`/submissions/${consent.id}`);
    expect([deleted.status, deleted.body.refused]).toEqual([403, ['consents']]);
    detail = await view(caseId);
    expect(detail.consents.nas).toEqual({ given: true, givenOn: '2025-03-10', withdrawn: false, withdrawnOn: null, groups: ['identity', 'narrative', 'narrativeSummary', 'integration', 'plan'] });
  });
});
