import { z } from 'zod';
import { CaseEventSchema, CaseListQuerySchema, CreateCaseSchema, ShareCaseSchema, UpdateCaseSchema } from '../../../contracts/cases/case.schemas';
import { WorkflowDefinitionSchema } from '../../../contracts/workflows/workflow-definition.schemas';
import {
  CloneWorkflowSchema, CreateWorkflowSchema, MergeWorkflowSchema, MigrateCasesSchema, PublishWorkflowSchema,
  UpdateWorkflowSchema, ValidateWorkflowSchema,
} from './workflow.schemas';

const schema = (s: z.ZodType, io: 'input' | 'output' = 'input') =>
  z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any', io }) as Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (s: unknown) => ({ 'application/json': { schema: s } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const body = (name: string) => ({ required: true, content: json(ref(name)) });
const ok = (description: string) => ({ description, content: json({ type: 'object' }) });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const common = { '401': problem('Not signed in'), '404': problem('Missing, or not visible to this user') };
/** The `Idempotency-Key` header of the writes a client may retry, and the answers that only it causes. */
const idempotencyKey = { $ref: '#/components/parameters/IdempotencyKey' };
const idempotencyProblems = {
  '400': problem('Invalid input, or an invalid `Idempotency-Key` (`idempotency-key-invalid`)'),
  '409': problem('A request with this `Idempotency-Key` is still being processed (`idempotency-key-in-flight`): retry in a few seconds'),
  '422': problem('This `Idempotency-Key` was used for a different request (`idempotency-key-reused`)'),
};
const submissionBody = {
  required: true,
  content: json({ type: 'object', required: ['data'], properties: { data: { type: 'object' }, caseId: { type: 'string', description: 'The case the submission is for' } } }),
};
const formioSubmission = (parameter: { name: string; description: string }) => ({
  servers: [{ url: '/formio/{org}', variables: { org: { default: 'fi-helsinki', description: "The organisation's slug (its Form.io project URL)" } } }],
  parameters: [{ name: parameter.name, in: 'path', required: true, schema: { type: 'string' }, description: parameter.description }],
  post: {
    summary: 'Create a submission through the Form.io-compatible API (body as Form.io sends it: `data`, and `metadata.caseId` or `caseId` for a case)',
    parameters: [idempotencyKey],
    requestBody: { required: true, content: json({ type: 'object', required: ['data'], properties: { data: { type: 'object' }, metadata: { type: 'object' } } }) },
    responses: { '201': ok("The submission in Form.io's shape"), ...idempotencyProblems, ...common },
  },
});

function queryParameters(s: z.ZodObject): unknown[] {
  const json = schema(s) as { properties: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties).map(([name, p]) => ({ name, in: 'query', required: false, schema: p }));
}

