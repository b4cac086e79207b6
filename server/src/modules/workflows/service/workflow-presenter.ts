import { definitionFromText } from '../storage/definition-text';
import type { WorkflowRecord } from '../storage/workflow.model';
import type { WorkflowTemplateRecord } from '../storage/workflow-template.model';

export const presentWorkflow = (w: WorkflowRecord) => ({
  id: String(w._id),
  orgId: String(w.orgId),
  key: w.key,
  revision: w.revision,
  latestVersion: w.latestVersion,
  upstream: w.upstream,
  shared: w.shared,
  definition: definitionFromText(w.draftText),
  createdAt: w.createdAt,
  updatedAt: w.updatedAt,
});

export const presentTemplate = (t: WorkflowTemplateRecord, withDefinition = false) => ({
  key: t.key,
  version: t.version,
  jurisdiction: t.jurisdiction,
  usable: t.problemCount === 0,
  ...(withDefinition ? { definition: definitionFromText(t.definitionText) } : {}),
});
