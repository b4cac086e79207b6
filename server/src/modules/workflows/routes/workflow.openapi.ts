import { apiRoutes } from '../../../core/openapi/api-route';
import {
  CloneWorkflowSchema, CreateWorkflowSchema, ListWorkflowsQuerySchema, MergeWorkflowSchema, PublishWorkflowSchema,
  TemplateQuerySchema, UpdateWorkflowSchema, ValidateWorkflowSchema,
} from './workflow.schemas';

/** Workflows: drafts and immutable versions, the template library, clone, diff and merge (case migration: cases/routes/case-migration.openapi.ts). */
export const workflowApi = apiRoutes('workflows', [
  {
    method: 'get', path: '/api/jurisdictions/:code/rights', params: { code: "The jurisdiction's two-letter code (fi, dk ...)" },
    summary: "The 'your rights and options' sheet of a jurisdiction (issue 18): sections and paragraphs as `person:` text keys, with their numbers from the parameters in force for the user's organisation",
    responses: { 200: 'RightsSheet', 404: 'No sheet for this jurisdiction' },
  },
  {
    method: 'get', path: '/api/workflows', query: ListWorkflowsQuerySchema,
    summary: "List the organisation's workflows (or `shared=true`: other organisations' shared ones)", responses: { 200: 'Workflows' },
  },
  { method: 'post', path: '/api/workflows', body: CreateWorkflowSchema, bodyName: 'CreateWorkflow', summary: 'Create a workflow draft', responses: { 201: 'The workflow' } },
  { method: 'get', path: '/api/workflows/templates', summary: 'The platform template library', responses: { 200: 'Templates' } },
  {
    method: 'get', path: '/api/workflows/templates/:key', params: { key: "The template's key" }, query: TemplateQuerySchema,
    summary: 'A template with its definition: the version asked for (the one a case runs on), or else the newest', responses: { 200: 'Template', 404: 'No such template or version' },
  },
  {
    method: 'post', path: '/api/workflows/validate', body: ValidateWorkflowSchema, bodyName: 'ValidateWorkflow',
    summary: 'Validate a definition (every problem with its JSON pointer)', responses: { 200: '{ valid, problems }' },
  },
  {
    method: 'post', path: '/api/workflows/clone', body: CloneWorkflowSchema, bodyName: 'CloneWorkflow',
    summary: "Clone a template or another organisation's shared workflow", responses: { 201: 'The clone, with its upstream' },
  },
  { method: 'get', path: '/api/workflows/:id', summary: 'A workflow with its draft', responses: { 200: 'The workflow' } },
  {
    method: 'put', path: '/api/workflows/:id', body: UpdateWorkflowSchema, bodyName: 'UpdateWorkflow',
    summary: 'Save the draft (revision for optimistic concurrency)', responses: { 200: 'The workflow', 409: 'Stale revision' },
  },
  { method: 'post', path: '/api/workflows/:id/validate', summary: 'Validate the draft', responses: { 200: '{ valid, problems }' } },
  {
    method: 'post', path: '/api/workflows/:id/publish', body: PublishWorkflowSchema, bodyName: 'PublishWorkflow',
    summary: 'Publish the draft as the next immutable version', responses: { 201: '{ version, workflow }', 400: 'Definition has problems', 409: 'Stale revision' },
  },
  { method: 'get', path: '/api/workflows/:id/versions/:version', params: { version: 'The version number' }, summary: 'A published version', responses: { 200: 'The version' } },
  { method: 'get', path: '/api/workflows/:id/diff', summary: 'Differences to the upstream as cloned and to its newest version', responses: { 200: '{ asCloned, toNewest, upstreamChanges }', 409: 'No upstream' } },
  {
    method: 'post', path: '/api/workflows/:id/merge', body: MergeWorkflowSchema, bodyName: 'MergeWorkflow',
    summary: "Merge the upstream's newest version; conflicts need a resolution each", responses: { 200: 'The merged workflow', 409: 'Unresolved conflicts (listed), or stale revision' },
  },
]);
