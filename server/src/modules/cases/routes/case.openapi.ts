import { apiRoutes, json } from '../../../core/openapi/api-route';
import {
  CaseDetailSchema, CaseDuplicatesSchema, CaseExportSchema, CaseListSchema, CaseStatsSchema, CaseTimelineSchema, CaseViewSchema, FormDraftSchema,
} from '../../../contracts/cases/case-view.schemas';
import { PersonViewCaseSchema } from '../../../contracts/person/person-view.types';
import {
  CaseEventSchema, CaseListQuerySchema, CompleteTaskSchema, CreateCaseSchema, ReopenCaseSchema, ShareCaseSchema, UpdateCaseSchema,
} from '../../../contracts/cases/case.schemas';
import { DuplicateQuerySchema } from '../service/case-duplicates.service';
import { SaveDraftSchema } from '../service/form-draft.service';
import { ConsentSheetQuerySchema } from '../../../contracts/person/consent-sheet.schemas';

const formPath = { formPath: "The form's path (lower case letters, digits and -)" };

/** Cases: the list, one case, its events, drafts, tasks, timeline, plan and sharing; the dashboard's counts. */
export const caseApi = apiRoutes('cases', [
  {
    method: 'get', path: '/api/cases', query: CaseListQuerySchema,
    summary: 'List cases (filters: stage, overdue, assigned to me, unassigned, text in the reference or alias; a filter on a field group applies only where the user may read that group; paginated, sorted)',
    responses: { 200: json('A page of case summaries', CaseListSchema, 'CaseList') },
  },
  {
    method: 'get', path: '/api/cases/all', query: CaseListQuerySchema,
    summary: 'Every case the list filters match, in the list order (`page` and `pageSize` are ignored): for exporting a whole list', responses: { 200: json('All matching case summaries and their number', CaseExportSchema, 'CaseExport') },
  },
  { method: 'post', path: '/api/cases', body: CreateCaseSchema, bodyName: 'CreateCase', idempotent: true, summary: 'Create a case and start its workflow', responses: { 201: json('The case, as the user may see it', CaseViewSchema, 'CaseView') } },
  {
    method: 'get', path: '/api/cases/duplicates', query: DuplicateQuerySchema,
    summary: "Cases of the organisation that may be the same person (alias, date of birth or estimated age, nationality), before opening a new one", responses: { 200: json('Possible duplicates, each with the criteria it matched on', CaseDuplicatesSchema, 'CaseDuplicates') },
  },
  { method: 'get', path: '/api/cases/:id', summary: 'Read a case (only permitted field groups), with `availableEvents`: the events this user may fire now', responses: { 200: json('The case', CaseDetailSchema, 'CaseDetail') } },
  {
    method: 'patch', path: '/api/cases/:id', body: UpdateCaseSchema, bodyName: 'UpdateCase',
    summary: 'Update field groups of the version seen', responses: { 200: json('The case', CaseViewSchema, 'CaseView'), 403: 'A field group is not writable for this role', 409: 'Stale version' },
  },
  {
    method: 'post', path: '/api/cases/:id/events', body: CaseEventSchema, bodyName: 'CaseEvent', idempotent: true, summary: 'Fire a workflow event',
    responses: {
      200: json('The case after the transition', CaseDetailSchema, 'CaseDetail'),
      403: 'This role may not move the case, or the event follows from a referral decision the receiving organisation takes (`event-decided-by-referral`)',
      409: 'Event not accepted (`event-not-accepted`; `acceptedEvents` lists those that are), or a request with this `Idempotency-Key` still running (`idempotency-key-in-flight`)',
    },
  },
  { method: 'post', path: '/api/cases/:id/reopen', body: ReopenCaseSchema, bodyName: 'ReopenCase', summary: 'Reopen a closed case, with a reason', responses: { 200: json('The case', CaseDetailSchema, 'CaseDetail'), 409: 'The case is not closed, or stale version' } },
  {
    method: 'get', path: '/api/cases/:id/person-view',
    summary: "What the person view shows of the case: the person's languages, the jurisdiction of the rights sheet, the latest consent and safety-plan submissions", responses: { 200: json('What the person view shows of the case', PersonViewCaseSchema, 'PersonViewCase') },
  },
  {
    method: 'post', path: '/api/cases/:id/person-view',
    summary: "Hand this session over to the person of the case (issue 18): until the caseworker's password ends it, the API answers only the person view (otherwise 403 `person-view-active`)",
    responses: { 200: json('What the person view shows of the case', PersonViewCaseSchema, 'PersonViewCase') },
  },
  { method: 'get', path: '/api/cases/:id/drafts/:formPath', params: formPath, summary: "The user's own draft of a form for this case", responses: { 200: json('The draft', FormDraftSchema, 'FormDraft'), 204: 'No draft' } },
  { method: 'put', path: '/api/cases/:id/drafts/:formPath', params: formPath, body: SaveDraftSchema, summary: 'Keep a draft of a form for this case (only its author sees it)', responses: { 200: json('The draft as kept (without its data)', FormDraftSchema, 'FormDraft') } },
  { method: 'delete', path: '/api/cases/:id/drafts/:formPath', params: formPath, summary: "Discard the user's draft of a form", responses: { 204: 'Discarded' } },
  {
    method: 'post', path: '/api/cases/:id/tasks/:taskId/done', params: { taskId: "The task's id" }, body: CompleteTaskSchema,
    summary: "Mark one of the case's workflow tasks done (needs update on the workflow group; only the organisation the task is for)", responses: { 200: json('The case', CaseViewSchema, 'CaseView'), 403: 'The task is another organisation\'s (`task-of-another-organisation`)', 409: 'Stale version, or the task is already done (`task-already-done`)' },
  },
  { method: 'get', path: '/api/cases/:id/timeline', summary: 'Everything that happened to the case', responses: { 200: json('Timeline entries, oldest first', CaseTimelineSchema, 'CaseTimeline') } },
  {
    method: 'get', path: '/api/cases/:id/plan.pdf',
    summary: 'The plan of assistance as a PDF (needs the `export` action; only the field groups this user may read; audited as an export). `?lang=` picks its language; an unsupported one falls back to Accept-Language',
    responses: {
      200: { description: 'The PDF, as an attachment named plan-<reference>.pdf', mediaType: 'application/pdf', binary: true },
      403: 'The case is readable, but the role may not export it (`forbidden`) or may not read its plan (`plan-not-readable`)',
    },
  },
  {
    method: 'get', path: '/api/cases/:id/consent-sheet.pdf', query: ConsentSheetQuerySchema,
    summary:
      "The consent and information sheet as a PDF in the person's language (issue 18): the form's texts in `lang` (by default the first of the case profile's languages), " +
      "with the answers of the case's latest consent submission as this user may read them, consent per recipient ticked; a blank sheet where there is none. Needs the `export` action; audited as an export",
    responses: {
      200: { description: 'The PDF, as an attachment named consent-<reference>-<lang>.pdf', mediaType: 'application/pdf', binary: true },
      400: 'Not a person language',
      403: 'The case is readable, but the role may not export it',
    },
  },
  {
    method: 'post', path: '/api/cases/:id/share', body: ShareCaseSchema, bodyName: 'ShareCase',
    summary: 'Share or refer the case to an organisation (consent to the recipient required)', responses: { 200: json('The case', CaseViewSchema, 'CaseView'), 409: 'No valid consent, or stale version' },
  },
  {
    method: 'get', path: '/api/case-stats',
    summary: "The dashboard's counts over every case the user may read: total, assigned to the user, overdue, per top-level stage (positions only where the workflow group is readable)",
    responses: { 200: json('Counts', CaseStatsSchema, 'CaseStats') },
  },
]);
