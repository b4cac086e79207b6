import { z } from 'zod';
import { IsoDateTime, IsoDay } from '../api/wire.schemas';
import { BlockedEventSchema, EventOptionSchema, ReferralEventOptionSchema } from '../workflows/event-option.types';
import { WorkflowSnapshotSchema } from '../workflows/workflow-snapshot.types';
import { SHAREABLE_GROUPS } from '../referrals/referral.schemas';
import { CasePlanSchema, CaseWritableSchema } from './case.schemas';

/*
 * The answers of the cases API as zod schemas: /api/openapi.json is generated from them, and case-view.types.ts
 * derives the types client and server use from them. Each schema that holds dates is a factory taking the date's
 * schema: the API answers ISO text (the exported `…Schema` constants), the server keeps `Date`s (`CaseView<Date>`).
 */

export const caseDeadlineSchema = <D extends z.ZodType>(date: D) =>
  z.object({
    key: z.string(),
    /** Stage path the deadline belongs to, e.g. `assistance/plan`. */
    stagePath: z.string(),
    /** The deadline's id in the workflow definition. */
    deadlineId: z.string(),
    dueAt: date,
    /** The event fired when it falls due. */
    event: z.string().optional(),
  });

export const caseTaskSchema = <D extends z.ZodType>(date: D) =>
  z.object({
    id: z.string(),
    titleKey: z.string(),
    role: z.string(),
    dueAt: date.nullable(),
    status: z.enum(['open', 'done']),
    createdAt: date,
    doneAt: date.optional(),
    /** User id (hex) of who marked it done. */
    doneBy: z.string().optional(),
    /** The organisation whose staff the task is for (a receiver's task on a referred case); absent: the case's own. */
    orgId: z.string().optional(),
  });

/** One thing that happened. Field-group names only, never values: the timeline is shown to everyone who sees the case. */
export const timelineEntrySchema = <D extends z.ZodType>(date: D) =>
  z.object({
    at: date,
    type: z.string(),
    by: z.string().nullable(),
    event: z.string().optional(),
    entered: z.array(z.string()).optional(),
    exited: z.array(z.string()).optional(),
    fields: z.array(z.string()).optional(),
    formPath: z.string().optional(),
    submissionId: z.string().optional(),
    timerKey: z.string().optional(),
    detail: z.string().optional(),
    /** The other organisation of a referral entry, by name (`referral-sent`, `referral-accepted` …). */
    organisation: z.string().optional(),
  });

export const caseSubmissionRefSchema = <D extends z.ZodType>(date: D) =>
  z.object({
    submissionId: z.string(),
    formPath: z.string(),
    /** When the case recorded it. */
    at: date,
    /** When the submission was stored, and its version the case last applied (absent in older cases). */
    submittedAt: date.optional(),
    version: z.number().int().optional(),
  });

/** What the workflow group of a case holds: where it is, what it runs on, what is due, and everything that happened. */
export const caseWorkflowStateSchema = <D extends z.ZodType>(date: D) =>
  z.object({
    source: z.enum(['template', 'workflow']),
    /** A template key (`finland-municipality`) or an organisation workflow's id. */
    definitionId: z.string(),
    version: z.number().int(),
    jurisdiction: z.string(),
    snapshot: WorkflowSnapshotSchema,
    /** Every active stage path (compound and parallel ones too), for the stage filter. */
    activeStages: z.array(z.string()),
    deadlines: z.array(caseDeadlineSchema(date)),
    /** Earliest open deadline; a case is overdue when this is in the past. */
    nextDueAt: date.nullable(),
    dates: z.record(z.string(), z.string()),
    fields: z.record(z.string(), z.unknown()),
    tasks: z.array(caseTaskSchema(date)),
    /** Form paths the current stages still require. */
    requiredForms: z.array(z.string()),
    consentRequests: z.array(z.string()),
    childBranch: z.object({ open: z.boolean(), legalRepresentativeRequired: z.boolean() }).nullable(),
    submissions: z.array(caseSubmissionRefSchema(date)),
    timeline: z.array(timelineEntrySchema(date)),
  });

/** The workflow group as the API answers it: without the timer bookkeeping, with the deadlines already due. */
export const caseWorkflowViewSchema = <D extends z.ZodType>(date: D) =>
  caseWorkflowStateSchema(date).extend({
    overdue: z.array(caseDeadlineSchema(date)),
    /** Which form fed each bound case field last (bookkeeping the case keeps with its workflow group). */
    bound: z.array(z.object({ target: z.string(), form: z.string() })).optional(),
  });

/** A consent as stored: what ConsentSchema parses a request into, or as recorded without that detail (no `withdrawn`). */
export const ConsentViewSchema = z.object({
  given: z.boolean(),
  givenOn: IsoDay.nullish(),
  withdrawn: z.boolean().optional(),
  withdrawnOn: IsoDay.nullish(),
  groups: z.array(z.enum(SHAREABLE_GROUPS)).optional(),
});

