/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON, read field by field */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { loadTemplateLibrary } from '../../server/src/modules/workflows';
import { loadDemoDataSnapshot } from '../helpers/demo-snapshot';
import { espeakNg, type SpeechSynthesizer } from '../../server/src/modules/speech';
import { speechAudioModel } from '../../server/src/modules/speech/testing';
import { formSpeechPath, rightsSpeechPath, safetyPlanSpeechPath } from '../../server/src/contracts/speech/speech.schemas';
import { SPEECH_TEXT_MAX } from '../../server/src/contracts/speech/speech-voices';
import { DEMO_PASSWORD, signIn } from '../helpers/demo-app';
import { auth, createForm } from '../helpers/forms-kit';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { measureWav } from '../helpers/wav-audio';

/*
 * Read aloud (issue 18): paragraphs and questions of a form, spoken by the real espeak-ng (installed by
 * `npm test` through scripts/ensure-espeak-ng.mjs) and measured: they last longer for a longer text, and they are
 * speech, not silence. A counting wrapper around the real engine shows what the cache spares.
 */

let t: TestApp;
let worker: string;
let designer: string;
let consentId: string;
let consentRevision: number;
const made: string[] = [];

function counting(engine: SpeechSynthesizer): SpeechSynthesizer {
  return {
    identity: () => engine.identity(),
    synthesize: (text, voice) => {
      made.push(`${voice}:${text}`);
      return engine.synthesize(text, voice);
    },
  };
}

const audio = (token: string, path: string) =>
  request(t.app)
    .get(path)
    .set(auth(token))
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

beforeAll(async () => {
  t = await createTestApp('speech', {}, { speech: counting(espeakNg({ executable: process.env.ESPEAK_NG_PATH || '/usr/bin/espeak-ng' })) });
  await loadDemoDataSnapshot(t.db, DEMO_PASSWORD);
  worker = (await signIn(t, 'worker@helsinki.demo.test')).token;
  designer = (await signIn(t, 'designer@helsinki.demo.test')).token;
  const forms = await request(t.app).get('/api/forms?limit=100').set(auth(worker));
  const consent = forms.body.items.find((form: any) => form.path === 'consent-information');
  consentId = consent.id;
  consentRevision = consent.publishedRevision;
}, 120_000);

afterAll(() => t.close());

