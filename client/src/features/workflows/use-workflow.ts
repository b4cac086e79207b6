import type { CaseWorkflowView } from '@contracts/cases/case-view.types';
import type { WorkflowDefinition } from '@contracts/workflows/workflow-definition.schemas';
import { useApi } from '../common';

/**
 * The definition a case runs on: the version of a platform template (`GET /api/workflows/templates/:key?version=`)
 * or the published version of an organisation's workflow (`GET /api/workflows/:id/versions/:version`) it was started
 * on or migrated to. Both are immutable, so the server answers them from memory.
 */
export function useCaseWorkflowDefinition(workflow: Pick<CaseWorkflowView, 'source' | 'definitionId' | 'version'> | undefined) {
  const url = !workflow
    ? null
    : workflow.source === 'template'
      ? `/api/workflows/templates/${encodeURIComponent(workflow.definitionId)}?version=${workflow.version}`
      : `/api/workflows/${encodeURIComponent(workflow.definitionId)}/versions/${workflow.version}`;
  const state = useApi<{ definition?: WorkflowDefinition }>(url);
  return { ...state, definition: state.data?.definition };
}

