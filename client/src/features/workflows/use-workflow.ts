import { useApi } from '../common/use-api';
import type { CaseWorkflow } from '../cases/case.types';
import type { Stage, WorkflowDefinition } from './workflow.types';

/**
 * The definition a case runs on: a platform template (`GET /api/workflows/templates/:key`, its newest version) or a
 * published version of an organisation's workflow (`GET /api/workflows/:id/versions/:version`).
 */
export function useCaseWorkflowDefinition(workflow: CaseWorkflow | undefined) {
  const url = !workflow
    ? null
    : workflow.source === 'template'
      ? `/api/workflows/templates/${encodeURIComponent(workflow.definitionId)}`
      : `/api/workflows/${encodeURIComponent(workflow.definitionId)}/versions/${workflow.version}`;
  const state = useApi<{ definition?: WorkflowDefinition }>(url);
  return { ...state, definition: state.data?.definition };
}

/** The stage at a path such as `assistance/plan/drafting` (parallel regions and compound children alike). */
export function stageAt(definition: WorkflowDefinition, path: string): Stage | undefined {
  const [first, ...rest] = path.split('/');
  let stage: Stage | undefined = definition.stages[first!];
  for (const id of rest) stage = stage?.stages?.[id] ?? stage?.regions?.[id];
  return stage;
}
