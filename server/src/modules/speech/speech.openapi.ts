import { apiRoutes } from '../../core/openapi/api-route';
import { RightsSpeechParamsSchema, SpeechQuerySchema } from '../../contracts/speech/speech.schemas';
import { SPEECH_TEXT_MAX, SPEECH_VOICES } from '../../contracts/speech/speech-voices';

const voiceless = Object.entries(SPEECH_VOICES).filter(([, voice]) => voice === null).map(([language]) => language);

export const speechApi = apiRoutes('speech', [
  {
    method: 'get',
    path: '/api/speech/forms/:formId/revisions/:revision/components/:keyPath',
    summary:
      "A paragraph or question of a form revision the user may read, read aloud by espeak-ng (WAV, 22,050 Hz mono). The text is the form's own, " +
      'named by the component\'s key path (`sectionRights.rightSafety`), never sent: a paragraph is its HTML as text, a question its label, description and choices. ' +
      'In `lang` where the revision has that translation, otherwise in English (`Content-Language` says which). Made once per text, voice and engine version and kept in the database; ' +
      `\`ETag\` is that key (a matching \`If-None-Match\` is a 304). Texts over ${SPEECH_TEXT_MAX} characters are refused. Languages without a voice: ${voiceless.join(', ')}.`,
    params: { formId: "The form's id", revision: 'The revision number (the one the page shows)', keyPath: "The component's key path through its parents" },
    query: SpeechQuerySchema,
    responses: {
      200: { description: 'The spoken text', mediaType: 'audio/wav', binary: true },
      404: 'No such form, revision or readable component, or not visible to this user',
      422: 'No voice for the language (`speech-no-voice`), or the text is too long to read in one piece (`speech-text-too-long`)',
      503: 'espeak-ng is not installed (`speech-unavailable`), or too many texts are being read at once (`speech-busy`)',
    },
  },
  {
    method: 'get',
    path: '/api/speech/rights/:code/:section/:index',
    summary:
      "A paragraph of a jurisdiction's rights sheet (`GET /api/jurisdictions/:code/rights`) read aloud by espeak-ng (WAV), with the numbers of the user's organisation: " +
      "the person text of the paragraph in `lang`, in English where that language lacks it (`Content-Language` says which). Cached and tagged as form speech is.",
    params: { code: 'The jurisdiction (fi, dk ...)', section: `One of ${RightsSpeechParamsSchema.shape.section.options.join(', ')}`, index: "The paragraph's position in its section, from 0" },
    query: SpeechQuerySchema,
    responses: {
      200: { description: 'The spoken text', mediaType: 'audio/wav', binary: true },
      404: 'No rights sheet for the jurisdiction, or no such paragraph',
      422: 'No voice for the language (`speech-no-voice`)',
      503: 'espeak-ng is not installed (`speech-unavailable`), or too many texts are being read at once (`speech-busy`)',
    },
  },
  {
    method: 'get',
    path: '/api/speech/cases/:caseId/safety-plan/:fieldPath',
    summary:
      "A line the caseworker typed into the case's latest safety plan, read aloud by espeak-ng (WAV) in `lang` for the person view: an action " +
      '(`safetyActions.0.action`) or the safe times to contact the person (`safeContactTimes`). The line is named by its field path, never sent. ' +
      'The case and the submission are read through the permission layer as `GET /api/cases/:id` and `GET /api/submissions/:id` read them. ' +
      'Personal text, so the audio is kept nowhere: not in the speech cache, not in memory, and `Cache-Control: no-store`. ' +
      'A session handed over to the person view may ask it only of its own case.',
    params: { caseId: "The case's id", fieldPath: "The line's field path: `safetyActions.<row>.action` or `safeContactTimes`" },
    query: SpeechQuerySchema,
    responses: {
      200: { description: 'The spoken line', mediaType: 'audio/wav', binary: true },
      404: 'No such case, no safety plan, an empty line, or not readable by this user',
      422: 'No voice for the language (`speech-no-voice`), or the line is too long to read in one piece (`speech-text-too-long`)',
      503: 'espeak-ng is not installed (`speech-unavailable`), or too many texts are being read at once (`speech-busy`)',
    },
  },
]);
