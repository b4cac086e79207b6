import express, { type Request, type Router } from 'express';
import type { Connection } from 'mongoose';
import { notFound } from '../../core/errors/app-error';
import { parseInput } from '../../core/http/validate';
import { SafetyPlanSpeechParamsSchema, SpeechQuerySchema, type SafetyPlanSpeechParams } from '../../contracts/speech/speech.schemas';
import { voiceFor } from '../../contracts/speech/speech-voices';
import { requireAuth, serviceContext, type ServiceContext } from '../access';
import { latestPersonSubmissions, readableCase } from '../cases';
import { ANY_FORM, getSubmission } from '../submissions';
import type { SpeechSynthesizer } from './espeak-ng';
import { speechNoVoice } from './speech.errors';
import { speakPersonal } from './speech.service';

/** The value at `safetyActions.2.action` of a submission's data: a non-empty string, else nothing to read. */
function lineAt(data: Record<string, unknown>, fieldPath: string): string | undefined {
  const value = fieldPath.split('.').reduce<unknown>((node, part) => {
    if (Array.isArray(node)) return /^\d+$/.test(part) ? node[Number(part)] : undefined;
    return typeof node === 'object' && node !== null && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
  }, data);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * A line of the case's latest safety plan, read aloud. The case is found as `GET /cases/:id` finds it and the
 * submission is read as `GET /submissions/:id` reads it (its field-level rules and its audit of sensitive fields),
 * so whoever may not read the line hears the same 404 as for a line that does not exist.
 */
async function speakSafetyPlanLine(ctx: ServiceContext, synthesizer: SpeechSynthesizer, params: SafetyPlanSpeechParams, language: string) {
  if (!voiceFor(language)) throw speechNoVoice(language);
  const record = await readableCase(ctx, params.caseId);
  const submissionId = latestPersonSubmissions(ctx, record)['safety-plan'];
  if (!submissionId) throw notFound();
  const submission = await getSubmission(ctx, ANY_FORM, submissionId);
  const line = lineAt(submission.data, params.fieldPath);
  if (line === undefined) throw notFound();
  return speakPersonal(synthesizer, line, language);
}

/**
 * `GET /api/speech/cases/:caseId/safety-plan/:fieldPath?lang=`: what the caseworker typed into the safety plan (an
 * action, the safe times to call), read aloud by espeak-ng in the person's language. Personal text: the answer is
 * never cached, on the server or by the browser.
 */
export function safetyPlanSpeechRoutes(db: Connection, synthesizer: SpeechSynthesizer): Router {
  const router = express.Router();
  router.get('/speech/cases/:caseId/safety-plan/:fieldPath', requireAuth, async (req: Request, res) => {
    const params = parseInput(SafetyPlanSpeechParamsSchema, req.params);
    const { lang } = parseInput(SpeechQuerySchema, req.query);
    const spoken = await speakSafetyPlanLine(serviceContext(db, req), synthesizer, params, lang);
    res.set({ 'Cache-Control': 'no-store', 'Content-Language': lang });
    res.type(spoken.contentType).send(spoken.audio);
  });
  return router;
}
