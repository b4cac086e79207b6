import { useMemo } from 'react';
import type { GivenStageNames } from '@contracts/workflows/stage-name.util';
import type { WorkflowDefinition } from '@contracts/workflows/workflow-definition.schemas';
import { useApi } from '../common';

/**
 * The names administrators gave stages in the organisation's workflows, for pages that name stages of many cases at
 * once (the case list, the dashboard): one `GET /api/workflows` per page, not one request per case. The list is the
 * workflows this user may read (the permission layer decides); a user who may read none gets no names, and the
 * stages are named by the translations or their ids, as before. Template workflows have no given names.
 */
export function useGivenStageNames(): GivenStageNames | undefined {
  const { data } = useApi<{ items: { definition?: Pick<WorkflowDefinition, 'stageNames'> }[] }>('/api/workflows');
  return useMemo(() => {
    const names: GivenStageNames = {};
    for (const workflow of data?.items ?? []) {
      for (const [stageId, byLanguage] of Object.entries(workflow.definition?.stageNames ?? {})) {
        names[stageId] = { ...byLanguage, ...names[stageId] };
      }
    }
    return Object.keys(names).length > 0 ? names : undefined;
  }, [data]);
}
