// The public face of the workflows module: the pure workflow engine and definitions that cases run on, the workflow
// catalog, and its routes.
export { describeAction } from './actions/action-registry';
export type { ActionEffect, ReferralRequest } from './actions/action.types';
export { resolveDuration } from './definition/duration.util';
export { computeDueItems, type DueItem } from './engine/deadline-schedule';
export {
  CASE_UPDATED_EVENT, type CaseContext, type EvaluationContext, FORM_SUBMITTED_EVENT, type WorkflowEvent
} from './engine/evaluation-context.types';
export { blockedEvents, endingEvents } from './engine/event-blockers';
export { inputProblems } from './engine/event-inputs';
export { type EventOption, eventOptions, inputsOfEvent } from './engine/event-options';
export { activeLeafPaths, type PersistedWorkflowSnapshot } from './engine/persisted-snapshot';
export { referralDecisionEvents, referralEvents } from './engine/referral-events';
export { startWorkflow, transitionWorkflow, type WorkflowEventRejected } from './engine/workflow-engine';
export { readRightsFile, resolveRightsSheet } from './jurisdictions/rights-sheet';
export { rightsSheetRoutes } from './routes/rights-sheet.routes';
export { workflowApi } from './routes/workflow.openapi';
export { workflowRoutes } from './routes/workflow.routes';
export { loadWorkflow } from './service/workflow-access';
export { findTemplateVersion } from './storage/definition-keys';
export { loadTemplateLibrary } from './storage/template-library.service';
export { type DefinitionRef, WorkflowCatalog } from './storage/workflow-catalog';
export { workflowTemplateModel } from './storage/workflow-template.model';
export { workflowModel } from './storage/workflow.model';
export { canMigrate } from './versioning/workflow-migration';
export { nameWorkflows } from './service/workflow-names';