/** The OpenAPI 3.1 document of the cases and workflows API; request schemas come from the same zod schemas the routes parse with. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Assist: cases and workflows API', version: '1.0.0', description: 'Errors are application/problem+json with a stable `code`.' },
    servers: [{ url: '/api' }],
    components: {
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'IETF draft "The Idempotency-Key HTTP Header Field": a key of 1 to 255 printable ASCII characters (a UUID, say), as a Structured Field String (`"…"`) or bare. ' +
            'A retry with the same key by the same user in the same organisation within 24 hours stores nothing new and answers with the first result ' +
            '(the record as it is now); the same key with a different request is a 422, and while the first request is still running a 409. ' +
            "Keys are per user and organisation: another user's key never finds this one's result. Without the header the request runs as usual.",
          schema: { type: 'string', minLength: 1 },
        },
      },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'assist_session' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail', 'code'],
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, code: { type: 'string' } },
        },
        CreateCase: schema(CreateCaseSchema),
        UpdateCase: schema(UpdateCaseSchema),
        CaseEvent: schema(CaseEventSchema),
        ShareCase: schema(ShareCaseSchema),
        WorkflowDefinition: schema(WorkflowDefinitionSchema, 'output'),
        CreateWorkflow: schema(CreateWorkflowSchema),
        UpdateWorkflow: schema(UpdateWorkflowSchema),
        ValidateWorkflow: schema(ValidateWorkflowSchema),
        PublishWorkflow: schema(PublishWorkflowSchema),
        CloneWorkflow: schema(CloneWorkflowSchema),
        MergeWorkflow: schema(MergeWorkflowSchema),
        MigrateCases: schema(MigrateCasesSchema),
      },
    },
    security: [{ bearer: [] }, { cookie: [] }],
    paths: {
      '/cases': {
        get: { summary: 'List cases (filters: stage, overdue, assigned to me, unassigned, text in the reference or alias; a filter on a field group applies only where the user may read that group; paginated, sorted)', parameters: queryParameters(CaseListQuerySchema), responses: { '200': ok('A page of case summaries'), '401': common['401'] } },
        post: {
          summary: 'Create a case and start its workflow',
          parameters: [idempotencyKey],
          requestBody: body('CreateCase'),
          responses: { '201': ok('The case, as the user may see it'), ...idempotencyProblems, ...common },
        },
      },
      '/cases/all': {
        get: { summary: 'Every case the list filters match, in the list order (`page` and `pageSize` are ignored): for exporting a whole list', parameters: queryParameters(CaseListQuerySchema), responses: { '200': ok('All matching case summaries and their number'), '401': common['401'] } },
      },
      '/cases/{id}': {
        parameters: [idParam],
        get: { summary: 'Read a case (only permitted field groups), with `availableEvents`: the events this user may fire now', responses: { '200': ok('The case'), ...common } },
        patch: { summary: 'Update field groups of the version seen', requestBody: body('UpdateCase'), responses: { '200': ok('The case'), '403': problem('A field group is not writable for this role'), '409': problem('Stale version'), ...common } },
      },
      '/cases/{id}/events': {
        parameters: [idParam],
        post: {
          summary: 'Fire a workflow event',
          parameters: [idempotencyKey],
          requestBody: body('CaseEvent'),
          responses: {
            '200': ok('The case after the transition'),
            ...idempotencyProblems,
            '403': problem('This role may not move the case'),
            '409': problem('Event not accepted (`event-not-accepted`; `acceptedEvents` lists those that are), or a request with this `Idempotency-Key` still running (`idempotency-key-in-flight`)'),
            ...common,
          },
        },
      },
      '/forms/{id}/submissions': {
        parameters: [idParam],
        post: {
          summary: "Create a submission of the form's published revision, validated on the server; with `caseId`, the case hears of it (`formSubmitted`)",
          parameters: [idempotencyKey],
          requestBody: submissionBody,
          responses: {
            '201': ok('The submission, as the user may see it'),
            ...idempotencyProblems,
            '409': problem('Form not published, version conflict on the case, or a request with this `Idempotency-Key` still running (`idempotency-key-in-flight`)'),
            ...common,
          },
        },
      },
      '/{path}/submission': formioSubmission({ name: 'path', description: "The form's path" }),
      '/form/{formId}/submission': formioSubmission({ name: 'formId', description: "The form's id" }),
      '/cases/{id}/tasks/{taskId}/done': {
        parameters: [idParam, { name: 'taskId', in: 'path', required: true, schema: { type: 'string' } }],
        post: {
          summary: "Marks one of the case's workflow tasks done (needs update on the workflow group; body: { version })",
          responses: { '200': ok('The case'), '409': problem('Stale version, or the task is already done (`task-already-done`)'), ...common },
        },
      },
      '/case-stats': {
        get: {
          summary: "The dashboard's counts over every case the user may read: total, assigned to the user, overdue, per top-level stage (positions only where the workflow group is readable)",
          responses: { '200': ok('Counts'), ...common },
        },
      },
      '/cases/{id}/timeline': { parameters: [idParam], get: { summary: 'Everything that happened to the case', responses: { '200': ok('Timeline entries'), ...common } } },
      '/cases/{id}/plan.pdf': {
        parameters: [idParam, { name: 'lang', in: 'query', required: false, schema: { type: 'string' }, description: 'Language of the document; an unsupported one falls back to Accept-Language' }],
        get: {
          summary: 'The plan of assistance as a PDF (needs the `export` action; only the field groups this user may read; audited as an export)',
          responses: {
            '200': { description: 'The PDF, as an attachment named plan-<reference>.pdf', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
            '403': problem('The case is readable, but the role may not export it (`forbidden`) or may not read its plan (`plan-not-readable`)'),
            ...common,
          },
        },
      },
      '/cases/{id}/share': {
        parameters: [idParam],
        post: { summary: 'Share or refer the case to an organisation (consent to the recipient required)', requestBody: body('ShareCase'), responses: { '200': ok('The case'), '409': problem('No valid consent, or stale version'), ...common } },
      },
      '/workflows': {
        get: { summary: "List the organisation's workflows (or `shared=true`: other organisations' shared ones)", responses: { '200': ok('Workflows') } },
        post: { summary: 'Create a workflow draft', requestBody: body('CreateWorkflow'), responses: { '201': ok('The workflow'), ...common } },
      },
      '/workflows/templates': { get: { summary: 'The platform template library', responses: { '200': ok('Templates') } } },
      '/workflows/templates/{key}': { parameters: [{ ...idParam, name: 'key' }], get: { summary: 'A template with its definition', responses: { '200': ok('Template'), ...common } } },
      '/workflows/validate': { post: { summary: 'Validate a definition (every problem with its JSON pointer)', requestBody: body('ValidateWorkflow'), responses: { '200': ok('{ valid, problems }') } } },
      '/workflows/clone': { post: { summary: "Clone a template or another organisation's shared workflow", requestBody: body('CloneWorkflow'), responses: { '201': ok('The clone, with its upstream'), ...common } } },
      '/workflows/{id}': {
        parameters: [idParam],
        get: { summary: 'A workflow with its draft', responses: { '200': ok('The workflow'), ...common } },
        put: { summary: 'Save the draft (revision for optimistic concurrency)', requestBody: body('UpdateWorkflow'), responses: { '200': ok('The workflow'), '409': problem('Stale revision'), ...common } },
      },
      '/workflows/{id}/validate': { parameters: [idParam], post: { summary: 'Validate the draft', responses: { '200': ok('{ valid, problems }'), ...common } } },
      '/workflows/{id}/publish': { parameters: [idParam], post: { summary: 'Publish the draft as the next immutable version', requestBody: body('PublishWorkflow'), responses: { '201': ok('{ version, workflow }'), '400': problem('Definition has problems'), '409': problem('Stale revision'), ...common } } },
      '/workflows/{id}/versions/{version}': { parameters: [idParam, { name: 'version', in: 'path', required: true, schema: { type: 'integer' } }], get: { summary: 'A published version', responses: { '200': ok('The version'), ...common } } },
      '/workflows/{id}/diff': { parameters: [idParam], get: { summary: 'Differences to the upstream as cloned and to its newest version', responses: { '200': ok('{ asCloned, toNewest, upstreamChanges }'), '409': problem('No upstream'), ...common } } },
      '/workflows/{id}/merge': { parameters: [idParam], post: { summary: "Merge the upstream's newest version; conflicts need a resolution each", requestBody: body('MergeWorkflow'), responses: { '200': ok('The merged workflow'), '409': problem('Unresolved conflicts (listed), or stale revision'), ...common } } },
      '/workflows/{id}/migrate': { parameters: [idParam], post: { summary: 'Move running cases to a version (dry run lists which can move and why not)', requestBody: body('MigrateCases'), responses: { '200': ok('Per case: ok, reason'), ...common } } },
    },
  };
}
