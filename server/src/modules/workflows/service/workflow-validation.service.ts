import type { Types } from 'mongoose';
import { workflowInvalid } from '../workflow.errors';
import { validateWorkflowDefinition } from '../definition/workflow-definition.validator';
import type { WorkflowProblem } from '../../../contracts/workflows/workflow-problem.types';
import type { WorkflowCatalog } from '../storage/workflow-catalog';
import { jurisdictionsOf, uniqueProblems } from '../templates/workflow-template.loader';

/** Validates a definition against what exists for this organisation: its forms and its jurisdiction's parameters. */
export async function problemsFor(catalog: WorkflowCatalog, orgId: Types.ObjectId, definition: unknown): Promise<WorkflowProblem[]> {
  const formPaths = await catalog.formPaths(orgId);
  const problems: WorkflowProblem[] = [];
  // Under every jurisdiction a case may run under (countries of return), each with its own parameters.
  for (const [index, jurisdiction] of jurisdictionsOf(definition).entries()) {
    if (typeof jurisdiction !== 'string') {
      problems.push(...validateWorkflowDefinition(definition, { formPaths, parameters: {} }));
      continue;
    }
    const found = validateWorkflowDefinition(definition, { formPaths, parameters: await catalog.parameters(orgId, jurisdiction) });
    problems.push(...found);
    if (found.length === 0 && !catalog.hasJurisdiction(jurisdiction)) {
      problems.push({ path: index === 0 ? '/jurisdiction' : `/jurisdictions/${index - 1}`, code: 'schema', params: { message: 'unknown jurisdiction' } });
    }
  }
  return uniqueProblems(problems);
}

export async function assertValid(catalog: WorkflowCatalog, orgId: Types.ObjectId, definition: unknown): Promise<void> {
  const problems = await problemsFor(catalog, orgId, definition);
  if (problems.length > 0) throw workflowInvalid(problems);
}
