import type { CaseWorkflowView } from '@contracts/cases/case-view.types';
import type { WorkflowDefinition } from '@contracts/workflows/workflow-definition.schemas';
import { useApi } from '../common/use-api';

/**
 * The definition a case runs on: a platform template (`GET /api/workflows/templates/:key`, its newest version) or a
 * published version of an organisation's workflow (`GET /api/workflows/:id/versions/:version`).
 */
export function useCaseWorkflowDefinition(workflow: Pick<CaseWorkflowView, 'source' | 'definitionId' | 'version'> | undefined) {
  const url = !workflow
    ? null
    : workflow.source === 'template'
      ? `/api/workflows/templates/${encodeURIComponent(workflow.definitionId)}`
      : `/api/workflows/${encodeURIComponent(workflow.definitionId)}/versions/${workflow.version}`;
  const state = useApi<{ definition?: WorkflowDefinition }>(url);
  return { ...state, definition: state.data?.definition };
}

