import { z } from 'zod';
import { REOPEN_REASONS } from './case-reasons';
import { ROAD_MAP_STOPS } from './road-map';
import { PERSON_LANGUAGES } from '../person/person-languages';
import { ReferralDetailsSchema, SHAREABLE_GROUPS } from '../referrals/referral.schemas';

/*
 * Inputs of the cases API, shared with the client (it sends them; the server parses them). Objects are strict: a key the schema does not know is refused, which also keeps `$` and
 * `.` keys out of the database. Display text is free text; everything a workflow or a filter reads is an enum.
 */
const isoDate = z.iso.date();
const identifier = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/).max(60);
const text = (max = 2000) => z.string().trim().max(max);
const objectId = z.string().regex(/^[0-9a-f]{24}$/);

export const IdentitySchema = z.strictObject({
  birthDate: isoDate.optional(),
  estimatedAge: z.number().int().min(0).max(120).optional(),
  ageUncertain: z.boolean().default(false),
  nationality: z.string().regex(/^[A-Z]{2}$/).optional(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/)).max(20).default([]),
  /** The languages person-facing texts are shown, printed and read aloud in, preferred first (not the staff UI language). */
  personLanguages: z.array(z.enum(PERSON_LANGUAGES as [string, ...string[]])).max(5).refine((list) => new Set(list).size === list.length, { message: 'duplicate' }).optional(),
  literacy: z.enum(['literate', 'limited', 'none', 'unknown']).optional(),
  contact: z.strictObject({ phone: text(40).optional(), email: text(200).optional(), address: text(500).optional() }).optional(),
});

/**
 * The staff member who is the person's contact (Denmark: a CMM contact person per victim), with how to reach them.
 * Stored in the workflow group (`workflow.fields.contactPerson`), where guards read it as `case.fields.contactPerson`.
 */
export const ContactPersonSchema = z.strictObject({
  name: text(200).min(1),
  organisation: text(200).optional(),
  phone: text(40).optional(),
  email: text(200).optional(),
});

export const ConsentSchema = z
  .strictObject({
    given: z.boolean(),
    givenOn: isoDate.nullish(),
    withdrawn: z.boolean().default(false),
    withdrawnOn: isoDate.nullish(),
    /**
     * The field groups the person agreed to share with this recipient; a referral shares some or all of them.
     * Absent on a consent recorded without that detail: it then covers every shareable group.
     */
    groups: z.array(z.enum(SHAREABLE_GROUPS)).max(SHAREABLE_GROUPS.length).optional(),
  })
  // A withdrawn consent is stored as not given: access rules match on `consents.<recipient>.given` alone.
  .transform((c) => (c.withdrawn ? { ...c, given: false } : c));

const StopSchema = z.enum(ROAD_MAP_STOPS);
export const GoalSchema = z.strictObject({
  id: identifier,
  stop: StopSchema,
  description: text(),
  provider: text(200).optional(),
  owner: text(200).optional(),
  startDate: isoDate.optional(),
  dueDate: isoDate.optional(),
  status: z.enum(['planned', 'inProgress', 'done', 'cancelled']).default('planned'),
});

export const PlanSchema = z.strictObject({
  ownGoals: text().optional(),
  goals: z.array(GoalSchema).max(200).default([]),
  reviewDates: z.array(isoDate).max(100).default([]),
  nextReviewDate: isoDate.optional(),
  /** The country the person returns to (ISO 3166 code), as the return form records it. */
  returnCountry: z.string().regex(/^[A-Z]{2}$/).optional(),
  obstacles: z
    .array(z.enum(['threats', 'emotionalStress', 'unwillingToReport', 'traumaMentalHealth', 'illiteracyLanguage', 'selfStigma']))
    .default([]),
  riskFlags: z.array(z.strictObject({ flag: identifier, level: z.enum(['low', 'medium', 'high']), note: text(500).optional() })).default([]),
});