/** The field groups a reader sees as stored, each only where the reader's rules permit it. */
const FreeGroupsSchema = CaseWritableSchema.omit({ alias: true, assignees: true, plan: true, consents: true, dates: true }).partial();

/**
 * A case as its reader may see it (`GET /api/cases/:id`, and every write that answers with the case): the field
 * groups the reader's rules permit, each present only then, plus the bookkeeping every reader needs.
 */
export const caseViewSchema = <D extends z.ZodType>(date: D) =>
  FreeGroupsSchema.extend({
    id: z.string(),
    version: z.number().int(),
    createdAt: date,
    updatedAt: date,
    reference: z.string().optional(),
    orgId: z.string().optional(),
    alias: z.string().optional(),
    /** User ids (hex). */
    assignees: z.array(z.string()).optional(),
    workflow: caseWorkflowViewSchema(date).optional(),
    plan: CasePlanSchema.optional(),
    consents: z.record(z.string(), ConsentViewSchema).optional(),
    /** Organisation ids (hex) the case was referred or shared to. */
    sharedWith: z.array(z.string()).optional(),
  });

/** A case with what this reader may do with it now (`GET /api/cases/:id`, `POST /api/cases/:id/events`). */
export const caseDetailSchema = <D extends z.ZodType>(date: D) =>
  caseViewSchema(date).extend({
    /** Events this user may fire now, worked out by the server. */
    availableEvents: z.array(z.string()),
    /** The same with the data each needs (one option per service track for the events the tracks share). */
    eventOptions: z.array(EventOptionSchema),
    /** Events the active stages have but cannot take now, with the reasons in data. */
    blockedEvents: z.array(BlockedEventSchema),
    /** Which of the offered events end the case (the page asks for a reason and a confirmation). */
    endingEvents: z.array(z.string()),
    /** Events of the active stages that refer the case to another organisation (the referral dialog asks what to share). */
    referralEvents: z.array(ReferralEventOptionSchema),
  });

/** A row of `GET /api/cases`: no sensitive groups, so listing needs no audit entry per case; the position flattened. */
export const caseSummarySchema = <D extends z.ZodType>(date: D) =>
  z.object({
    id: z.string(),
    version: z.number().int(),
    reference: z.string().optional(),
    alias: z.string().optional(),
    assignees: z.array(z.string()).optional(),
    status: WorkflowSnapshotSchema.shape.status.optional(),
    stages: z.array(z.string()).optional(),
    nextDueAt: date.nullable().optional(),
    overdue: z.boolean().optional(),
    updatedAt: date,
  });

/** `GET /api/cases`: one page of the cases matching the filters, and how many there are. */
export const caseListSchema = <D extends z.ZodType>(date: D) =>
  z.object({ items: z.array(caseSummarySchema(date)), total: z.number().int().min(0), page: z.number().int(), pageSize: z.number().int() });

// The answers as the API sends them (dates as ISO text).
export const CaseViewSchema = caseViewSchema(IsoDateTime);
export const CaseDetailSchema = caseDetailSchema(IsoDateTime);
export const CaseSummarySchema = caseSummarySchema(IsoDateTime);
export const CaseListSchema = caseListSchema(IsoDateTime);
/** `GET /api/cases/all`: every matching summary, and their number. */
export const CaseExportSchema = z.object({ items: z.array(CaseSummarySchema), total: z.number().int().min(0) });
/** `GET /api/cases/duplicates`: possible duplicates, each with the criteria it matched on. */
export const CaseDuplicatesSchema = z.object({
  items: z.array(CaseSummarySchema.extend({ matched: z.array(z.enum(['alias', 'birthDate', 'age', 'nationality'])) })),
});
export const CaseTimelineSchema = z.object({ items: z.array(timelineEntrySchema(IsoDateTime)) });
/** `GET /api/cases/:id/drafts/:formPath` (with `data`) and `PUT` (without). */
export const FormDraftSchema = z.object({ formPath: z.string(), data: z.record(z.string(), z.unknown()).optional(), updatedAt: IsoDateTime });
/** `GET /api/case-stats`: the dashboard's figures. */
export const CaseStatsSchema = z.object({
  /** Cases the user may see. */
  total: z.number().int(),
  /** Of those, assigned to the user. */
  mine: z.number().int(),
  /** Cases whose position the user may see and that have an open deadline in the past. */
  overdue: z.number().int(),
  /** Top-level stage → number of cases in it (a case in parallel tracks counts once per top-level stage). */
  perStage: z.record(z.string(), z.number().int()),
  overdueByStage: z.record(z.string(), z.number().int()),
});
export type CaseStats = z.infer<typeof CaseStatsSchema>;
