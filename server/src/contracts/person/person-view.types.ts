import { z } from 'zod';

/** `GET|POST /api/cases/:id/person-view`: what the person view needs of a case, and nothing else of it. */
export const PersonViewCaseSchema = z.object({
  caseId: z.string(),
  /** The person's languages, preferred first; empty when the profile names none (or this reader may not see it). */
  personLanguages: z.array(z.string()),
  /** The jurisdiction whose rights sheet applies (the case's workflow's). */
  jurisdiction: z.string(),
  /** The latest submission of each person-facing form of the case this reader may see, by form path. */
  latestSubmissions: z.record(z.string(), z.string()),
});
export type PersonViewCase = z.infer<typeof PersonViewCaseSchema>;

/** The forms the person view shows: the consent and information form, and the person-facing parts of the safety plan. */
export const PERSON_VIEW_FORMS = ['consent-information', 'safety-plan'] as const;
