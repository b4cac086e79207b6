import { apiRoutes, json } from '../../../core/openapi/api-route';
import { SubmissionListSchema, SubmissionQuestionsSchema, SubmissionViewSchema } from '../../../contracts/submissions/submission-view.schemas';
import { createSubmissionSchema, listSubmissionsQuery, updateSubmissionSchema } from '../schemas/submission.schemas';

/** The native submissions API. */
export const submissionApi = apiRoutes('submissions', [
  {
    method: 'post', path: '/api/forms/:id/submissions', body: createSubmissionSchema, bodyName: 'CreateSubmission', idempotent: true,
    summary: "Create a submission of the form's published revision, validated on the server; with `caseId`, the case hears of it (`formSubmitted`)",
    responses: {
      201: json('The submission, as the user may see it', SubmissionViewSchema, 'SubmissionView'),
      409: 'Form not published, version conflict on the case, or a request with this `Idempotency-Key` still running (`idempotency-key-in-flight`)',
    },
  },
  { method: 'get', path: '/api/submissions', query: listSubmissionsQuery, summary: 'Submissions the user may read (of one form, or one case), newest first', responses: { 200: json('A page of submissions', SubmissionListSchema, 'SubmissionList') } },
  { method: 'get', path: '/api/submissions/:id', summary: 'A submission; fields the user may not read are withheld and listed in `masked`', responses: { 200: json('The submission', SubmissionViewSchema, 'SubmissionView') } },
  {
    method: 'put', path: '/api/submissions/:id', body: updateSubmissionSchema, bodyName: 'UpdateSubmission',
    summary: 'Change the answers of the version seen (validated against the revision it is pinned to); its case hears of it', responses: { 200: json('The submission', SubmissionViewSchema, 'SubmissionView'), 409: 'Stale version' },
  },
  { method: 'delete', path: '/api/submissions/:id', summary: 'Delete a submission; its case hears of it (a repeated DELETE of an unfinished deletion finishes it)', responses: { 204: 'Deleted' } },
  {
    method: 'get', path: '/api/submissions/:id/questions',
    summary: "The questions and option labels of the submission's pinned revision in the request language, to read its answers in words (no logic)", responses: { 200: json('Questions', SubmissionQuestionsSchema, 'SubmissionQuestions') },
  },
]);