describe('GET /api/speech/forms/:formId/revisions/:revision/components/:keyPath', () => {
  it('reads a paragraph of the consent form in Ukrainian: a WAV whose length grows with the text, and not silence', async () => {
    const short = await audio(worker, formSpeechPath(consentId, consentRevision, 'sectionRights.rightSafety', 'uk'));
    expect(short.status).toBe(200);
    expect(short.headers['content-type']).toBe('audio/wav');
    expect(short.headers['content-language']).toBe('uk');
    const long = await audio(worker, formSpeechPath(consentId, consentRevision, 'sectionRights.rightChild', 'uk'));
    expect(long.status).toBe(200);

    const shortWav = measureWav(short.body as Buffer);
    const longWav = measureWav(long.body as Buffer);
    expect(shortWav).toMatchObject({ sampleRate: 22050, channels: 1, bitsPerSample: 16 });
    // "Ви маєте право бути в безпеці." against two sentences about children: several times the text, several times the sound.
    expect(shortWav.duration).toBeGreaterThan(1);
    expect(longWav.duration).toBeGreaterThan(shortWav.duration * 2.5);
    for (const wav of [shortWav, longWav]) {
      expect(wav.rms).toBeGreaterThan(0.03);
      expect(wav.voicedShare).toBeGreaterThan(0.5);
    }
    expect(made.filter((entry) => entry.startsWith('uk:'))).toHaveLength(2);
  });

  it('reads the same text once: later requests are answered from the stored audio, by entity tag too', async () => {
    const path = formSpeechPath(consentId, consentRevision, 'sectionPrivacy.privacyPrivate', 'ru');
    const first = await audio(worker, path);
    const countAfterFirst = made.length;
    const second = await audio(designer, path);
    expect(second.status).toBe(200);
    expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).toBe(0);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(made).toHaveLength(countAfterFirst);
    const notModified = await request(t.app).get(path).set(auth(worker)).set('If-None-Match', first.headers.etag!);
    expect(notModified.status).toBe(304);
    const key = (first.headers.etag as string).replaceAll('"', '');
    expect(await speechAudioModel(t.db).countDocuments({ _id: key })).toBe(1);
  });

  it('reads a question with its choices, in the voice of the language', async () => {
    const english = await audio(worker, formSpeechPath(consentId, consentRevision, 'sectionUnderstanding.rightsUnderstood', 'en'));
    const thai = await audio(worker, formSpeechPath(consentId, consentRevision, 'sectionUnderstanding.rightsUnderstood', 'th'));
    expect([english.status, thai.status]).toEqual([200, 200]);
    expect(thai.headers['content-language']).toBe('th');
    expect(measureWav(thai.body as Buffer).voicedShare).toBeGreaterThan(0.5);
    expect(made.some((entry) => entry.startsWith('en:Did the person understand?\n'))).toBe(true);
  });

  it("reads a text the form has not translated in English, and says so", async () => {
    const form = await createForm(t, designer, {
      title: 'Read aloud check', name: 'readAloudCheck', path: 'read-aloud-check', type: 'form', display: 'form',
      components: [
        { type: 'content', key: 'hello', label: 'hello', input: false, html: '<p>Only in English &amp; nothing else.</p>' },
        { type: 'content', key: 'tooLong', label: 'tooLong', input: false, html: `<p>${'Word '.repeat(SPEECH_TEXT_MAX / 5 + 10)}</p>` },
        { type: 'panel', key: 'panel', title: 'Panel', input: false, components: [] },
        { type: 'content', key: 'forStaff', label: 'forStaff', input: false, html: '<p>For the worker.</p>', properties: { audience: 'staff' } },
        { type: 'button', key: 'submit', label: 'Save', input: true, action: 'submit' },
      ],
    });
    const english = await audio(worker, formSpeechPath(form.id, form.revision.number, 'hello', 'uk'));
    expect(english.status).toBe(200);
    expect(english.headers['content-language']).toBe('en');
    expect(made.at(-1)).toBe('en:Only in English & nothing else.');

    const tooLong = await request(t.app).get(formSpeechPath(form.id, form.revision.number, 'tooLong', 'en')).set(auth(worker)).set('Accept-Language', 'fi');
    expect(tooLong.status).toBe(422);
    expect(tooLong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(tooLong.body).toMatchObject({ code: 'speech-text-too-long', limit: SPEECH_TEXT_MAX, title: 'Teksti on liian pitkä luettavaksi ääneen' });

    // Layout, buttons and notes for staff only are not read: the same 404 as a key that does not exist.
    for (const key of ['panel', 'submit', 'forStaff', 'nothing']) {
      const response = await request(t.app).get(formSpeechPath(form.id, form.revision.number, key, 'en')).set(auth(worker));
      expect([key, response.status, response.body.code]).toEqual([key, 404, 'not-found']);
    }
  });

  it('refuses bad input with a translated problem and stores nothing', async () => {
    const before = await speechAudioModel(t.db).countDocuments();
    const madeBefore = made.length;
    const unsigned = await request(t.app).get(formSpeechPath(consentId, consentRevision, 'sectionRights.rightSafety', 'uk'));
    expect(unsigned.status).toBe(401);

    const unknownLanguage = await request(t.app).get(formSpeechPath(consentId, consentRevision, 'sectionRights.rightSafety', 'xx')).set(auth(worker));
    expect(unknownLanguage.status).toBe(400);
    expect(unknownLanguage.body).toMatchObject({ code: 'validation-failed' });
    expect(unknownLanguage.body.errors.map((error: any) => error.path)).toEqual(['lang']);

    const noLanguage = await request(t.app).get(formSpeechPath(consentId, consentRevision, 'sectionRights.rightSafety', 'uk').replace(/\?.*$/, '')).set(auth(worker));
    expect(noLanguage.status).toBe(400);

    for (const language of ['ps', 'ckb', 'yo', 'ig', 'pcm', 'fil']) {
      const response = await request(t.app).get(formSpeechPath(consentId, consentRevision, 'sectionRights.rightSafety', language)).set(auth(worker)).set('Accept-Language', 'sv');
      expect([language, response.status, response.body.code, response.body.language]).toEqual([language, 422, 'speech-no-voice', language]);
      expect(response.body.title).toBe('Ingen röst för det här språket');
    }

    const malformed = await request(t.app).get(`/api/speech/forms/not-an-id/revisions/0/components/${encodeURIComponent('a b')}?lang=en`).set(auth(worker));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((error: any) => error.path).sort()).toEqual(['formId', 'keyPath', 'revision']);

    const extra = await request(t.app).get(`${formSpeechPath(consentId, consentRevision, 'sectionRights.rightSafety', 'en')}&text=anything`).set(auth(worker));
    expect(extra.status).toBe(400);

    const noRevision = await request(t.app).get(formSpeechPath(consentId, 999, 'sectionRights.rightSafety', 'en')).set(auth(worker));
    expect(noRevision.status).toBe(404);

    expect(await speechAudioModel(t.db).countDocuments()).toBe(before);
    expect(made).toHaveLength(madeBefore);
  });

  it("does not read another organisation's forms", async () => {
    const vantaa = (await signIn(t, 'worker@vantaa.demo.test')).token;
    const response = await request(t.app).get(formSpeechPath(consentId, consentRevision, 'sectionRights.rightSafety', 'en')).set(auth(vantaa));
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('not-found');
  });

  it('is documented in the OpenAPI document', async () => {
    const document = await request(t.app).get('/api/openapi.json').set(auth(worker));
    const operation = document.body.paths['/speech/forms/{formId}/revisions/{revision}/components/{keyPath}'].get;
    expect(Object.keys(operation.responses['200'].content)).toEqual(['audio/wav']);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '422', '503']));
  });
});

