import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { localesDir } from '../../server/src/config/paths';
import { forgetCachedAuth, encodeRules } from '../../server/src/modules/access/testing';
import { roleModel, clonePresetInto, hashPassword, userModel } from '../../server/src/modules/access';
import { auditModel } from '../../server/src/modules/audit/testing';
import { organisationModel } from '../../server/src/modules/tenants';
import { api, createCaseApp, login, type CaseApp } from '../helpers/case-app';
import { pdfText } from '../helpers/pdf-text';
import { DEMO_PASSWORD } from '../helpers/demo-app';

/* GET /api/cases/:id/plan.pdf: the plan of assistance as a server-made PDF, read back with pdfjs-dist (pdf-text.ts). */
type Tree = { [key: string]: string | Tree };
/** A text of locales/<language>/<namespace>.json by its dotted key, as the server's i18next reads it. */
function text(language: string, key: string, namespace = 'common'): string {
  const tree = JSON.parse(fs.readFileSync(path.join(localesDir, language, `${namespace}.json`), 'utf8')) as Tree;
  const value = key.split('.').reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
  if (typeof value !== 'string') throw new Error(`no text ${language}:${key}`);
  return value;
}

/** supertest with the body collected as bytes whatever the content type. */
function binary(req: request.Test) {
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

const GOAL_MARK = 'GOALMARK7731';
const ACTION_MARK = 'ACTIONMARK4410';
const SECRET_LOCATION = 'SECRETSTREET 12';
const SECRET_NARRATIVE = 'NARRATIVEMARK 9931';
// One string with letters of every staff language that needs more than basic Latin.
const MIXED_SCRIPTS = ['Цел: да намеря работа', 'Ђорђе и Љубица', 'Příliš žluťoučký kůň', 'ștergător țară', 'őrült űr', 'Säännöllinen työ'];
// Typed as base letters plus combining accents (as some keyboards do): written with the precomposed glyphs.
const DECOMPOSED = 'Kavárna Žilina'.normalize('NFD');

let t: CaseApp;
let worker: ReturnType<typeof api>;
let workerToken: string;
let caseId: string;
let reference: string;

const pdfOf = (token: string, query = '', headers: Record<string, string> = {}) =>
  binary(request(t.app).get(`/api/cases/${caseId}/plan.pdf${query}`).set({ Authorization: `Bearer ${token}`, ...headers }));

beforeAll(async () => {
  t = await createCaseApp('plan-pdf');
  workerToken = (await login(t.app, 'worker@helsinki.demo.test')).token;
  worker = api(t.app, workerToken);
  const created = await worker.post('/cases', {
    alias: 'Lena',
    workflowId: 'finland-municipality',
    identity: { birthDate: '1990-05-01', languages: ['ru'] },
    safeAccommodation: { kind: 'shelter', location: SECRET_LOCATION },
    narrative: { text: SECRET_NARRATIVE },
    consents: { police: { given: true, givenOn: '2025-03-01' } },
    plan: {
      ownGoals: `${GOAL_MARK} ${MIXED_SCRIPTS.join('; ')}; ${DECOMPOSED}`,
      goals: [
        { id: 'language', stop: 'languageCourses', description: `Evening course ${ACTION_MARK}`, provider: 'Adult education centre', owner: 'Social worker', startDate: '2025-08-15', dueDate: '2025-12-20', status: 'inProgress' },
      ],
      reviewDates: ['2025-06-01'],
      obstacles: ['unwillingToReport'],
    },
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  reference = created.body.reference;
});
afterAll(async () => t.close());

describe('a caseworker of the case organisation', () => {
  it('gets the plan as a PDF attachment in Finnish with ?lang=fi, and the export is audited', async () => {
    const res = await pdfOf(workerToken, '?lang=fi');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="plan-${reference}.pdf"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const { text: content, info, pages } = await pdfText(pdf);
    for (const key of ['plan.title', 'plan.goals', 'plan.actions', 'plan.reviews', 'roadMap.title', 'roadMap.desiredState', 'roadMap.stops', 'plan.stops.socialOrientation', 'roadMap.checkpoints', 'roadMap.obstacles', 'caseDetail.deadlines', 'caseDetail.consents', 'plan.stops.languageCourses', 'plan.statuses.inProgress', 'plan.obstacles.unwillingToReport', 'consent.recipients.police']) {
      expect(content).toContain(text('fi', key));
    }
    expect(content).toContain('Auttamissuunnitelma');
    expect(content).toContain(GOAL_MARK);
    expect(content).toContain(ACTION_MARK);
    expect(content).toContain(reference);
    expect(content).toContain('Lena');
    expect(content).toContain('15. elokuuta 2025'); // dates as Finnish writes them
    expect(content).toContain(text('fi', 'planPdf.page').replace('{{page}}', '1').replace('{{pages}}', String(pages.length)));
    // Groups the plan does not need never reach the document, even for a reader who may see them.
    expect(content).not.toContain(SECRET_LOCATION);
    expect(content).not.toContain(SECRET_NARRATIVE);
    expect(content).not.toContain('1990');
    expect(content).not.toContain(text('fi', 'planPdf.omitted'));
    expect(info.Title).toBe(`${text('fi', 'plan.title')} ${reference}`);
    expect(info.Language).toBe('fi');

    const audit = await auditModel(t.db).find({ subjectId: caseId, action: 'export' }).lean();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.subjectType).toBe('Case');
    expect(JSON.stringify(audit)).not.toContain(GOAL_MARK);
  });

  it('gets the English headings with ?lang=en', async () => {
    const res = await pdfOf(workerToken, '?lang=en');
    expect(res.status).toBe(200);
    const { text: content } = await pdfText(res.body as Buffer);
    for (const heading of ['Plan of assistance', "The person's own goals", 'Actions', 'Obstacles', 'Deadlines', 'Consents', 'Language courses', 'In progress']) {
      expect(content).toContain(heading);
    }
    expect(content).toContain('August 15, 2025');
    expect(content).not.toContain('Auttamissuunnitelma');
  });

  it('falls back like the rest of the API for an unsupported ?lang: Accept-Language, else English', async () => {
    const finnish = await pdfText((await pdfOf(workerToken, '?lang=xx', { 'Accept-Language': 'fi' })).body as Buffer);
    expect(finnish.text).toContain('Auttamissuunnitelma');
    const english = await pdfText((await pdfOf(workerToken, '?lang=zz')).body as Buffer);
    expect(english.text).toContain('Plan of assistance');
    const region = await pdfText((await pdfOf(workerToken, '?lang=sv-FI')).body as Buffer);
    expect(region.text).toContain(text('sv', 'plan.title'));
  });

  it('gets intact Cyrillic (Bulgarian headings) and the other staff scripts with ?lang=bg: the glyphs are embedded; Arabic and Serbian too', async () => {
    const res = await pdfOf(workerToken, '?lang=bg');
    expect(res.status).toBe(200);
    const { text: content } = await pdfText(res.body as Buffer);
    expect(content).toContain('План за подкрепа');
    for (const key of ['plan.goals', 'plan.actions', 'caseDetail.consents', 'plan.stops.languageCourses', 'planPdf.confidential']) {
      expect(content).toContain(text('bg', key));
    }
    for (const sample of MIXED_SCRIPTS) expect(content).toContain(sample);
    expect(content).toContain('Kavárna Žilina');
    expect(content).toContain('15 август 2025 г.');
    expect(content).not.toContain('\uFFFD');
    // Arabic is laid out right to left with the Arabic subset embedded.
    const arabic = await pdfText((await pdfOf(workerToken, '?lang=ar')).body as Buffer);
    expect(arabic.info.Language).toBe('ar');
    expect(arabic.text).toContain('المساعدة');
    expect(arabic.text).not.toContain('\uFFFD');
    // Serbian texts are in Latin script, and so are its dates.
    const serbian = await pdfText((await pdfOf(workerToken, '?lang=sr')).body as Buffer);
    expect(serbian.text).toContain(text('sr', 'plan.title'));
    expect(serbian.text).toContain('15. avgust 2025.');
  });
});

describe('readers who may not see all of it', () => {
  it('a police liaison who may read the case but not its plan gets a 403 problem, never the plan', async () => {
    const police = (await login(t.app, 'police@helsinki.demo.test')).token;
    expect((await api(t.app, police).get(`/cases/${caseId}`)).status).toBe(200);
    const res = await request(t.app).get(`/api/cases/${caseId}/plan.pdf?lang=fi`).set('Authorization', `Bearer ${police}`);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'forbidden', refused: ['export'] });
    // Even a role given `export` gets no plan it may not read.
    const user = await userModel(t.db).findOne({ email: 'police@helsinki.demo.test' }).lean();
    await roleModel(t.db).updateOne({ _id: user!.memberships[0]!.roleId }, { $push: { rules: encodeRules([{ action: 'export', subject: 'Case' }])[0] } });
    forgetCachedAuth();
    const granted = await request(t.app).get(`/api/cases/${caseId}/plan.pdf?lang=fi`).set('Authorization', `Bearer ${police}`);
    expect(granted.status).toBe(403);
    expect(granted.body.code).toBe('plan-not-readable');
    for (const body of [res.body, granted.body]) {
      expect(JSON.stringify(body)).not.toContain(GOAL_MARK);
      expect(JSON.stringify(body)).not.toContain(ACTION_MARK);
    }
  });

  it('employment services may not export by default; granted `export`, they get the plan without position, deadlines or consents', async () => {
    const org = await organisationModel(t.db).create({ slug: 'fi-helsinki-employment', name: 'Employment services (test)', country: 'FI', type: 'regional', parentId: null, ancestorIds: [], parameters: {} });
    const role = await clonePresetInto(t.db, org._id, 'employment-services');
    await userModel(t.db).create({ email: 'employment@test.invalid', name: 'Employment', passwordHash: await hashPassword(DEMO_PASSWORD), memberships: [{ orgId: org._id, roleId: role._id }] });
    const current = (await worker.get(`/cases/${caseId}`)).body;
    const consented = await worker.patch(`/cases/${caseId}`, { consents: { ...current.consents, employmentServices: { given: true, givenOn: '2025-03-02' } }, version: current.version });
    expect(consented.status).toBe(200);
    const shared = await worker.post(`/cases/${caseId}/share`, { recipient: 'employmentServices', organisation: 'fi-helsinki-employment', version: consented.body.version });
    expect(shared.status).toBe(200);

    const employment = (await login(t.app, 'employment@test.invalid')).token;
    const refused = await request(t.app).get(`/api/cases/${caseId}/plan.pdf?lang=en`).set('Authorization', `Bearer ${employment}`);
    expect(refused.status).toBe(403);
    expect(refused.body.refused).toEqual(['export']);
    // An administrator grants the export of shared cases (roles are data); reading rules stay as they were.
    await roleModel(t.db).updateOne({ _id: role._id }, { $push: { rules: encodeRules([{ action: 'export', subject: 'Case', conditions: { sharedWith: '${org.id}' } }])[0] } });
    forgetCachedAuth();
    const res = await pdfOf(employment, '?lang=en');
    expect(res.status).toBe(200);
    const { text: content } = await pdfText(res.body as Buffer);
    expect(content).toContain(GOAL_MARK);
    expect(content).toContain(ACTION_MARK);
    expect(content).toContain(reference);
    for (const withheld of ['Deadlines', 'Consents', 'Current stage', 'Police', SECRET_LOCATION, SECRET_NARRATIVE]) expect(content).not.toContain(withheld);
    expect(content).toContain(text('en', 'planPdf.omitted'));
  });

  it('a user of another organisation gets the same 404 problem as for the case itself', async () => {
    const vantaa = (await login(t.app, 'worker@vantaa.demo.test')).token;
    const exportsBefore = await auditModel(t.db).countDocuments({ action: 'export' });
    const json = await api(t.app, vantaa).get(`/cases/${caseId}`);
    const res = await request(t.app).get(`/api/cases/${caseId}/plan.pdf`).set('Authorization', `Bearer ${vantaa}`);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('not-found');
    expect(res.body.code).toBe(json.body.code);
    expect(res.body.title).toBe(json.body.title);
    // A case that does not exist, or an id that cannot be one, answers the same.
    expect((await request(t.app).get('/api/cases/000000000000000000000000/plan.pdf').set('Authorization', `Bearer ${vantaa}`)).body.code).toBe('not-found');
    expect((await request(t.app).get('/api/cases/nope/plan.pdf').set('Authorization', `Bearer ${vantaa}`)).status).toBe(404);
    expect(await auditModel(t.db).countDocuments({ action: 'export' })).toBe(exportsBefore);
  });

  it('without a session: 401 problem', async () => {
    const res = await request(t.app).get(`/api/cases/${caseId}/plan.pdf?lang=fi`);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('unauthenticated');
  });

  it('is listed in the OpenAPI document', async () => {
    const res = await worker.get('/openapi.json');
    expect(res.body.paths['/cases/{id}/plan.pdf'].get.responses['200'].content['application/pdf']).toBeDefined();
  });
});

