import { useApi } from '../common/use-api';
import type { WorkflowDefinition } from './workflow.types';

/** `GET /api/workflows/:id` (expected: the record with a `definition`, or the definition itself). */
export function useWorkflowDefinition(id: string | undefined, version?: number) {
  const url = id ? `/api/workflows/${encodeURIComponent(id)}${version ? `?version=${version}` : ''}` : null;
  const state = useApi<{ definition?: WorkflowDefinition } & Partial<WorkflowDefinition>>(url);
  const body = state.data;
  const definition = body?.definition ?? (body?.stages ? (body as WorkflowDefinition) : undefined);
  return { ...state, definition };
}
