import { apiRoutes, json } from '../../../core/openapi/api-route';
import { RightsSheetSchema } from '../../../contracts/person/rights-sheet.types';
import {
  PublishedWorkflowSchema, WorkflowListSchema, WorkflowMergedSchema, WorkflowTemplateListSchema, WorkflowTemplateViewSchema, WorkflowUpstreamDiffSchema,
  WorkflowValidationSchema, WorkflowVersionViewSchema, WorkflowViewSchema,
} from '../../../contracts/workflows/workflow-view.schemas';
import {
  CloneWorkflowSchema, CreateWorkflowSchema, ListWorkflowsQuerySchema, MergeWorkflowSchema, PublishWorkflowSchema,
  TemplateQuerySchema, UpdateWorkflowSchema, ValidateWorkflowSchema,
} from './workflow.schemas';

/** Workflows: drafts and immutable versions, the template library, clone, diff and merge (case migration: cases/routes/case-migration.openapi.ts). */
export const workflowApi = apiRoutes('workflows', [
  {
    method: 'get', path: '/api/jurisdictions/:code/rights', params: { code: "The jurisdiction's two-letter code (fi, dk ...)" },
    summary: "The 'your rights and options' sheet of a jurisdiction (issue 18): sections and paragraphs as `person:` text keys, with their numbers from the parameters in force for the user's organisation",
    responses: { 200: json('The sheet', RightsSheetSchema, 'RightsSheet'), 404: 'No sheet for this jurisdiction' },
  },
  {
    method: 'get', path: '/api/workflows', query: ListWorkflowsQuerySchema,
    summary: "List the organisation's workflows (or `shared=true`: other organisations' shared ones)", responses: { 200: json('Workflows', WorkflowListSchema, 'WorkflowList') },
  },
  { method: 'post', path: '/api/workflows', body: CreateWorkflowSchema, bodyName: 'CreateWorkflow', summary: 'Create a workflow draft', responses: { 201: json('The workflow', WorkflowViewSchema, 'WorkflowView') } },
  { method: 'get', path: '/api/workflows/templates', summary: 'The platform template library', responses: { 200: json('Templates', WorkflowTemplateListSchema, 'WorkflowTemplateList') } },
  {
    method: 'get', path: '/api/workflows/templates/:key', params: { key: "The template's key" }, query: TemplateQuerySchema,
    summary: 'A template with its definition: the version asked for (the one a case runs on), or else the newest', responses: { 200: json('The template with its definition', WorkflowTemplateViewSchema, 'WorkflowTemplateView'), 404: 'No such template or version' },
  },
  {
    method: 'post', path: '/api/workflows/validate', body: ValidateWorkflowSchema, bodyName: 'ValidateWorkflow',
    summary: 'Validate a definition (every problem with its JSON pointer)', responses: { 200: json('Whether it is valid, and its problems', WorkflowValidationSchema, 'WorkflowValidation') },
  },
  {
    method: 'post', path: '/api/workflows/clone', body: CloneWorkflowSchema, bodyName: 'CloneWorkflow',
    summary: "Clone a template or another organisation's shared workflow", responses: { 201: json('The clone, with its upstream', WorkflowViewSchema, 'WorkflowView') },
  },
  { method: 'get', path: '/api/workflows/:id', summary: 'A workflow with its draft', responses: { 200: json('The workflow', WorkflowViewSchema, 'WorkflowView') } },
  {
    method: 'put', path: '/api/workflows/:id', body: UpdateWorkflowSchema, bodyName: 'UpdateWorkflow',
    summary: 'Save the draft (revision for optimistic concurrency)', responses: { 200: json('The workflow', WorkflowViewSchema, 'WorkflowView'), 409: 'Stale revision' },
  },
  { method: 'post', path: '/api/workflows/:id/validate', summary: 'Validate the draft', responses: { 200: json('Whether it is valid, and its problems', WorkflowValidationSchema, 'WorkflowValidation') } },
  {
    method: 'post', path: '/api/workflows/:id/publish', body: PublishWorkflowSchema, bodyName: 'PublishWorkflow',
    summary: 'Publish the draft as the next immutable version', responses: { 201: json('The new version and the workflow', PublishedWorkflowSchema, 'PublishedWorkflow'), 400: 'Definition has problems', 409: 'Stale revision' },
  },
  { method: 'get', path: '/api/workflows/:id/versions/:version', params: { version: 'The version number' }, summary: 'A published version', responses: { 200: json('The version', WorkflowVersionViewSchema, 'WorkflowVersionView') } },
  { method: 'get', path: '/api/workflows/:id/diff', summary: 'Differences to the upstream as cloned and to its newest version', responses: { 200: json('The differences', WorkflowUpstreamDiffSchema, 'WorkflowUpstreamDiff'), 409: 'No upstream' } },
  {
    method: 'post', path: '/api/workflows/:id/merge', body: MergeWorkflowSchema, bodyName: 'MergeWorkflow',
    summary: "Merge the upstream's newest version; conflicts need a resolution each", responses: { 200: json('The merged workflow', WorkflowMergedSchema, 'WorkflowMerged'), 409: 'Unresolved conflicts (listed), or stale revision' },
  },
]);