describe('a stage an administrator added', () => {
  it('is named in the plan PDF by the name given in the version the case runs on, in the reader\'s language', async () => {
    // The municipality's administrator adds "Legal counselling" to her clone of the national template and publishes it.
    const admin = api(t.app, (await login(t.app, 'admin@helsinki.demo.test')).token);
    const clone = await admin.post('/workflows/clone', { source: 'template', id: 'finland-municipality' });
    expect(clone.status).toBe(201);
    const definition = clone.body.definition;
    definition.stages.legalCounselling = { type: 'atomic', on: { counsellingGiven: [{ target: 'nasReferral' }] } };
    definition.stages.intake.on.counsellingNeeded = [{ target: 'legalCounselling', ignoreRequiredForms: true }];
    definition.stageNames = { legalCounselling: { en: 'Legal counselling', fi: 'Oikeudellinen neuvonta' } };
    const saved = await admin.put(`/workflows/${clone.body.id}`, { definition, revision: clone.body.revision });
    expect(saved.status).toBe(200);
    expect((await admin.post(`/workflows/${clone.body.id}/publish`, { revision: saved.body.revision })).status).toBe(201);
    // A later draft names it differently: the PDF keeps to the published version the case is pinned to.
    definition.stageNames.legalCounselling.en = 'Draft name';
    expect((await admin.put(`/workflows/${clone.body.id}`, { definition, revision: saved.body.revision + 1 })).status).toBe(200);

    const created = await worker.post('/cases', { alias: 'Mila', workflowId: clone.body.id, plan: { ownGoals: 'Counselling first' } });
    expect(created.status).toBe(201);
    expect((await worker.post(`/cases/${created.body.id}/events`, { type: 'counsellingNeeded', data: {} })).status).toBe(200);
    const pdf = async (lang: string) => {
      const res = await binary(request(t.app).get(`/api/cases/${created.body.id}/plan.pdf?lang=${lang}`).set({ Authorization: `Bearer ${workerToken}` }));
      expect(res.status).toBe(200);
      return (await pdfText(res.body as Buffer)).text;
    };
    const finnish = await pdf('fi');
    expect(finnish).toContain('Oikeudellinen neuvonta');
    expect(finnish).not.toContain('legalCounselling');
    // A language the administrator gave no name in: the English one.
    const danish = await pdf('da');
    expect(danish).toContain('Legal counselling');
    expect(danish).not.toContain('Draft name');
  });
});
