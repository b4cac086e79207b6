import express, { type Request, type Router } from 'express';
import type { Connection } from 'mongoose';
import { parseInput } from '../../core/http/validate';
import { requireAuth, serviceContext } from '../access';
import { FormSpeechParamsSchema, SpeechQuerySchema } from '../../contracts/speech/speech.schemas';
import type { SpeechSynthesizer } from './espeak-ng';
import { speakFormComponent } from './speech.service';

/**
 * `GET /api/speech/forms/:formId/revisions/:revision/components/:keyPath?lang=`: a paragraph or question of a form
 * read aloud (audio/wav). The audio of a key never changes, so it carries its key as entity tag and may be kept by
 * the browser (privately: it is behind a session).
 */
export function speechRoutes(db: Connection, synthesizer: SpeechSynthesizer): Router {
  const router = express.Router();
  router.get('/speech/forms/:formId/revisions/:revision/components/:keyPath', requireAuth, async (req: Request, res) => {
    const params = parseInput(FormSpeechParamsSchema, req.params);
    const { lang } = parseInput(SpeechQuerySchema, req.query);
    const spoken = await speakFormComponent(serviceContext(db, req), synthesizer, params, lang);
    // With the entity tag set, Express answers a matching If-None-Match with 304 and no body.
    res.set({ ETag: `"${spoken.key}"`, 'Cache-Control': 'private, max-age=86400', 'Content-Language': spoken.language, Vary: 'Cookie, Authorization' });
    res.type(spoken.contentType).send(spoken.audio);
  });
  return router;
}
