import type { Types } from 'mongoose';
import { workflowInvalid } from '../workflow.errors';
import { validateWorkflowDefinition } from '../definition/workflow-definition.validator';
import type { WorkflowProblem } from '../../../contracts/workflows/workflow-problem.types';
import type { WorkflowCatalog } from '../storage/workflow-catalog';

/** Validates a definition against what exists for this organisation: its forms and its jurisdiction's parameters. */
export async function problemsFor(catalog: WorkflowCatalog, orgId: Types.ObjectId, definition: unknown): Promise<WorkflowProblem[]> {
  const jurisdiction = (definition as { jurisdiction?: unknown } | null)?.jurisdiction;
  const parameters = typeof jurisdiction === 'string' ? await catalog.parameters(orgId, jurisdiction) : {};
  const problems = validateWorkflowDefinition(definition, { formPaths: await catalog.formPaths(orgId), parameters });
  if (typeof jurisdiction === 'string' && problems.length === 0 && !catalog.hasJurisdiction(jurisdiction)) {
    problems.push({ path: '/jurisdiction', code: 'schema', params: { message: 'unknown jurisdiction' } });
  }
  return problems;
}

export async function assertValid(catalog: WorkflowCatalog, orgId: Types.ObjectId, definition: unknown): Promise<void> {
  const problems = await problemsFor(catalog, orgId, definition);
  if (problems.length > 0) throw workflowInvalid(problems);
}
