import type { z } from 'zod';
import type { DateSchema } from '../api/wire.schemas';
import type { BlockedEvent, EventOption, ReferralEventOption } from '../workflows/event-option.types';
import type { WorkflowSnapshot } from '../workflows/workflow-snapshot.types';
import type {
  caseDeadlineSchema, caseDetailSchema, caseListSchema, caseSubmissionRefSchema, caseSummarySchema, caseTaskSchema,
  caseViewSchema, caseWorkflowStateSchema, caseWorkflowViewSchema, timelineEntrySchema,
} from './case-view.schemas';

/*
 * The shapes the cases API answers with, written once (as zod schemas in case-view.schemas.ts, which also generate
 * /api/openapi.json) for the server, which stores them, and the client, which reads them. `TDate` is where the two
 * differ: a stored record holds `Date`s, an answer ISO 8601 text (what JSON makes of a `Date`), so the server uses
 * `<Date>` and the client the default.
 */
type Infer<F extends (date: DateSchema<never>) => z.ZodType> = z.infer<ReturnType<F>>;

export type CaseDeadline<TDate = string> = Infer<typeof caseDeadlineSchema<DateSchema<TDate>>>;
export type CaseTask<TDate = string> = Infer<typeof caseTaskSchema<DateSchema<TDate>>>;
/** One thing that happened. Field-group names only, never values: the timeline is shown to everyone who sees the case. */
export type TimelineEntry<TDate = string> = Infer<typeof timelineEntrySchema<DateSchema<TDate>>>;
export type CaseSubmissionRef<TDate = string> = Infer<typeof caseSubmissionRefSchema<DateSchema<TDate>>>;
/** What the workflow group of a case holds: where it is, what it runs on, what is due, and everything that happened. */
export type CaseWorkflowState<TDate = string> = Infer<typeof caseWorkflowStateSchema<DateSchema<TDate>>>;
/** The workflow group as the API answers it: without the timer bookkeeping, with the deadlines already due. */
export type CaseWorkflowView<TDate = string> = Infer<typeof caseWorkflowViewSchema<DateSchema<TDate>>>;
/** A case as its reader may see it: the permitted field groups, plus the bookkeeping every reader needs. */
export type CaseView<TDate = string> = Infer<typeof caseViewSchema<DateSchema<TDate>>>;
/** A case with what this reader may do with it now (`GET /api/cases/:id`, `POST /api/cases/:id/events`). */
export type CaseDetail<TDate = string> = Infer<typeof caseDetailSchema<DateSchema<TDate>>>;
/** A row of `GET /api/cases`: no sensitive groups, so listing needs no audit entry per case; the position flattened. */
export type CaseSummary<TDate = string> = Infer<typeof caseSummarySchema<DateSchema<TDate>>>;
/** `GET /api/cases`: one page of the cases matching the filters, and how many there are. */
export type CaseList<TDate = string> = Infer<typeof caseListSchema<DateSchema<TDate>>>;

export type { BlockedEvent, EventOption, ReferralEventOption, WorkflowSnapshot };
