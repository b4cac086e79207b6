/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { formsDir } from '../../server/src/config/paths';
import { auditModel } from '../../server/src/modules/audit/testing';
import { createCaseApp, login, type CaseApp } from '../helpers/case-app';
import { DEMO_PASSWORD } from '../helpers/demo-app';
import { pdfText } from '../helpers/pdf-text';

/*
 * GET /api/cases/:id/consent-sheet.pdf (issue 18): the consent and information form printed in the person's language
 * with their answers and their consent per recipient, read back with pdfjs-dist. Thai, Chinese and Arabic need their
 * own fonts; a character without one would come back as U+FFFD.
 */
const consentAnswers = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'form-submissions', 'consent-information.json'), 'utf8')) as Record<string, any>;
const formText = (language: string, english: string): string => {
  const file = JSON.parse(fs.readFileSync(path.join(formsDir, 'translations', language, 'consent-information.json'), 'utf8')) as Record<string, string>;
  if (!file[english]) throw new Error(`no ${language} text for ${english}`);
  return file[english];
};
// A name typed in Chinese characters: the sheet prints what was answered, in any script.
const CHINESE_NAME = '华人互助协会';

let t: CaseApp;
let token: string;
let caseId: string;
beforeAll(async () => {
  t = await createCaseApp('consent_sheet');
  token = (await login(t.app, 'worker@helsinki.demo.test')).token;
  const created = await request(t.app)
    .post('/api/cases')
    .set({ Authorization: `Bearer ${token}` })
    .send({ alias: 'Malee', workflowId: 'finland-municipality', identity: { languages: ['th'], personLanguages: ['th', 'zh'] } });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  const forms = await request(t.app).get('/api/forms?limit=100').set({ Authorization: `Bearer ${token}` });
  const formId = forms.body.items.find((form: { path: string }) => form.path === 'consent-information').id;
  const answers = structuredClone(consentAnswers);
  answers.consents[1].recipientName = CHINESE_NAME;
  const submitted = await request(t.app).post(`/api/forms/${formId}/submissions`).set({ Authorization: `Bearer ${token}` }).send({ data: answers, caseId });
  expect([submitted.status, submitted.body.details]).toEqual([201, undefined]);
});
afterAll(() => t.close());

function binary(req: request.Test) {
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}
const sheet = (query = '', bearer = token) => binary(request(t.app).get(`/api/cases/${caseId}/consent-sheet.pdf${query}`).set({ Authorization: `Bearer ${bearer}` }));
const noSpaces = (text: string) => text.replace(/\s+/g, '');

describe('the printed consent sheet', () => {
  it("is in the case profile's first person language, Thai, with the answers and each recipient's consent", async () => {
    const response = await sheet();
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="consent-.+-th\.pdf"$/);
    // Kept for a person to look at (pdftoppm test-results/consent-sheet-th.pdf).
    fs.mkdirSync('test-results', { recursive: true });
    fs.writeFileSync(path.join('test-results', 'consent-sheet-th.pdf'), response.body as Buffer);
    const pdf = await pdfText(response.body as Buffer);
    expect(pdf.info.Language).toBe('th');
    expect(pdf.text).not.toContain('\uFFFD');
    for (const english of ['Consent and information', 'Who may get your information', 'A support organisation (NGO)', 'Yes, I agree']) {
      expect(noSpaces(pdf.text)).toContain(noSpaces(formText('th', english)));
    }
    expect(pdf.text).toMatch(/[\u0E01-\u0E5B]{20}/);
    expect(pdf.text).toContain(CHINESE_NAME);
    // Dates as Thai writes them (the Buddhist era).
    expect(pdf.text).toContain('2568');
  });

  it('is printed in Arabic right to left, and in Chinese', async () => {
    const arabicPdf = (await sheet('?lang=ar')).body as Buffer;
    fs.writeFileSync(path.join('test-results', 'consent-sheet-ar.pdf'), arabicPdf);
    const arabic = await pdfText(arabicPdf);
    expect(arabic.info.Language).toBe('ar');
    expect(arabic.text).not.toContain('\uFFFD');
    expect(arabic.text).toMatch(/[\u0621-\u064A]{3,}/);
    expect(arabic.text).toContain('والمعلومات');

    const chinese = await pdfText((await sheet('?lang=zh')).body as Buffer);
    expect(chinese.info.Language).toBe('zh');
    expect(chinese.text).not.toContain('\uFFFD');
    expect(chinese.text).toContain(CHINESE_NAME);
  });

  it('refuses a language that is not a person language, and a reader who may not read the case', async () => {
    const refused = await sheet('?lang=tlh');
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    const stranger = (await login(t.app, 'worker@vantaa.demo.test')).token;
    expect((await sheet('', stranger)).status).toBe(404);
  });

  it('is open to the person view of its own case, and audited as an export', async () => {
    expect((await request(t.app).post(`/api/cases/${caseId}/person-view`).set({ Authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await sheet('?lang=uk')).status).toBe(200);
    expect((await request(t.app).post('/api/auth/person-view/end').set({ Authorization: `Bearer ${token}` }).send({ password: DEMO_PASSWORD })).status).toBe(204);
    expect(await auditModel(t.db).countDocuments({ action: 'export', subjectType: 'Case', subjectId: caseId })).toBeGreaterThanOrEqual(4);
  });
});
