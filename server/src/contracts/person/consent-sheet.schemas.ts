import { z } from 'zod';
import { PERSON_LANGUAGES } from './person-languages';

/*
 * The printed consent sheet (issue 18): `GET /api/cases/{id}/consent-sheet.pdf?lang=th` is the consent and
 * information form with the person's answers, in one of the person languages (by default the first of the case
 * profile's). The case page and the person view link to the same address.
 */
export const ConsentSheetQuerySchema = z.strictObject({
  lang: z.enum(PERSON_LANGUAGES as [string, ...string[]]).optional(),
});

/** The address of a case's consent sheet in `language`. */
export function consentSheetPath(caseId: string, language?: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/consent-sheet.pdf${language ? `?lang=${encodeURIComponent(language)}` : ''}`;
}