export const CaseWritableSchema = z.strictObject({
  alias: text(100).min(1).optional(),
  identity: IdentitySchema.optional(),
  safeAccommodation: z.strictObject({ kind: z.enum(['shelter', 'crisisCentre', 'hostel', 'asylumCentre', 'institution', 'private', 'other']), location: text(500).optional(), since: isoDate.optional() }).nullish(),
  narrative: z.strictObject({ text: text(20_000).optional(), exploitationForms: z.array(identifier).default([]), health: text(5000).optional() }).nullish(),
  narrativeSummary: text(1000).nullish(),
  criminalProceedings: z.strictObject({ status: z.enum(['none', 'reported', 'investigation', 'trial', 'closed']), authority: text(200).optional(), notes: text(5000).optional() }).nullish(),
  proceedingsSummary: text(1000).nullish(),
  integration: z.strictObject({
    legalStatus: z.enum(['none', 'unknown', 'pending', 'temporary-permit', 'permanent-permit', 'citizen']).optional(),
    legalStatusExpiry: isoDate.optional(),
    languageLevel: z.enum(['preA1', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2']).optional(),
    education: text(1000).optional(),
    work: text(1000).optional(),
  }).optional(),
  plan: PlanSchema.optional(),
  consents: z.record(identifier, ConsentSchema).optional(),
  assignees: z.array(objectId).max(20).optional(),
  /** The person's contact person; null removes it. Stored in the workflow group, like `dates`. */
  contactPerson: ContactPersonSchema.nullish(),
  /** Dates workflows anchor deadlines on (`reflectionDecision`); stored in the workflow group. */
  dates: z.record(identifier, isoDate).optional(),
});

export const CreateCaseSchema = CaseWritableSchema.extend({
  alias: text(100).min(1),
  /** A published organisation workflow (its id) or a platform template (its key). */
  workflowId: z.string().min(1).max(60),
  /** The jurisdiction the case runs under where its workflow offers several (a country of return). */
  jurisdiction: z.string().regex(/^[a-z]{2}$/).optional(),
});

export const UpdateCaseSchema = CaseWritableSchema.extend({ version: z.number().int().min(0) });

export const CaseEventSchema = z.strictObject({
  type: z.string().regex(/^[a-z][A-Za-z0-9.]*$/).max(60),
  data: z.record(identifier, z.union([z.string().max(200), z.number(), z.boolean(), z.null()])).default({}),
  /** For an event whose transition refers the case (the workflow's `refer` action): what the referral shares and says. */
  referral: ReferralDetailsSchema.optional(),
});

export const CaseListQuerySchema = z.strictObject({
  stage: z.string().regex(/^[A-Za-z0-9_/-]+$/).max(200).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  assignedToMe: z.enum(['true', 'false']).optional(),
  unassigned: z.enum(['true', 'false']).optional(),
  /** Part of the reference or of the alias (the alias only where the user may read it). */
  q: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z.enum(['reference', '-reference', 'updatedAt', '-updatedAt', 'createdAt', '-createdAt', 'nextDueAt', '-nextDueAt']).default('-updatedAt'),
});

export const CompleteTaskSchema = z.strictObject({ version: z.number().int().min(0) });

/** `POST /api/cases/:id/reopen`. */
export const ReopenCaseSchema = z.strictObject({
  reason: z.enum(REOPEN_REASONS),
  version: z.number().int().min(0),
});

export const ShareCaseSchema = z.strictObject({
  /** The consent key the person gave for this recipient (`nas`, `iom`, `police` …). */
  recipient: identifier,
  /** The organisation to share with, by slug. */
  organisation: z.string().regex(/^[a-z0-9-]+$/).max(60),
  version: z.number().int().min(0),
});

export type CaseWritable = z.infer<typeof CaseWritableSchema>;
export type CaseConsent = z.infer<typeof ConsentSchema>;
export type ContactPerson = z.infer<typeof ContactPersonSchema>;
export type PlanGoal = z.infer<typeof GoalSchema>;
/**
 * The plan of assistance as a case holds it and the API answers with it: what was written (PlanSchema, its
 * defaults filled in) and, per road-map stop and checkpoint, the stage its service track is in (`inProgress`),
 * which the workflow keeps up to date, and the needs per stop the needs assessment recorded.
 */
export const CasePlanSchema = PlanSchema.partial().extend({
  services: z.record(z.string(), z.string()).optional(),
  checkpoints: z.record(z.string(), z.string()).optional(),
  /** How urgently each road-map stop is needed, as the needs assessment recorded it (form-bindings.schemas.ts NEED_LEVELS). */
  needs: z.record(z.string(), z.string()).optional(),
});
export type CasePlan = z.infer<typeof CasePlanSchema>;
export type CreateCaseInput = z.infer<typeof CreateCaseSchema>;
export type UpdateCaseInput = z.infer<typeof UpdateCaseSchema>;
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;
/** What `POST /api/cases/:id/events` takes. */
export type CaseEventInput = z.input<typeof CaseEventSchema>;
export type ReopenCaseInput = z.infer<typeof ReopenCaseSchema>;
