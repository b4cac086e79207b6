import { z } from 'zod';
import { WorkflowDefinitionSchema } from '../../../contracts/workflows/workflow-definition.schemas';

/** The published JSON Schema (workflows/workflow.schema.json) is generated from the zod schema, never hand-edited. */
export function workflowJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(WorkflowDefinitionSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}

export function workflowJsonSchemaText(): string {
  return `${JSON.stringify(workflowJsonSchema(), null, 2)}\n`;
}