describe('GET /api/speech/rights/:code/:section/:index', () => {
  it("reads a paragraph of Finland's rights sheet in Ukrainian, with the jurisdiction's number, and refuses an unknown one", async () => {
    const spoken = await audio(worker, rightsSpeechPath('fi', 'reflectionPeriod', 0, 'uk'));
    expect(spoken.status).toBe(200);
    expect(spoken.headers['content-type']).toBe('audio/wav');
    expect(spoken.headers['content-language']).toBe('uk');
    const wav = measureWav(spoken.body as Buffer);
    expect(wav.duration).toBeGreaterThan(1.5);
    expect(wav.rms).toBeGreaterThan(0.03);
    // The number of days is the jurisdiction's parameter, filled in before speaking.
    expect(made.filter((entry) => entry.startsWith('uk:') && /\d/.test(entry) && !entry.includes('{{'))).not.toHaveLength(0);
    expect((await audio(worker, rightsSpeechPath('fi', 'reflectionPeriod', 40, 'uk'))).status).toBe(404);
    expect((await audio(worker, rightsSpeechPath('zz', 'police', 0, 'uk'))).status).toBe(404);
    const bad = await request(t.app).get('/api/speech/rights/fi/nothing/0?lang=uk').set(auth(worker));
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect((await request(t.app).get(rightsSpeechPath('fi', 'police', 0, 'uk'))).status).toBe(401);
  });
});

