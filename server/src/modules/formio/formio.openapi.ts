import { z } from 'zod';
import { apiRoutes, json, type ApiRoute } from '../../core/openapi/api-route';
import {
  FormioDeletedSchema, FormioFormListSchema, FormioFormSchema, FormioSubmissionListSchema, FormioSubmissionSchema, FormioUserSchema,
} from '../../contracts/formio/formio-view.schemas';
import { formioFormListQuery, formioFormQuery, formioListQuery, formioSubmissionBody } from './formio.schemas';

const formioErrors = {
  400: { description: "Invalid input, in Form.io's shape (`ValidationError` with `details` carrying each field's path)", mediaType: 'application/json' },
};
const formDefinition = z.looseObject({ components: z.array(z.unknown()), version: z.number().int().min(0).optional() });

function submissionRoutes(prefix: string, subject: string): Omit<ApiRoute, 'module'>[] {
  const params = { sid: "The submission's id", path: "The form's path" };
  return [
    { method: 'get', path: `${prefix}/submission`, query: formioListQuery, params, summary: `Submissions of ${subject} (\`Content-Range\` tells the total)`, responses: { 200: json("Submissions in Form.io's shape", FormioSubmissionListSchema) } },
    {
      method: 'post', path: `${prefix}/submission`, params, body: formioSubmissionBody, idempotent: true,
      summary: `Create a submission of ${subject} (body as Form.io sends it: \`data\`, and \`metadata.caseId\` or \`caseId\` for a case)`,
      responses: { 201: json("The submission in Form.io's shape", FormioSubmissionSchema, 'FormioSubmission'), ...formioErrors },
    },
    { method: 'get', path: `${prefix}/submission/:sid`, params, summary: `A submission of ${subject}`, responses: { 200: json("The submission in Form.io's shape", FormioSubmissionSchema, 'FormioSubmission') } },
    {
      method: 'put', path: `${prefix}/submission/:sid`, params, body: formioSubmissionBody,
      summary: `Change a submission of ${subject}`, responses: { 200: json("The submission in Form.io's shape", FormioSubmissionSchema, 'FormioSubmission'), ...formioErrors, 409: 'Stale version' },
    },
    { method: 'delete', path: `${prefix}/submission/:sid`, params, summary: `Delete a submission of ${subject}`, responses: { 200: json('An empty object, as Form.io answers', FormioDeletedSchema) } },
  ];
}

/**
 * The Form.io-compatible API of one organisation (its "project URL"), for the unchanged Form.io SDK and renderer:
 * the same services, permissions and audit as the native API, Form.io's shapes in and out.
 */
export const formioApiRoutes = apiRoutes('formio', [
  { method: 'get', path: '/formio/:org/current', summary: 'The signed-in user as a Form.io user resource', responses: { 200: json('The user', FormioUserSchema, 'FormioUser') } },
  { method: 'get', path: '/formio/:org/form', query: formioFormListQuery, summary: 'Forms (`Content-Range` tells the total); `lang` gives their texts in that language', responses: { 200: json("Forms in Form.io's shape", FormioFormListSchema) } },
  { method: 'post', path: '/formio/:org/form', body: formDefinition, summary: 'Create a form from its Form.io definition (published at once, as on Form.io)', responses: { 201: json("The form in Form.io's shape", FormioFormSchema, 'FormioForm'), ...formioErrors } },
  { method: 'get', path: '/formio/:org/form/:id', query: formioFormQuery, summary: "A form's current revision; `lang` gives its texts in that language", responses: { 200: json("The form in Form.io's shape", FormioFormSchema, 'FormioForm') } },
  { method: 'put', path: '/formio/:org/form/:id', body: formDefinition, summary: 'Save and publish a new revision', responses: { 200: json("The form in Form.io's shape", FormioFormSchema, 'FormioForm'), ...formioErrors, 409: 'Stale version' } },
  { method: 'delete', path: '/formio/:org/form/:id', summary: 'Remove a form from use', responses: { 200: json('An empty object, as Form.io answers', FormioDeletedSchema) } },
  {
    method: 'get', path: '/formio/:org/form/:id/v/:revision', query: formioFormQuery, params: { revision: 'The revision number' },
    summary: "One revision of a form (what a submission pinned to it was made against)", responses: { 200: json("The form in Form.io's shape", FormioFormSchema, 'FormioForm') },
  },
  ...submissionRoutes('/formio/:org/form/:id', 'the form with this id'),
  ...submissionRoutes('/formio/:org/:path', 'the form at this path'),
  { method: 'get', path: '/formio/:org/:path', query: formioFormQuery, params: { path: "The form's path" }, summary: 'A form by its path; `lang` gives its texts in that language', responses: { 200: json("The form in Form.io's shape", FormioFormSchema, 'FormioForm') } },
]);
