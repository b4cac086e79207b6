import { z } from 'zod';
import { apiRoutes, type ApiRoute } from '../../core/openapi/api-route';
import { formioFormListQuery, formioFormQuery, formioListQuery, formioSubmissionBody } from './formio.schemas';

const formioErrors = {
  400: { description: "Invalid input, in Form.io's shape (`ValidationError` with `details` carrying each field's path)", mediaType: 'application/json' },
};
const formDefinition = z.looseObject({ components: z.array(z.unknown()), version: z.number().int().min(0).optional() });

function submissionRoutes(prefix: string, subject: string): Omit<ApiRoute, 'module'>[] {
  const params = { sid: "The submission's id", path: "The form's path" };
  return [
    { method: 'get', path: `${prefix}/submission`, query: formioListQuery, params, summary: `Submissions of ${subject} (\`Content-Range\` tells the total)`, responses: { 200: "Submissions in Form.io's shape" } },
    {
      method: 'post', path: `${prefix}/submission`, params, body: formioSubmissionBody, idempotent: true,
      summary: `Create a submission of ${subject} (body as Form.io sends it: \`data\`, and \`metadata.caseId\` or \`caseId\` for a case)`,
      responses: { 201: "The submission in Form.io's shape", ...formioErrors },
    },
    { method: 'get', path: `${prefix}/submission/:sid`, params, summary: `A submission of ${subject}`, responses: { 200: "The submission in Form.io's shape" } },
    {
      method: 'put', path: `${prefix}/submission/:sid`, params, body: formioSubmissionBody,
      summary: `Change a submission of ${subject}`, responses: { 200: "The submission in Form.io's shape", ...formioErrors, 409: 'Stale version' },
    },
    { method: 'delete', path: `${prefix}/submission/:sid`, params, summary: `Delete a submission of ${subject}`, responses: { 200: '{}' } },
  ];
}

/**
 * The Form.io-compatible API of one organisation (its "project URL"), for the unchanged Form.io SDK and renderer:
 * the same services, permissions and audit as the native API, Form.io's shapes in and out.
 */
export const formioApiRoutes = apiRoutes('formio', [
  { method: 'get', path: '/formio/:org/current', summary: 'The signed-in user as a Form.io user resource', responses: { 200: 'The user' } },
  { method: 'get', path: '/formio/:org/form', query: formioFormListQuery, summary: 'Forms (`Content-Range` tells the total); `lang` gives their texts in that language', responses: { 200: "Forms in Form.io's shape" } },
  { method: 'post', path: '/formio/:org/form', body: formDefinition, summary: 'Create a form from its Form.io definition (published at once, as on Form.io)', responses: { 201: "The form in Form.io's shape", ...formioErrors } },
  { method: 'get', path: '/formio/:org/form/:id', query: formioFormQuery, summary: "A form's current revision; `lang` gives its texts in that language", responses: { 200: "The form in Form.io's shape" } },
  { method: 'put', path: '/formio/:org/form/:id', body: formDefinition, summary: 'Save and publish a new revision', responses: { 200: "The form in Form.io's shape", ...formioErrors, 409: 'Stale version' } },
  { method: 'delete', path: '/formio/:org/form/:id', summary: 'Remove a form from use', responses: { 200: '{}' } },
  {
    method: 'get', path: '/formio/:org/form/:id/v/:revision', query: formioFormQuery, params: { revision: 'The revision number' },
    summary: "One revision of a form (what a submission pinned to it was made against)", responses: { 200: "The form in Form.io's shape" },
  },
  ...submissionRoutes('/formio/:org/form/:id', 'the form with this id'),
  ...submissionRoutes('/formio/:org/:path', 'the form at this path'),
  { method: 'get', path: '/formio/:org/:path', query: formioFormQuery, params: { path: "The form's path" }, summary: 'A form by its path; `lang` gives its texts in that language', responses: { 200: "The form in Form.io's shape" } },
]);
