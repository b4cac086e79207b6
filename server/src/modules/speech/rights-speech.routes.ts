import express, { type Request, type Router } from 'express';
import type { Connection } from 'mongoose';
import { workflowsDir } from '../../config/paths';
import { notFound } from '../../core/errors/app-error';
import { parseInput } from '../../core/http/validate';
import { RightsSpeechParamsSchema, SpeechQuerySchema } from '../../contracts/speech/speech.schemas';
import { voiceFor } from '../../contracts/speech/speech-voices';
import { requireAuth } from '../access';
import { readRightsFile, resolveRightsSheet, type WorkflowCatalog } from '../workflows';
import type { SpeechSynthesizer } from './espeak-ng';
import { personText } from './person-texts';
import { speechNoVoice } from './speech.errors';
import { speak } from './speech.service';

/**
 * `GET /api/speech/rights/:code/:section/:index?lang=`: a paragraph of the rights sheet read aloud (audio/wav) in the
 * person's language, its numbers those of the reader's organisation. Like form speech, the text is named, never sent.
 */
export function rightsSpeechRoutes(db: Connection, catalog: Pick<WorkflowCatalog, 'hasJurisdiction' | 'parameters'>, synthesizer: SpeechSynthesizer): Router {
  const router = express.Router();
  router.get('/speech/rights/:code/:section/:index', requireAuth, async (req: Request, res) => {
    const { code, section, index } = parseInput(RightsSpeechParamsSchema, req.params);
    const { lang } = parseInput(SpeechQuerySchema, req.query);
    if (!voiceFor(lang)) throw speechNoVoice(lang);
    const file = catalog.hasJurisdiction(code) ? readRightsFile(workflowsDir, code) : null;
    if (!file) throw notFound();
    const sheet = resolveRightsSheet(file, await catalog.parameters(req.ctx.auth!.org._id, code));
    const paragraph = sheet.sections.find((candidate) => candidate.id === section)?.paragraphs[index];
    const text = paragraph ? personText(lang, paragraph.text, paragraph.values) : undefined;
    if (!text) throw notFound();
    const spoken = await speak(db, synthesizer, text.text, text.language);
    res.set({ ETag: `"${spoken.key}"`, 'Cache-Control': 'private, max-age=86400', 'Content-Language': text.language, Vary: 'Cookie, Authorization' });
    res.type(spoken.contentType).send(spoken.audio);
  });
  return router;
}
