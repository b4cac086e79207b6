/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON, read field by field */
import request from 'supertest';
import { loadDemoData } from '../../server/src/modules/demo';
import { espeakNg, type SpeechSynthesizer } from '../../server/src/modules/speech';
import { speechAudioModel } from '../../server/src/modules/speech/speech-audio.model';
import { formSpeechPath, rightsSpeechPath } from '../../server/src/contracts/speech/speech.schemas';
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
  await loadDemoData(t.db, DEMO_PASSWORD);
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

describe('without espeak-ng', () => {
  it('answers 503 speech-unavailable and stores nothing', async () => {
    const missing = await createTestApp('speech-missing', { ESPEAK_NG_PATH: '/nonexistent/espeak-ng' });
    try {
      await loadDemoData(missing.db, DEMO_PASSWORD);
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
