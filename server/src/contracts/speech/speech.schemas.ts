import { z } from 'zod';
import { RIGHTS_SECTIONS } from '../person/rights-sheet.types';
import { SPEECH_LANGUAGES } from './speech-voices';

/*
 * The read-aloud API (issue 18): `GET /api/speech/forms/{formId}/revisions/{revision}/components/{keyPath}?lang=uk`
 * answers the spoken text of one paragraph or question of a form revision as `audio/wav`. Texts are named, never
 * sent: only what a form the reader may open says can be spoken.
 */
export const FormSpeechParamsSchema = z.strictObject({
  formId: z.string().regex(/^[0-9a-f]{24}$/, 'expected a form id'),
  revision: z.coerce.number().int().min(1).max(1_000_000),
  keyPath: z.string().min(1).max(400).regex(/^[A-Za-z0-9_.-]+$/, 'expected a component key path'),
});

export const SpeechQuerySchema = z.strictObject({
  lang: z.enum(SPEECH_LANGUAGES as [string, ...string[]]),
});

export type FormSpeechParams = z.infer<typeof FormSpeechParamsSchema>;

/** The address of one paragraph's or question's audio. */
export function formSpeechPath(formId: string, revision: number, keyPath: string, language: string): string {
  return `/api/speech/forms/${encodeURIComponent(formId)}/revisions/${revision}/components/${encodeURIComponent(keyPath)}?lang=${encodeURIComponent(language)}`;
}

/*
 * `GET /api/speech/rights/{jurisdiction}/{section}/{index}?lang=uk`: a paragraph of a jurisdiction's rights sheet read
 * aloud, with the numbers of the reader's organisation (as `GET /api/jurisdictions/:code/rights` shows it).
 */
export const RightsSpeechParamsSchema = z.strictObject({
  code: z.string().regex(/^[a-z]{2}$/, 'expected a jurisdiction code'),
  section: z.enum(RIGHTS_SECTIONS),
  index: z.coerce.number().int().min(0).max(100),
});

export type RightsSpeechParams = z.infer<typeof RightsSpeechParamsSchema>;

/** The address of one rights-sheet paragraph's audio. */
export function rightsSpeechPath(code: string, section: string, index: number, language: string): string {
  return `/api/speech/rights/${encodeURIComponent(code)}/${encodeURIComponent(section)}/${index}?lang=${encodeURIComponent(language)}`;
}

/*
 * `GET /api/speech/cases/{caseId}/safety-plan/{fieldPath}?lang=uk`: a line of the case's latest safety plan read
 * aloud. The caseworker typed these lines, so they are personal: named by the field's path, never sent (no text in
 * a URL, a log or a cache key anyone keeps), read through the permission layer, and never stored.
 */
export const SAFETY_PLAN_SPOKEN_FIELDS = /^(safetyActions\.\d{1,3}\.action|safeContactTimes)$/;

export const SafetyPlanSpeechParamsSchema = z.strictObject({
  caseId: z.string().regex(/^[0-9a-f]{24}$/, 'expected a case id'),
  fieldPath: z.string().regex(SAFETY_PLAN_SPOKEN_FIELDS, 'expected safetyActions.<row>.action or safeContactTimes'),
});

export type SafetyPlanSpeechParams = z.infer<typeof SafetyPlanSpeechParamsSchema>;

/** The address of one safety-plan line's audio. */
export function safetyPlanSpeechPath(caseId: string, fieldPath: string, language: string): string {
  return `/api/speech/cases/${encodeURIComponent(caseId)}/safety-plan/${encodeURIComponent(fieldPath)}?lang=${encodeURIComponent(language)}`;
}
