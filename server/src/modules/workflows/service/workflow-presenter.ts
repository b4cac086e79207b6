import { offeredJurisdictions } from '../../../contracts/workflows/jurisdiction-choices';
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

export const presentTemplate = (t: WorkflowTemplateRecord, withDefinition = false) => {
  const definition = definitionFromText(t.definitionText);
  return {
    key: t.key,
    version: t.version,
    jurisdiction: t.jurisdiction,
    // Where a case may run under several (countries of return), the new-case page asks which.
    jurisdictions: offeredJurisdictions(definition),
    usable: t.problemCount === 0,
    ...(withDefinition ? { definition } : {}),
  };
};
