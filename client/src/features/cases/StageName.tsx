import { useTranslation } from 'react-i18next';
import { eventKey, stageKey } from '@contracts/workflows/i18n-keys.util';

/**
 * Keys to try for a name, derived as the server derives them: the workflow's own, else any workflow's (a case list
 * mixes workflows).
 */
function useKeys(workflowId: string | undefined, keyOf: (workflowId: string, id: string) => string) {
  const { i18n } = useTranslation('workflows');
  return (id: string) => {
    if (workflowId) return [keyOf(workflowId, id)];
    const bundle = (i18n.getResourceBundle(i18n.language, 'workflows') ?? i18n.getResourceBundle('en', 'workflows') ?? {}) as Record<string, unknown>;
    return Object.keys(bundle).map((workflow) => keyOf(workflow, id));
  };
}

/** A stage's display name from locales/<lng>/workflows.json (`<workflow>.stages.<stageId>`), else its id. */
export function useStageName(workflowId: string | undefined) {
  const { t } = useTranslation('workflows');
  const keys = useKeys(workflowId, stageKey);
  return (path: string) => {
    const id = path.split('/').at(-1)!;
    return t(keys(id), { defaultValue: id });
  };
}

/** A nested stage with its parent, `Plan of assistance: Drafting`, since many tracks share state names. */
export function useStageLabel(workflowId: string | undefined) {
  const stageName = useStageName(workflowId);
  return (path: string) => {
    const parts = path.split('/');
    return parts.length < 2 ? stageName(path) : `${stageName(parts.at(-2)!)}: ${stageName(parts.at(-1)!)}`;
  };
}

export function useEventName(workflowId: string | undefined) {
  const { t } = useTranslation('workflows');
  const keys = useKeys(workflowId, eventKey);
  return (event: string) => t(keys(event), { defaultValue: event });
}