describe('GET /api/speech/cases/:caseId/safety-plan/:fieldPath', () => {
  const safetyPlan = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'form-submissions', 'safety-plan.json'), 'utf8')) as Record<string, any>;
  let caseId: string;
  let emptyCaseId: string;

  async function openCase(alias: string): Promise<string> {
    const created = await request(t.app).post('/api/cases').set(auth(worker)).send({ alias, workflowId: 'finland-municipality' });
    expect({ status: created.status, problem: created.status === 201 ? undefined : created.body }).toEqual({ status: 201 });
    return created.body.id;
  }

  beforeAll(async () => {
    await loadTemplateLibrary(t.db);
    caseId = await openCase('Spoken plan');
    emptyCaseId = await openCase('No plan yet');
    const forms = await request(t.app).get('/api/forms?limit=100').set(auth(worker));
    const form = forms.body.items.find((candidate: any) => candidate.path === 'safety-plan');
    // Due dates from the day the case opened (today, on this app's real clock).
    const today = `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`;
    const data = { ...safetyPlan, reviewDate: today, safetyActions: safetyPlan.safetyActions.map((row: any) => ({ ...row, dueDate: today })) };
    const submitted = await request(t.app).post(`/api/forms/${form.id}/submissions`).set(auth(worker)).send({ data, caseId });
    expect([submitted.status, submitted.body.details]).toEqual([201, undefined]);
  }, 60_000);

  it('reads what the caseworker typed, in the voice asked for, and keeps it nowhere', async () => {
    const stored = await speechAudioModel(t.db).countDocuments();
    const action = await audio(worker, safetyPlanSpeechPath(caseId, 'safetyActions.0.action', 'uk'));
    expect(action.status).toBe(200);
    expect(action.headers['content-type']).toBe('audio/wav');
    expect(action.headers['content-language']).toBe('uk');
    expect(action.headers['cache-control']).toBe('no-store');
    expect(made.at(-1)).toBe(`uk:${safetyPlan.safetyActions[0].action}`);
    const wav = measureWav(action.body as Buffer);
    expect(wav.duration).toBeGreaterThan(1);
    expect(wav.rms).toBeGreaterThan(0.03);
    expect(wav.voicedShare).toBeGreaterThan(0.5);

    const times = await audio(worker, safetyPlanSpeechPath(caseId, 'safeContactTimes', 'en'));
    expect(times.status).toBe(200);
    expect(made.at(-1)).toBe(`en:${safetyPlan.safeContactTimes.trim()}`);
    // Asked again, it is made again: neither the database nor the process keeps personal audio.
    const madeBefore = made.length;
    expect((await audio(worker, safetyPlanSpeechPath(caseId, 'safeContactTimes', 'en'))).status).toBe(200);
    expect(made).toHaveLength(madeBefore + 1);
    expect(await speechAudioModel(t.db).countDocuments()).toBe(stored);
  });

  it('answers a missing line, a plan that does not exist and a case of another organisation with the same 404', async () => {
    const madeBefore = made.length;
    const vantaa = (await signIn(t, 'worker@vantaa.demo.test')).token;
    for (const [token, url] of [
      [worker, safetyPlanSpeechPath(caseId, `safetyActions.${safetyPlan.safetyActions.length + 5}.action`, 'en')],
      [worker, safetyPlanSpeechPath(emptyCaseId, 'safeContactTimes', 'en')],
      [worker, safetyPlanSpeechPath('0123456789abcdef01234567', 'safeContactTimes', 'en')],
      [vantaa, safetyPlanSpeechPath(caseId, 'safetyActions.0.action', 'en')],
    ] as const) {
      const response = await request(t.app).get(url).set(auth(token));
      expect([url, response.status, response.body.code]).toEqual([url, 404, 'not-found']);
    }
    // Only the lines the person view reads aloud may be asked for; never a text, nor a staff note of the plan.
    for (const bad of [`${safetyPlanSpeechPath(caseId, 'safeContactTimes', 'en')}&text=anything`, safetyPlanSpeechPath(caseId, 'overrideReason', 'en'), safetyPlanSpeechPath('x', 'safeContactTimes', 'en')]) {
      const response = await request(t.app).get(bad).set(auth(worker)).set('Accept-Language', 'fi');
      expect([bad, response.status, response.headers['content-type']]).toEqual([bad, 400, expect.stringMatching(/^application\/problem\+json/)]);
    }
    const voiceless = await request(t.app).get(safetyPlanSpeechPath(caseId, 'safeContactTimes', 'ps')).set(auth(worker));
    expect([voiceless.status, voiceless.body.code]).toEqual([422, 'speech-no-voice']);
    expect((await request(t.app).get(safetyPlanSpeechPath(caseId, 'safeContactTimes', 'en'))).status).toBe(401);
    expect(made).toHaveLength(madeBefore);
  });

  it('is open to a session handed over to the person view for its own case only', async () => {
    const tablet = (await signIn(t, 'worker@helsinki.demo.test')).token;
    expect((await request(t.app).post(`/api/cases/${caseId}/person-view`).set(auth(tablet))).status).toBe(200);
    try {
      expect((await audio(tablet, safetyPlanSpeechPath(caseId, 'safetyActions.0.action', 'fi'))).status).toBe(200);
      const other = await request(t.app).get(safetyPlanSpeechPath(emptyCaseId, 'safeContactTimes', 'en')).set(auth(tablet));
      expect([other.status, other.body.code]).toEqual([403, 'person-view-active']);
    } finally {
      expect((await request(t.app).post('/api/auth/person-view/end').set(auth(tablet)).send({ password: DEMO_PASSWORD })).status).toBe(204);
    }
  });

  it('is documented in the OpenAPI document', async () => {
    const document = await request(t.app).get('/api/openapi.json').set(auth(worker));
    const operation = document.body.paths['/speech/cases/{caseId}/safety-plan/{fieldPath}'].get;
    expect(Object.keys(operation.responses['200'].content)).toEqual(['audio/wav']);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '422', '503']));
  });
});

describe('without espeak-ng', () => {
  it('answers 503 speech-unavailable and stores nothing', async () => {
    const missing = await createTestApp('speech-missing', { ESPEAK_NG_PATH: '/nonexistent/espeak-ng' });
    try {
      await loadDemoDataSnapshot(missing.db, DEMO_PASSWORD);
      const token = (await signIn(missing, 'worker@helsinki.demo.test')).token;
      const forms = await request(missing.app).get('/api/forms?limit=100').set(auth(token));
      const consent = forms.body.items.find((form: any) => form.path === 'consent-information');
      const response = await request(missing.app).get(formSpeechPath(consent.id, consent.publishedRevision, 'sectionRights.rightSafety', 'uk')).set(auth(token));
      expect(response.status).toBe(503);
      expect(response.body.code).toBe('speech-unavailable');
      expect(await speechAudioModel(missing.db).countDocuments()).toBe(0);
    } finally {
      await missing.close();
    }
  }, 120_000);
});
